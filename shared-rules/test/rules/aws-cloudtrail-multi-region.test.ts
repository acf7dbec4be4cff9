import { cloudtrailMultiRegion } from '../../src/rules/misc/aws-cloudtrail-multi-region';
import { testRule } from '../rule-tester';

testRule(cloudtrailMultiRegion, {
  valid: [
    {
      name: 'multi-Region trail',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: true
      IncludeGlobalServiceEvents: true
`,
    },
    {
      name: 'multi-Region as the string "True"',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: "True"
`,
    },
    {
      name: 'a parameter without Default cannot be known',
      code: `Parameters:
  AllRegions:
    Type: String
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: !Ref AllRegions
`,
    },
    {
      name: 'JSON: imported value cannot be known',
      code: `{
  "Resources": {
    "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "logs", "IsMultiRegionTrail": {"Fn::ImportValue": "multi"}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'absent: single-Region by default',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 8, message: 'records only its own Region', resource: 'Trail' }],
    },
    {
      name: 'explicitly false',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: false
`,
      errors: [{ line: 7, column: 27, endLine: 7, endColumn: 32, message: 'IsMultiRegionTrail false' }],
    },
    {
      name: 'a parameter whose Default is false: reported at the Ref',
      code: `Parameters:
  AllRegions:
    Type: String
    Default: "false"
    AllowedValues: ["true", "false"]
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: !Ref AllRegions
`,
      errors: [{ line: 12, column: 27, endLine: 12, endColumn: 42 }],
    },
    {
      name: 'an Fn::If branch with AWS::NoValue',
      code: `Conditions:
  Main: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: !If
        - Main
        - true
        - !Ref AWS::NoValue
`,
      errors: [{ line: 12, column: 11, endLine: 12, endColumn: 28 }],
    },
    {
      name: 'JSON: long-form Fn::If with a false branch',
      code: `{
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Trail": {
      "Type": "AWS::CloudTrail::Trail",
      "Properties": {"IsLogging": true, "S3BucketName": "logs", "IsMultiRegionTrail": {"Fn::If": ["C", "false", true]}}
    }
  }
}`,
      errors: [{ line: 6, column: 104, endLine: 6, endColumn: 111 }],
    },
  ],
});
