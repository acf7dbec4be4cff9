import { efsEncryption } from '../../src/rules/misc/aws-efs-encryption';
import { testRule } from '../rule-tester';

testRule(efsEncryption, {
  valid: [
    {
      name: 'encrypted with the default key',
      code: `Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
`,
    },
    {
      name: 'encrypted with a customer managed key',
      code: `Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: "true"
      KmsKeyId: !GetAtt Key.Arn
`,
    },
    {
      name: 'a parameter without Default cannot be known',
      code: `Parameters:
  Encrypt:
    Type: String
Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !Ref Encrypt
`,
    },
    {
      name: 'JSON: encrypted',
      code: `{
  "Resources": {
    "Fs": {"Type": "AWS::EFS::FileSystem", "Properties": {"Encrypted": true, "PerformanceMode": "generalPurpose"}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'absent: not encrypted by default',
      code: `Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      PerformanceMode: generalPurpose
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 5, message: 'is not encrypted at rest', resource: 'Fs' }],
    },
    {
      name: 'explicitly false',
      code: `Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: false
`,
      errors: [{ line: 5, column: 18, endLine: 5, endColumn: 23, message: 'Encrypted false' }],
    },
    {
      name: 'a parameter whose Default is false: reported at the Ref',
      code: `Parameters:
  Encrypt:
    Type: String
    Default: "false"
Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !Ref Encrypt
`,
      errors: [{ line: 9, column: 18, endLine: 9, endColumn: 30 }],
    },
    {
      name: 'an Fn::If branch with AWS::NoValue',
      code: `Conditions:
  Prod: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !If [Prod, true, !Ref "AWS::NoValue"]
`,
      errors: [{ line: 7, column: 35, endLine: 7, endColumn: 54 }],
    },
    {
      name: 'JSON: no Properties',
      code: `{
  "Resources": {
    "Fs": {"Type": "AWS::EFS::FileSystem"}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'JSON: long-form Fn::If with a false branch',
      code: `{
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Fs": {"Type": "AWS::EFS::FileSystem", "Properties": {"Encrypted": {"Fn::If": ["C", false, true]}}}
  }
}`,
      errors: [{ line: 4, column: 89, endLine: 4, endColumn: 94 }],
    },
  ],
});
