import { snsTopicEncryption } from '../../src/rules/data/aws-sns-topic-encryption';
import { testRule } from '../rule-tester';

testRule(snsTopicEncryption, {
  valid: [
    {
      name: 'AWS managed key',
      code: `Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
`,
    },
    {
      name: 'key from a parameter without Default, or GetAtt: unknown but present',
      code: `Parameters:
  Key:
    Type: String
Resources:
  A:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref Key
  B:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !GetAtt TopicKey.Arn
`,
    },
    {
      name: 'Ref to a parameter whose Default is a key',
      code: `Parameters:
  Key:
    Type: String
    Default: alias/team-key
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref Key
`,
    },
    {
      name: 'JSON long form: both branches set a key',
      code: `{
  "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111122223333"]}},
  "Resources": {
    "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"KmsMasterKeyId": {"Fn::If": ["Prod", {"Ref": "ProdKey"}, "alias/aws/sns"]}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'no Properties: reported at the resource key',
      code: `Resources:
  Alarms:
    Type: AWS::SNS::Topic
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 9, message: 'SNS topic Alarms has no KmsMasterKeyId', resource: 'Alarms' }],
    },
    {
      name: 'Fn::If branch with AWS::NoValue: reported there',
      code: `Conditions:
  Prod: !Equals [!Ref AWS::AccountId, "111122223333"]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
      KmsMasterKeyId: !If [Prod, alias/aws/sns, !Ref AWS::NoValue]
`,
      errors: [{ line: 8, column: 49, endLine: 8, endColumn: 66 }],
    },
    {
      name: 'Ref to a parameter whose Default is empty',
      code: `Parameters:
  Key:
    Type: String
    Default: ""
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref Key
`,
      errors: [{ line: 9, column: 23, endLine: 9, endColumn: 31, message: 'is empty' }],
    },
    {
      name: 'JSON topic without a key',
      code: `{
  "Resources": {
    "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "alerts", "Subscription": []}}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 12 }],
    },
  ],
});
