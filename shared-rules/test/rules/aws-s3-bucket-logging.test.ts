import { s3BucketLogging } from '../../src/rules/s3/aws-s3-bucket-logging';
import { testRule } from '../rule-tester';

testRule(s3BucketLogging, {
  valid: [
    {
      name: 'bucket logs to a log bucket, which is not itself reported',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref AccessLogs
        LogFilePrefix: data/
  AccessLogs:
    Type: AWS::S3::Bucket
`,
    },
    {
      name: 'log targets named by Fn::Sub, by the same BucketName text, through Fn::If',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !If [Dev, !Sub "\${LogsA}", !Sub "\${AWS::StackName}-logs-b"]
  Other:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: central-logs
  LogsA:
    Type: AWS::S3::Bucket
  LogsB:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${AWS::StackName}-logs-b"
  LogsC:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: central-logs
`,
    },
    {
      name: 'destination from a parameter default equal to a BucketName',
      code: `Parameters:
  LogBucketName:
    Type: String
    Default: central-logs
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref LogBucketName
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: central-logs
`,
    },
    {
      name: 'buckets set up as log destinations: LogDeliveryWrite ACL, or a policy for logging.s3.amazonaws.com',
      code: `Resources:
  LegacyLogs:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: LogDeliveryWrite
  Logs:
    Type: AWS::S3::Bucket
  LogsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Logs
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: logging.s3.amazonaws.com}
            Action: s3:PutObject
            Resource: !Sub "\${Logs.Arn}/*"
`,
    },
    {
      name: 'logging configuration from an import cannot be known',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration: !ImportValue shared-logging
`,
    },
    {
      name: 'JSON with long-form Ref to the log bucket',
      code: `{
  "Resources": {
    "Data": {"Type": "AWS::S3::Bucket", "Properties": {"LoggingConfiguration": {"DestinationBucketName": {"Ref": "Logs"}}}},
    "Logs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "logs"}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'bucket without logging: reported at the resource key',
      code: `Resources:
  Data:
    Type: AWS::S3::Bucket
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 7, message: 'has no LoggingConfiguration', resource: 'Data' }],
    },
    {
      name: 'one Fn::If branch removes the logging: reported at AWS::NoValue',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration: !If [Dev, !Ref AWS::NoValue, {DestinationBucketName: !ImportValue log-bucket}]
`,
      errors: [{ line: 7, column: 39, endLine: 7, endColumn: 56, resource: 'Data' }],
    },
    {
      name: 'a bucket logging to itself does not exempt the others, nor does a destination from a parameter',
      code: `Parameters:
  CentralLogs:
    Type: String
Resources:
  SelfLogged:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref SelfLogged
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref CentralLogs
  Unlogged:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: unlogged
`,
      errors: [{ line: 15, column: 3, endLine: 15, endColumn: 11, resource: 'Unlogged' }],
    },
    {
      name: 'LogDeliveryWrite only in one Fn::If branch, and a policy granting another service',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Maybe:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !If [Dev, LogDeliveryWrite, Private]
  Trail:
    Type: AWS::S3::Bucket
  TrailPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Trail
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: cloudtrail.amazonaws.com}
            Action: s3:PutObject
            Resource: !Sub "\${Trail.Arn}/*"
`,
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 8, resource: 'Maybe' },
        { line: 8, column: 3, endLine: 8, endColumn: 8, resource: 'Trail' },
      ],
    },
    {
      name: 'JSON bucket without logging',
      code: `{
  "Resources": {
    "Data": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "data"}}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 11 }],
    },
    {
      name: 'JSON long-form Fn::If removing the logging',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]}},
  "Resources": {
    "Data": {
      "Type": "AWS::S3::Bucket",
      "Properties": {"LoggingConfiguration": {"Fn::If": ["Dev", {"DestinationBucketName": "logs"}, {"Ref": "AWS::NoValue"}]}}
    }
  }
}`,
      errors: [{ line: 6, column: 100, endLine: 6, endColumn: 123 }],
    },
  ],
});
