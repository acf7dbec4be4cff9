import { iamPolicyWildcardAction } from '../../src/rules/iam/aws-iam-policy-wildcard-action';
import { testRule } from '../rule-tester';

testRule(iamPolicyWildcardAction, {
  valid: [
    {
      name: 'specific actions and read-only prefix wildcards',
      code: `Resources:
  Reader:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: read
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [s3:GetObject, s3:List*, dynamodb:Get*]
            Resource: arn:aws:s3:::my-bucket/*
      Roles: [!Ref AppRole]
`,
    },
    {
      name: 'full administrator statement is left to aws-iam-policy-admin-access, even with service wildcards beside',
      code: `Resources:
  Admin:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: ["*", "s3:*"]
            Resource: "*"
`,
    },
    {
      name: 'Deny statements and NotAction are not wildcard grants',
      code: `{
  "Resources": {
    "Guard": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyName": "guard",
        "PolicyDocument": {
          "Statement": [
            {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::audit/*"},
            {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}},
            {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}
          ]
        },
        "Groups": ["Everyone"]
      }
    }
  }
}`,
    },
    {
      name: 'actions that cannot be known: parameter without Default, import, GetAtt',
      code: `Parameters:
  ExtraAction:
    Type: String
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [!Ref ExtraAction, !ImportValue shared-action, !GetAtt Config.Action]
                Resource: arn:aws:sqs:eu-west-1:111111111111:queue
`,
    },
    {
      name: 'AWS::NoValue removes the only wildcard',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action:
              - sqs:SendMessage
              - !If [Dev, !Ref AWS::NoValue, sqs:ReceiveMessage]
            Resource: "*"
      Roles: [!Ref Role]
`,
    },
  ],
  invalid: [
    {
      name: 'service wildcard on a bucket',
      code: `Resources:
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:*
            Resource: [arn:aws:s3:::data, arn:aws:s3:::data/*]
      Roles: [!Ref AppRole]
`,
      errors: [{ line: 9, column: 21, endLine: 9, endColumn: 25, message: 'every s3 action', resource: 'Policy' }],
    },
    {
      name: 'JSON: "*" on a specific resource, and two service wildcards in one list',
      code: `{
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "Policies": [{
          "PolicyName": "p",
          "PolicyDocument": {"Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:dynamodb:eu-west-1:111111111111:table/t"},
            {"Effect": "Allow", "Action": ["logs:*", "sqs:SendMessage", "dynamodb:*"], "Resource": "*"}
          ]}
        }]
      }
    }
  }
}`,
      errors: [
        { line: 10, column: 43, endLine: 10, endColumn: 46, message: 'every action ("*")' },
        { line: 11, column: 44, endLine: 11, endColumn: 52, message: 'every logs action' },
        { line: 11, column: 73, endLine: 11, endColumn: 85, message: 'every dynamodb action' },
      ],
    },
    {
      name: 'admin statement reported elsewhere, other statement of the same policy still reported',
      code: `Resources:
  User:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: mixed
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: "*", Resource: "*"}
              - {Effect: Allow, Action: "kms:*", Resource: "arn:aws:kms:eu-west-1:111111111111:key/k"}
`,
      errors: [{ line: 10, column: 41, endLine: 10, endColumn: 48, resource: 'User' }],
    },
    {
      name: 'Fn::If with one wildcard branch',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Group:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: !If [Dev, "dynamodb:*", "dynamodb:GetItem"]
                Resource: "*"
`,
      errors: [{ line: 12, column: 35, endLine: 12, endColumn: 47 }],
    },
    {
      name: 'Ref to a parameter whose Default is a service wildcard: reported at the Ref',
      code: `Parameters:
  QueueActions:
    Type: String
    Default: sqs:*
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [!Ref QueueActions]
            Resource: "*"
`,
      errors: [{ line: 12, column: 22, endLine: 12, endColumn: 39 }],
    },
    {
      name: 'SAM function inline statement',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Policies:
        - AWSLambdaBasicExecutionRole
        - Statement:
            - Effect: Allow
              Action: states:*
              Resource: "*"
`,
      errors: [{ line: 12, column: 23, endLine: 12, endColumn: 31, resource: 'Fn' }],
    },
    {
      name: 'JSON long-form Fn::If in the action list',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::StackName"}, "dev"]}},
  "Resources": {
    "Policy": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyName": "p",
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": [{"Fn::If": ["Dev", "ec2:*", "ec2:DescribeInstances"]}], "Resource": "*"}]},
        "Roles": ["r"]
      }
    }
  }
}`,
      errors: [{ line: 8, column: 92, endLine: 8, endColumn: 99 }],
    },
  ],
});
