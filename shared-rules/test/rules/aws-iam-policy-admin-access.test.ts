import { iamPolicyAdminAccess } from '../../src/rules/iam/aws-iam-policy-admin-access';
import { testRule } from '../rule-tester';

testRule(iamPolicyAdminAccess, {
  valid: [
    {
      name: 'specific actions on every resource',
      code: `Resources:
  ReadOnly:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: read
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [ec2:DescribeInstances, s3:ListAllMyBuckets]
            Resource: "*"
      Roles: [!Ref AppRole]
`,
    },
    {
      name: 'every action on one resource is not full administrator access (wildcard-action rule)',
      code: `Resources:
  BucketAdmin:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: "*"
            Resource: arn:aws:s3:::my-bucket/*
`,
    },
    {
      name: 'Deny statement with every action',
      code: `{
  "Resources": {
    "Guard": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyName": "guard",
        "PolicyDocument": {
          "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}]
        },
        "Groups": ["Admins"]
      }
    }
  }
}`,
    },
    {
      name: 'action from a parameter without Default or an import cannot be known',
      code: `Parameters:
  AllowedAction:
    Type: String
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: !Ref AllowedAction
                Resource: "*"
              - Effect: Allow
                Action: !ImportValue shared-action
                Resource: "*"
`,
    },
    {
      name: 'AWS::NoValue removes the policies and the statement',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
      Policies: !Ref AWS::NoValue
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      PolicyDocument:
        Statement:
          - !If [Dev, !Ref AWS::NoValue, !Ref AWS::NoValue]
          - Effect: Allow
            Action: logs:PutLogEvents
            Resource: "*"
      Roles: [!Ref Role]
`,
    },
    {
      name: 'SAM managed policies and policy templates are not inline documents',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      CodeUri: src/
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy:
            BucketName: my-bucket
`,
    },
  ],
  invalid: [
    {
      name: 'AWS::IAM::Policy with Action "*" on Resource "*"',
      code: `Resources:
  Admin:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: admin
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: "*"
            Resource: "*"
      Groups: [Ops]
`,
      errors: [{ line: 10, column: 21, endLine: 10, endColumn: 24, message: 'full administrator access', resource: 'Admin' }],
    },
    {
      name: 'role inline policy in JSON, lists of one',
      code: `{
  "Resources": {
    "AppRole": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "Policies": [{
          "PolicyName": "everything",
          "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}
        }]
      }
    }
  }
}`,
      errors: [{ line: 9, column: 75, endLine: 9, endColumn: 78, resource: 'AppRole' }],
    },
    {
      name: 'managed policy with "*:*", user and group inline policies',
      code: `Resources:
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - {Effect: Allow, Action: "*:*", Resource: "*"}
  Person:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: all
          PolicyDocument:
            Statement: {Effect: Allow, Action: ["s3:GetObject", "*"], Resource: "*"}
  Team:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: all
          PolicyDocument: {Statement: [{Effect: Allow, Action: "*", Resource: ["arn:aws:s3:::b", "*"]}]}
`,
      errors: [
        { line: 7, column: 37, endLine: 7, endColumn: 42, message: '"*:*"', resource: 'Managed' },
        { line: 14, column: 65, endLine: 14, endColumn: 68, resource: 'Person' },
        { line: 20, column: 64, endLine: 20, endColumn: 67, resource: 'Team' },
      ],
    },
    {
      name: 'Fn::If with one admin branch: reported at that branch',
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
            Action: !If [Dev, "*", "s3:GetObject"]
            Resource: "*"
      Roles: [!Ref Role]
`,
      errors: [{ line: 11, column: 31, endLine: 11, endColumn: 34 }],
    },
    {
      name: 'Ref to a parameter whose Default is "*": reported at the Ref',
      code: `Parameters:
  Actions:
    Type: String
    Default: "*"
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: !Ref Actions
            Resource: "*"
`,
      errors: [{ line: 12, column: 21, endLine: 12, endColumn: 33 }],
    },
    {
      name: 'SAM function: inline document and a list holding an inline document',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  One:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Policies:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: "*"
            Resource: "*"
  Two:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Policies:
        - AWSLambdaBasicExecutionRole
        - Statement:
            - Effect: Allow
              Action: ["*"]
              Resource: "*"
`,
      errors: [
        { line: 12, column: 21, endLine: 12, endColumn: 24, resource: 'One' },
        { line: 23, column: 24, endLine: 23, endColumn: 27, resource: 'Two' },
      ],
    },
    {
      name: 'JSON long-form Fn::If around the whole Policies list',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::StackName"}, "dev"]}},
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "Policies": {"Fn::If": ["Dev",
          [{"PolicyName": "dev", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}],
          {"Ref": "AWS::NoValue"}
        ]}
      }
    }
  }
}`,
      errors: [{ line: 9, column: 97, endLine: 9, endColumn: 100 }],
    },
  ],
});
