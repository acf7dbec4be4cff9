import { iamUserAttachedPolicy } from '../../src/rules/iam/aws-iam-user-attached-policy';
import { testRule } from '../rule-tester';

testRule(iamUserAttachedPolicy, {
  valid: [
    {
      name: 'user that gets permissions from a group',
      code: `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref Developers]
  Developers:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
`,
    },
    {
      name: 'empty lists and lists emptied by AWS::NoValue attach nothing',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      Policies: []
      ManagedPolicyArns:
        - !If [Dev, !Ref AWS::NoValue, !Ref AWS::NoValue]
`,
    },
    {
      name: 'AWS::NoValue removes the property',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: !Ref AWS::NoValue
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
      Users: !If [Dev, !Ref AWS::NoValue, []]
`,
    },
    {
      name: 'JSON: policies attached to groups and roles',
      code: `{
  "Resources": {
    "Policy": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyName": "p",
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]},
        "Groups": [{"Ref": "Developers"}],
        "Roles": [{"Ref": "AppRole"}]
      }
    }
  }
}`,
    },
    {
      name: 'a list from a parameter without Default or an import cannot be known',
      code: `Parameters:
  UserNames:
    Type: CommaDelimitedList
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
      Users: !Ref UserNames
  Alice:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: !ImportValue alice-policies
`,
    },
  ],
  invalid: [
    {
      name: 'user with inline Policies',
      code: `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: own-bucket
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::alice/*"}
`,
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 15, message: 'inline Policies', resource: 'Alice' }],
    },
    {
      name: 'JSON: user with Policies and ManagedPolicyArns, policy with Users',
      code: `{
  "Resources": {
    "Alice": {
      "Type": "AWS::IAM::User",
      "Properties": {
        "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
        "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}}]
      }
    },
    "Policy": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyName": "p",
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]},
        "Users": [{"Ref": "Alice"}]
      }
    }
  }
}`,
      errors: [
        { line: 6, column: 9, endLine: 6, endColumn: 28, message: 'ManagedPolicyArns', resource: 'Alice' },
        { line: 7, column: 9, endLine: 7, endColumn: 19, message: 'inline Policies', resource: 'Alice' },
        { line: 15, column: 9, endLine: 15, endColumn: 16, message: 'attached directly to Users', resource: 'Policy' },
      ],
    },
    {
      name: 'managed policy with Users, and an inline AWS::IAM::UserPolicy',
      code: `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
      Users:
        - alice
  Inline:
    Type: AWS::IAM::UserPolicy
    Properties:
      PolicyName: p
      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
      UserName: alice
`,
      errors: [
        { line: 6, column: 7, endLine: 6, endColumn: 12, resource: 'Policy' },
        { line: 13, column: 7, endLine: 13, endColumn: 15, message: 'inline policy of a user', resource: 'Inline' },
      ],
    },
    {
      name: 'Fn::If with policies in one branch: reported at the property key',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: !If
        - Dev
        - [arn:aws:iam::aws:policy/PowerUserAccess]
        - !Ref AWS::NoValue
`,
      errors: [{ line: 7, column: 7, endLine: 7, endColumn: 24 }],
    },
    {
      name: 'Ref to a list parameter with a Default, and items that cannot be known are still attachments',
      code: `Parameters:
  UserNames:
    Type: CommaDelimitedList
    Default: alice,bob
Resources:
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
      Users: !Ref UserNames
  Alice:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: [!ImportValue shared-policy-arn]
`,
      errors: [
        { line: 11, column: 7, endLine: 11, endColumn: 12, resource: 'Policy' },
        { line: 15, column: 7, endLine: 15, endColumn: 24, resource: 'Alice' },
      ],
    },
    {
      name: 'JSON long-form Fn::If inside the Users list',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::StackName"}, "dev"]}},
  "Resources": {
    "Policy": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": {
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]},
        "Users": [{"Fn::If": ["Dev", "tester", {"Ref": "AWS::NoValue"}]}]
      }
    }
  }
}`,
      errors: [{ line: 8, column: 9, endLine: 8, endColumn: 16 }],
    },
  ],
});
