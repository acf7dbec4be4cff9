import { iamRoleTrustOpenPrincipal } from '../../src/rules/iam/aws-iam-role-trust-open-principal';
import { testRule } from '../rule-tester';

testRule(iamRoleTrustOpenPrincipal, {
  valid: [
    {
      name: 'service principal',
      code: `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
`,
    },
    {
      name: 'wildcard principal restricted by a Condition',
      code: `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: "*"}
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                aws:PrincipalOrgID: o-abc123
`,
    },
    {
      name: 'JSON: account principal, and a Deny for everyone',
      code: `{
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"},
            {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}
          ]
        }
      }
    }
  }
}`,
    },
    {
      name: 'principal from a parameter without Default, an import or a GetAtt cannot be known',
      code: `Parameters:
  TrustedAccount:
    Type: String
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: [!Ref TrustedAccount, !ImportValue ci-role-arn, !GetAtt Deployer.Arn]
            Action: sts:AssumeRole
`,
    },
    {
      name: 'Condition in both Fn::If branches, and a wildcard principal on a policy that is not a trust policy',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sts:AssumeRole
            Condition: !If
              - Dev
              - {StringEquals: {sts:ExternalId: dev-id}}
              - {StringEquals: {aws:PrincipalOrgID: o-abc123}}
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      PolicyDocument:
        Statement:
          - {Effect: Allow, Principal: "*", Action: sts:AssumeRole, Resource: "*"}
      Roles: [!Ref Role]
`,
    },
    {
      name: 'AWS::NoValue removes the wildcard principal',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS:
                - arn:aws:iam::111111111111:root
                - !If [Dev, !Ref AWS::NoValue, !Ref AWS::NoValue]
            Action: sts:AssumeRole
`,
    },
  ],
  invalid: [
    {
      name: 'Principal "*" without Condition',
      code: `Resources:
  Open:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sts:AssumeRole
`,
      errors: [{ line: 9, column: 24, endLine: 9, endColumn: 27, message: 'any principal', resource: 'Open' }],
    },
    {
      name: 'JSON: {"AWS": "*"} and a list holding "*"',
      code: `{
  "Resources": {
    "Open": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"},
            {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111111111111:root", "*"]}, "Action": ["sts:AssumeRole", "sts:TagSession"]}
          ]
        }
      }
    }
  }
}`,
      errors: [
        { line: 8, column: 54, endLine: 8, endColumn: 57 },
        { line: 9, column: 89, endLine: 9, endColumn: 92 },
      ],
    },
    {
      name: 'Fn::If with a wildcard branch in the principal',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: !If [Dev, "*", arn:aws:iam::111111111111:root]
            Action: sts:AssumeRole
`,
      errors: [{ line: 11, column: 30, endLine: 11, endColumn: 33 }],
    },
    {
      name: 'Ref to a parameter whose Default is "*": reported at the Ref',
      code: `Parameters:
  Trusted:
    Type: String
    Default: "*"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Ref Trusted
            Action: sts:AssumeRole
`,
      errors: [{ line: 13, column: 20, endLine: 13, endColumn: 32 }],
    },
    {
      name: 'Condition removed by AWS::NoValue in one branch, and an empty Condition',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: "*"}
            Action: sts:AssumeRole
            Condition: !If [Dev, !Ref AWS::NoValue, {StringEquals: {sts:ExternalId: x}}]
          - Effect: Allow
            Principal: "*"
            Action: sts:AssumeRole
            Condition: {}
`,
      errors: [
        { line: 10, column: 30, endLine: 10, endColumn: 33 },
        { line: 14, column: 24, endLine: 14, endColumn: 27 },
      ],
    },
    {
      name: 'JSON long-form Fn::If around the statement list',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::StackName"}, "dev"]}},
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {"Statement": {"Fn::If": ["Dev",
          [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}],
          [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]
        ]}}
      }
    }
  }
}`,
      errors: [{ line: 8, column: 53, endLine: 8, endColumn: 56 }],
    },
  ],
});
