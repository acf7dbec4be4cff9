import { s3BucketVersioning } from '../../src/rules/s3/aws-s3-bucket-versioning';
import { testRule } from '../rule-tester';

testRule(s3BucketVersioning, {
  valid: [
    {
      name: 'versioning enabled',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`,
    },
    {
      name: 'status from a parameter without default cannot be known',
      code: `Parameters:
  Versioning:
    Type: String
    AllowedValues: [Enabled, Suspended]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref Versioning
`,
    },
    {
      name: 'configuration from an import cannot be known',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: !ImportValue shared-versioning
`,
    },
    {
      name: 'parameter default Enabled, and Fn::If with both branches enabled',
      code: `Parameters:
  Versioning:
    Type: String
    Default: Enabled
Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref Versioning
  Other:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: !If [Dev, {Status: Enabled}, {Status: !Ref Versioning}]
`,
    },
    {
      name: 'JSON versioning enabled',
      code: `{
  "Resources": {
    "Data": {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": "Enabled"}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'no Properties: reported at the resource key',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 7, message: 'does not enable versioning', resource: 'Data' }],
    },
    {
      name: 'Suspended reported at the value',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended
`,
      errors: [{ line: 6, column: 17, endLine: 6, endColumn: 26, message: 'Status "Suspended"' }],
    },
    {
      name: 'one Fn::If branch removes the configuration: reported at AWS::NoValue',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: !If [Dev, !Ref AWS::NoValue, {Status: Enabled}]
`,
      errors: [{ line: 7, column: 42, endLine: 7, endColumn: 59 }],
    },
    {
      name: 'parameter default Suspended reported at the Ref',
      code: `Parameters:
  Versioning:
    Type: String
    Default: Suspended
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref Versioning
`,
      errors: [{ line: 10, column: 17, endLine: 10, endColumn: 32, message: 'Status "Suspended"' }],
    },
    {
      name: 'JSON bucket without versioning',
      code: `{
  "Resources": {
    "Data": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "data"}}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 11 }],
    },
    {
      name: 'JSON long-form Fn::If with a suspended branch',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]}},
  "Resources": {
    "Data": {
      "Type": "AWS::S3::Bucket",
      "Properties": {"VersioningConfiguration": {"Status": {"Fn::If": ["Dev", "Suspended", "Enabled"]}}}
    }
  }
}`,
      errors: [{ line: 6, column: 79, endLine: 6, endColumn: 90 }],
    },
  ],
});
