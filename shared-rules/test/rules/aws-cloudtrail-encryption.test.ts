import { cloudtrailEncryption } from '../../src/rules/misc/aws-cloudtrail-encryption';
import { testRule } from '../rule-tester';

testRule(cloudtrailEncryption, {
  valid: [
    {
      name: 'KMSKeyId referencing a key in the template',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref LogBucket
      KMSKeyId: !GetAtt TrailKey.Arn
`,
    },
    {
      name: 'KMSKeyId as an alias',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      KMSKeyId: alias/cloudtrail
`,
    },
    {
      name: 'KMSKeyId from a parameter without Default',
      code: `Parameters:
  Key:
    Type: String
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      KMSKeyId: !Ref Key
`,
    },
    {
      name: 'JSON: KMSKeyId from Fn::ImportValue',
      code: `{
  "Resources": {
    "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "logs", "KMSKeyId": {"Fn::ImportValue": "trail-key"}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'no KMSKeyId: reported at the resource key',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 8, message: 'has no KMSKeyId', resource: 'Trail' }],
    },
    {
      name: 'an Fn::If branch that removes the key',
      code: `Conditions:
  Encrypt: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      KMSKeyId: !If [Encrypt, alias/cloudtrail, !Ref "AWS::NoValue"]
`,
      errors: [{ line: 9, column: 49, endLine: 9, endColumn: 68 }],
    },
    {
      name: 'a parameter whose Default is empty: reported at the Ref',
      code: `Parameters:
  Key:
    Type: String
    Default: ""
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      KMSKeyId: !Ref Key
`,
      errors: [{ line: 11, column: 17, endLine: 11, endColumn: 25, message: 'empty KMSKeyId' }],
    },
    {
      name: 'JSON: trail without KMSKeyId',
      code: `{
  "Resources": {
    "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "logs"}}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 12 }],
    },
    {
      name: 'JSON: long-form Fn::If with AWS::NoValue',
      code: `{
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Trail": {
      "Type": "AWS::CloudTrail::Trail",
      "Properties": {"IsLogging": true, "S3BucketName": "logs", "KMSKeyId": {"Fn::If": ["C", {"Ref": "AWS::NoValue"}, "alias/ct"]}}
    }
  }
}`,
      errors: [{ line: 6, column: 94, endLine: 6, endColumn: 117 }],
    },
  ],
});
