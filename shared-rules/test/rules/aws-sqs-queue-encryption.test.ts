import { sqsQueueEncryption } from '../../src/rules/data/aws-sqs-queue-encryption';
import { testRule } from '../rule-tester';

testRule(sqsQueueEncryption, {
  valid: [
    {
      name: 'SqsManagedSseEnabled absent: SSE-SQS is the default for new queues',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
    },
    {
      name: 'SSE-SQS on, or SSE off in favour of a KMS key',
      code: `Resources:
  A:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: true
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
      KmsMasterKeyId: alias/aws/sqs
`,
    },
    {
      name: 'a setting from a parameter without Default cannot be known',
      code: `Parameters:
  Sse:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: !Ref Sse
`,
    },
    {
      name: 'both properties switched by the same condition are not paired across branches',
      code: `Conditions:
  UseKms: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: !If [UseKms, false, true]
      KmsMasterKeyId: !If [UseKms, !ImportValue queue-key, !Ref AWS::NoValue]
`,
    },
    {
      name: 'JSON: a KMS key from GetAtt',
      code: `{
  "Resources": {
    "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": "false", "KmsMasterKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'SSE turned off without a key',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
`,
      errors: [{ line: 5, column: 29, endLine: 5, endColumn: 34, message: 'Queue Queue sets SqsManagedSseEnabled to false', resource: 'Queue' }],
    },
    {
      name: 'Fn::If with one false branch',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: !If [Dev, "false", !Ref AWS::NoValue]
`,
      errors: [{ line: 7, column: 39, endLine: 7, endColumn: 46 }],
    },
    {
      name: 'Ref to a parameter whose Default is false: reported at the Ref',
      code: `Parameters:
  Encrypt:
    Type: String
    Default: "false"
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: !Ref Encrypt
`,
      errors: [{ line: 9, column: 29, endLine: 9, endColumn: 41 }],
    },
    {
      name: 'an unconditional false with a key that one branch removes',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: False
      KmsMasterKeyId: !If [Dev, !Ref AWS::NoValue, alias/aws/sqs]
`,
      errors: [{ line: 7, column: 29, endLine: 7, endColumn: 34 }],
    },
    {
      name: 'JSON long form: Fn::If with a false branch, string boolean',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]}},
  "Resources": {
    "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": {"Fn::If": ["Dev", "False", true]}}}
  }
}`,
      errors: [{ line: 4, column: 100, endLine: 4, endColumn: 107 }],
    },
  ],
});
