import { s3BucketEncryption } from '../../src/rules/s3/aws-s3-bucket-encryption';
import { testRule } from '../rule-tester';

testRule(s3BucketEncryption, {
  valid: [
    {
      name: 'AES256 default encryption',
      code: `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
`,
    },
    {
      name: 'encryption from an import cannot be known and is not reported',
      code: `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: !ImportValue shared-encryption
`,
    },
    {
      name: 'JSON with KMS',
      code: `{
  "Resources": {
    "Logs": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'no Properties at all: reported at the resource key',
      code: `Resources:
  Logs:
    Type: AWS::S3::Bucket
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 7, message: 'no BucketEncryption', resource: 'Logs' }],
    },
    {
      name: 'one Fn::If branch removes the encryption: reported at AWS::NoValue',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: !If
        - Dev
        - !Ref AWS::NoValue
        - ServerSideEncryptionConfiguration:
            - ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}
`,
      errors: [{ line: 9, column: 11, endLine: 9, endColumn: 28 }],
    },
    {
      name: 'JSON bucket without encryption',
      code: `{
  "Resources": {
    "Logs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "logs"}}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 11 }],
    },
  ],
});
