import { snsTopicPolicyPublicPrincipal } from '../../src/rules/data/aws-sns-topic-policy-public-principal';
import { testRule } from '../rule-tester';

testRule(snsTopicPolicyPublicPrincipal, {
  valid: [
    {
      name: 'wildcard principal restricted to the owner account',
      code: `Resources:
  Policy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Topic]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: "*"}
            Action: [SNS:Publish, SNS:Subscribe]
            Resource: !Ref Topic
            Condition:
              StringEquals:
                AWS:SourceOwner: !Ref AWS::AccountId
`,
    },
    {
      name: 'service principals, and a condition that cannot be known',
      code: `Resources:
  Policy:
    Type: AWS::SNS::TopicInlinePolicy
    Properties:
      TopicArn: !Ref Topic
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: [events.amazonaws.com, cloudwatch.amazonaws.com]}
            Action: sns:Publish
            Resource: !Ref Topic
          - Effect: Allow
            Principal: "*"
            Action: sns:Subscribe
            Resource: !Ref Topic
            Condition: !ImportValue subscribe-condition
`,
    },
    {
      name: 'principal from a parameter without Default',
      code: `Parameters:
  Publisher:
    Type: String
Resources:
  Policy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Topic]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: !Ref Publisher}
            Action: sns:Publish
            Resource: !Ref Topic
`,
    },
    {
      name: 'JSON long form: an Allow with "*" and a condition',
      code: `{
  "Resources": {
    "Policy": {"Type": "AWS::SNS::TopicPolicy", "Properties": {
      "Topics": [{"Ref": "Topic"}],
      "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Resource": {"Ref": "Topic"},
        "Condition": {"ArnLike": {"aws:SourceArn": {"Fn::Sub": "arn:aws:s3:::\${Bucket}"}}}}]}
    }}
  }
}`,
    },
  ],
  invalid: [
    {
      name: '{AWS: "*"} without a Condition',
      code: `Resources:
  Policy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Topic]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: "*"
            Action: sns:Publish
            Resource: !Ref Topic
`,
      errors: [{ line: 10, column: 20, endLine: 10, endColumn: 23, message: 'Topic policy Policy allows any principal', resource: 'Policy' }],
    },
    {
      name: 'Fn::If with one public branch, and an empty Condition',
      code: `Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Policy:
    Type: AWS::SNS::TopicInlinePolicy
    Properties:
      TopicArn: !Ref Topic
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: !If [Open, "*", {Service: events.amazonaws.com}]
            Action: sns:Publish
            Resource: !Ref Topic
          - Effect: Allow
            Principal: '*'
            Action: sns:Subscribe
            Resource: !Ref Topic
            Condition: {}
`,
      errors: [
        { line: 11, column: 35, endLine: 11, endColumn: 38 },
        { line: 15, column: 24, endLine: 15, endColumn: 27 },
      ],
    },
    {
      name: 'Ref to a parameter whose Default is "*": reported at the Ref',
      code: `Parameters:
  Publisher:
    Type: String
    Default: "*"
Resources:
  Policy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Topic]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: !Ref Publisher}
            Action: sns:Publish
            Resource: !Ref Topic
`,
      errors: [{ line: 13, column: 30, endLine: 13, endColumn: 44 }],
    },
    {
      name: 'JSON long form: Principal "*" in a statement list',
      code: `{
  "Resources": {
    "Policy": {"Type": "AWS::SNS::TopicPolicy", "Properties": {
      "Topics": [{"Ref": "Topic"}],
      "PolicyDocument": {"Statement": [
        {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Resource": "*"},
        {"Effect": "Allow", "Principal": "*", "Action": ["sns:Subscribe", "sns:Receive"], "Resource": "*"}
      ]}
    }}
  }
}`,
      errors: [{ line: 7, column: 42, endLine: 7, endColumn: 45 }],
    },
  ],
});
