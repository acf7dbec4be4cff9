import { s3BucketPublicAccessBlock } from '../../src/rules/s3/aws-s3-bucket-public-access-block';
import { testRule } from '../rule-tester';

testRule(s3BucketPublicAccessBlock, {
  valid: [
    {
      name: 'all four settings true',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`,
    },
    {
      name: 'configuration from an import cannot be known',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: !ImportValue shared-bpa
`,
    },
    {
      name: 'a flag from a parameter without default cannot be known',
      code: `Parameters:
  Block:
    Type: String
    AllowedValues: ["true", "false"]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: !Ref Block
        BlockPublicPolicy: !Ref Block
        IgnorePublicAcls: !GetAtt Settings.Ignore
        RestrictPublicBuckets: true
`,
    },
    {
      name: 'both Fn::If branches complete, one flag from a parameter default true',
      code: `Parameters:
  Block:
    Type: String
    Default: "true"
Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: !If
        - Dev
        - {BlockPublicAcls: !Ref Block, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
        - {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
`,
    },
    {
      name: 'JSON with string booleans',
      code: `{
  "Resources": {
    "Data": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "PublicAccessBlockConfiguration": {
          "BlockPublicAcls": "true", "BlockPublicPolicy": "True", "IgnorePublicAcls": true, "RestrictPublicBuckets": "true"
        }
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'no Properties at all: reported once at the resource key',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 7, message: 'has no PublicAccessBlockConfiguration', resource: 'Data' }],
    },
    {
      name: 'one flag false (at the value) and one flag left out (at the configuration key)',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: false
        IgnorePublicAcls: true
`,
      errors: [
        { line: 5, column: 7, endLine: 5, endColumn: 37, message: 'omits RestrictPublicBuckets' },
        { line: 7, column: 28, endLine: 7, endColumn: 33, message: 'sets BlockPublicPolicy to false' },
      ],
    },
    {
      name: 'one Fn::If branch removes the configuration: reported at AWS::NoValue',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: !If
        - Dev
        - !Ref AWS::NoValue
        - {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
`,
      errors: [{ line: 9, column: 11, endLine: 9, endColumn: 28, message: 'has no PublicAccessBlockConfiguration' }],
    },
    {
      name: 'a Fn::If branch lacking a flag: reported at that branch',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: !If
        - Dev
        - {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true}
        - {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
`,
      errors: [{ line: 9, column: 11, endLine: 9, endColumn: 83, message: 'omits RestrictPublicBuckets' }],
    },
    {
      name: 'parameter default false reported at the Ref, AWS::NoValue flag reported at the NoValue',
      code: `Parameters:
  Block:
    Type: String
    Default: "false"
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: !Ref Block
        BlockPublicPolicy: true
        IgnorePublicAcls: !Ref AWS::NoValue
        RestrictPublicBuckets: true
`,
      errors: [
        { line: 10, column: 26, endLine: 10, endColumn: 36, message: 'sets BlockPublicAcls to false' },
        { line: 12, column: 27, endLine: 12, endColumn: 44, message: 'omits IgnorePublicAcls' },
      ],
    },
    {
      name: 'JSON bucket without configuration',
      code: `{
  "Resources": {
    "Data": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "data"}}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 11 }],
    },
    {
      name: 'JSON long-form Fn::If with a false branch, and an empty configuration elsewhere',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]}},
  "Resources": {
    "Data": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "PublicAccessBlockConfiguration": {
          "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true,
          "RestrictPublicBuckets": {"Fn::If": ["Dev", false, true]}
        }
      }
    },
    "Other": {"Type": "AWS::S3::Bucket", "Properties": {"PublicAccessBlockConfiguration": {}}}
  }
}`,
      errors: [
        { line: 9, column: 55, endLine: 9, endColumn: 60, message: 'sets RestrictPublicBuckets to false' },
        { line: 13, column: 57, endLine: 13, endColumn: 89, message: 'omits BlockPublicAcls' },
        { line: 13, column: 57, endLine: 13, endColumn: 89, message: 'omits BlockPublicPolicy' },
        { line: 13, column: 57, endLine: 13, endColumn: 89, message: 'omits IgnorePublicAcls' },
        { line: 13, column: 57, endLine: 13, endColumn: 89, message: 'omits RestrictPublicBuckets' },
      ],
    },
  ],
});
