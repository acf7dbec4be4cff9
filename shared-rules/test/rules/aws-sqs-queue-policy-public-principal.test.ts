import { sqsQueuePolicyPublicPrincipal } from '../../src/rules/data/aws-sqs-queue-policy-public-principal';
import { testRule } from '../rule-tester';

testRule(sqsQueuePolicyPublicPrincipal, {
  valid: [
    {
      name: 'wildcard principal restricted by aws:SourceArn',
      code: `Resources:
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sqs:SendMessage
            Resource: !GetAtt Queue.Arn
            Condition:
              ArnEquals:
                aws:SourceArn: !Ref Topic
`,
    },
    {
      name: 'service principal, account principal, and a Deny with "*"',
      code: `Resources:
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: sns.amazonaws.com}
            Action: sqs:SendMessage
            Resource: "*"
          - Effect: Allow
            Principal: {AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root"}
            Action: sqs:*
            Resource: "*"
          - Effect: Deny
            Principal: {AWS: "*"}
            Action: sqs:*
            Resource: "*"
            Condition: {Bool: {aws:SecureTransport: false}}
`,
    },
    {
      name: 'principal from a parameter without Default or an import cannot be known',
      code: `Parameters:
  Consumer:
    Type: String
Resources:
  Policy:
    Type: AWS::SQS::QueueInlinePolicy
    Properties:
      Queue: !Ref Queue
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: !Ref Consumer}
            Action: sqs:ReceiveMessage
            Resource: "*"
          - Effect: Allow
            Principal: {AWS: !ImportValue consumer-role}
            Action: sqs:ReceiveMessage
            Resource: "*"
`,
    },
    {
      name: 'JSON long form: Fn::If between two named accounts',
      code: `{
  "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111122223333"]}},
  "Resources": {
    "Policy": {"Type": "AWS::SQS::QueuePolicy", "Properties": {
      "Queues": [{"Ref": "Queue"}],
      "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*",
        "Principal": {"AWS": {"Fn::If": ["Prod", "arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]}}}]}
    }}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'Principal "*" without a Condition',
      code: `Resources:
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: [sqs:SendMessage, sqs:ReceiveMessage]
            Resource: !GetAtt Queue.Arn
`,
      errors: [{ line: 9, column: 24, endLine: 9, endColumn: 27, message: 'Queue policy Policy allows any principal', resource: 'Policy' }],
    },
    {
      name: '{AWS: [account, "*"]} and a Condition removed by AWS::NoValue',
      code: `Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Policy:
    Type: AWS::SQS::QueueInlinePolicy
    Properties:
      Queue: !Ref Queue
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: ["111122223333", "*"]
            Action: sqs:SendMessage
            Resource: "*"
            Condition: !If [Open, !Ref AWS::NoValue, {StringEquals: {aws:SourceAccount: "111122223333"}}]
`,
      errors: [{ line: 12, column: 37, endLine: 12, endColumn: 40 }],
    },
    {
      name: 'Fn::If with one public branch, and a Ref to a parameter whose Default is "*"',
      code: `Parameters:
  Who:
    Type: String
    Default: "*"
Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: !If [Open, "*", "arn:aws:iam::111122223333:root"]}
            Action: sqs:SendMessage
            Resource: "*"
          - Effect: Allow
            Principal: {AWS: !Ref Who}
            Action: sqs:ReceiveMessage
            Resource: "*"
`,
      errors: [
        { line: 15, column: 41, endLine: 15, endColumn: 44 },
        { line: 19, column: 30, endLine: 19, endColumn: 38 },
      ],
    },
    {
      name: 'JSON long form with {"AWS": "*"}',
      code: `{
  "Resources": {
    "Policy": {"Type": "AWS::SQS::QueuePolicy", "Properties": {
      "Queues": [{"Ref": "Queue"}],
      "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:*", "Resource": {"Fn::GetAtt": ["Queue", "Arn"]}}]}
    }}
  }
}`,
      errors: [{ line: 5, column: 81, endLine: 5, endColumn: 84 }],
    },
  ],
});
