import { cloudtrailLogValidation } from '../../src/rules/misc/aws-cloudtrail-log-validation';
import { testRule } from '../rule-tester';

testRule(cloudtrailLogValidation, {
  valid: [
    {
      name: 'validation enabled',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: true
`,
    },
    {
      name: 'validation enabled as the string "true"',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: "true"
`,
    },
    {
      name: 'a parameter without Default cannot be known',
      code: `Parameters:
  Validate:
    Type: String
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: !Ref Validate
`,
    },
    {
      name: 'JSON: a parameter whose Default is true',
      code: `{
  "Parameters": {"Validate": {"Type": "String", "Default": "true"}},
  "Resources": {
    "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "logs", "EnableLogFileValidation": {"Ref": "Validate"}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'absent: validation is off by default',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 8, message: 'does not enable log file validation', resource: 'Trail' }],
    },
    {
      name: 'explicitly false',
      code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: false
`,
      errors: [{ line: 7, column: 32, endLine: 7, endColumn: 37, message: 'EnableLogFileValidation false' }],
    },
    {
      name: 'a parameter whose Default is false: reported at the Ref',
      code: `Parameters:
  Validate:
    Type: String
    Default: "false"
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: !Ref Validate
`,
      errors: [{ line: 11, column: 32, endLine: 11, endColumn: 45 }],
    },
    {
      name: 'an Fn::If branch with AWS::NoValue',
      code: `Conditions:
  Strict: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: !If [Strict, true, !Ref "AWS::NoValue"]
`,
      errors: [{ line: 9, column: 51, endLine: 9, endColumn: 70 }],
    },
    {
      name: 'JSON: long-form Fn::If with a false branch',
      code: `{
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Trail": {
      "Type": "AWS::CloudTrail::Trail",
      "Properties": {"IsLogging": true, "S3BucketName": "logs", "EnableLogFileValidation": {"Fn::If": ["C", true, false]}}
    }
  }
}`,
      errors: [{ line: 6, column: 115, endLine: 6, endColumn: 120 }],
    },
  ],
});
