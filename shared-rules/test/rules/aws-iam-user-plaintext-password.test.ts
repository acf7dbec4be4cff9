import { iamUserPlaintextPassword } from '../../src/rules/iam/aws-iam-user-plaintext-password';
import { testRule } from '../rule-tester';

testRule(iamUserPlaintextPassword, {
  valid: [
    {
      name: 'Secrets Manager dynamic reference',
      code: `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: '{{resolve:secretsmanager:alice-console:SecretString:password}}'
        PasswordResetRequired: true
`,
    },
    {
      name: 'NoEcho parameter without Default',
      code: `Parameters:
  AlicePassword:
    Type: String
    NoEcho: true
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !Ref AlicePassword
`,
    },
    {
      name: 'no LoginProfile, or a LoginProfile removed by AWS::NoValue',
      code: `Conditions:
  Console: !Equals [!Ref AWS::StackName, console]
Resources:
  Robot:
    Type: AWS::IAM::User
    Properties:
      Groups: [Robots]
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile: !If
        - Console
        - Password: '{{resolve:ssm-secure:/users/alice/password}}'
        - !Ref AWS::NoValue
`,
    },
    {
      name: 'values that cannot be known: import, GetAtt, Sub with a pseudo parameter',
      code: `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !ImportValue alice-password
  Bob:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !GetAtt PasswordGenerator.Password
  Carol:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !Sub '{{resolve:secretsmanager:\${AWS::StackName}-carol}}'
`,
    },
    {
      name: 'JSON: NoEcho parameter with an empty Default, and a dynamic reference in a Default',
      code: `{
  "Parameters": {
    "Empty": {"Type": "String", "NoEcho": true, "Default": ""},
    "FromSecret": {"Type": "String", "Default": "{{resolve:secretsmanager:bob}}"}
  },
  "Resources": {
    "Alice": {"Type": "AWS::IAM::User", "Properties": {"LoginProfile": {"Password": {"Ref": "Empty"}}}},
    "Bob": {"Type": "AWS::IAM::User", "Properties": {"LoginProfile": {"Password": {"Ref": "FromSecret"}}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'literal password',
      code: `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: Summer2024!
        PasswordResetRequired: true
`,
      errors: [{ line: 6, column: 19, endLine: 6, endColumn: 30, message: 'written in the template', resource: 'Alice' }],
    },
    {
      name: 'JSON literal password, and a number',
      code: `{
  "Resources": {
    "Alice": {
      "Type": "AWS::IAM::User",
      "Properties": {"LoginProfile": {"Password": "myP@ssW0rd", "PasswordResetRequired": false}}
    },
    "Bob": {
      "Type": "AWS::IAM::User",
      "Properties": {"LoginProfile": {"Password": 12345678}}
    }
  }
}`,
      errors: [
        { line: 5, column: 51, endLine: 5, endColumn: 63, resource: 'Alice' },
        { line: 9, column: 51, endLine: 9, endColumn: 59, resource: 'Bob' },
      ],
    },
    {
      name: 'Ref to a NoEcho parameter with a Default: reported at the Ref',
      code: `Parameters:
  AlicePassword:
    Type: String
    NoEcho: true
    Default: ChangeMe123!
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !Ref AlicePassword
`,
      errors: [{ line: 11, column: 19, endLine: 11, endColumn: 37 }],
    },
    {
      name: 'Fn::If with a literal branch',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !If [Dev, devpassword, '{{resolve:secretsmanager:alice}}']
`,
      errors: [{ line: 8, column: 29, endLine: 8, endColumn: 40 }],
    },
    {
      name: 'password assembled from literal parts',
      code: `Mappings:
  Passwords:
    eu-west-1:
      Alice: Winter2024!
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !FindInMap [Passwords, eu-west-1, Alice]
  Bob:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !Join ['', [bob, '-', secret]]
`,
      errors: [
        { line: 10, column: 19, endLine: 10, endColumn: 59, resource: 'Alice' },
        { line: 15, column: 19, endLine: 15, endColumn: 49, resource: 'Bob' },
      ],
    },
    {
      name: 'JSON long-form Fn::If',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::StackName"}, "dev"]}},
  "Resources": {
    "Alice": {
      "Type": "AWS::IAM::User",
      "Properties": {"LoginProfile": {"Password": {"Fn::If": ["Dev", {"Ref": "AWS::NoValue"}, "hunter2hunter2"]}}}
    }
  }
}`,
      errors: [{ line: 6, column: 95, endLine: 6, endColumn: 111 }],
    },
  ],
});
