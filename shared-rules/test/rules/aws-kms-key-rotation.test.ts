import { kmsKeyRotation } from '../../src/rules/misc/aws-kms-key-rotation';
import { testRule } from '../rule-tester';

testRule(kmsKeyRotation, {
  valid: [
    {
      name: 'rotation enabled',
      code: `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      RotationPeriodInDays: 180
`,
    },
    {
      name: 'asymmetric signing key cannot rotate',
      code: `Resources:
  SigningKey:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: RSA_2048
      KeyUsage: SIGN_VERIFY
`,
    },
    {
      name: 'HMAC key cannot rotate',
      code: `Resources:
  MacKey:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: HMAC_256
      KeyUsage: GENERATE_VERIFY_MAC
`,
    },
    {
      name: 'imported key material cannot rotate automatically',
      code: `Resources:
  Imported:
    Type: AWS::KMS::Key
    Properties:
      Origin: EXTERNAL
`,
    },
    {
      name: 'a KeySpec that cannot be known is not reported',
      code: `Parameters:
  Spec:
    Type: String
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: !Ref Spec
`,
    },
    {
      name: 'a KeySpec that is asymmetric in one Fn::If branch is not reported',
      code: `Conditions:
  Sign: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: !If [Sign, ECC_NIST_P256, SYMMETRIC_DEFAULT]
      KeyUsage: !If [Sign, SIGN_VERIFY, ENCRYPT_DECRYPT]
      EnableKeyRotation: !If [Sign, false, true]
`,
    },
    {
      name: 'JSON: rotation from Fn::ImportValue cannot be known',
      code: `{
  "Resources": {
    "Key": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": {"Fn::ImportValue": "rotate-keys"}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'absent: rotation is off by default',
      code: `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: data key
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'does not enable automatic rotation', resource: 'Key' }],
    },
    {
      name: 'explicit symmetric encryption key with rotation false',
      code: `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: SYMMETRIC_DEFAULT
      KeyUsage: ENCRYPT_DECRYPT
      Origin: AWS_KMS
      EnableKeyRotation: false
`,
      errors: [{ line: 8, column: 26, endLine: 8, endColumn: 31, message: 'EnableKeyRotation false' }],
    },
    {
      name: 'a parameter whose Default is false: reported at the Ref',
      code: `Parameters:
  Rotate:
    Type: String
    Default: "false"
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: !Ref Rotate
`,
      errors: [{ line: 9, column: 26, endLine: 9, endColumn: 37 }],
    },
    {
      name: 'an Fn::If branch with AWS::NoValue',
      code: `Conditions:
  Prod: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: !If [Prod, true, !Ref "AWS::NoValue"]
`,
      errors: [{ line: 7, column: 43, endLine: 7, endColumn: 62 }],
    },
    {
      name: 'JSON: key without Properties',
      code: `{
  "Resources": {
    "Key": {"Type": "AWS::KMS::Key"}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 10 }],
    },
    {
      name: 'JSON: long-form Fn::If with a false branch',
      code: `{
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Key": {"Type": "AWS::KMS::Key", "Properties": {"KeySpec": "SYMMETRIC_DEFAULT", "EnableKeyRotation": {"Fn::If": ["C", false, true]}}}
  }
}`,
      errors: [{ line: 4, column: 123, endLine: 4, endColumn: 128 }],
    },
  ],
});
