import { cfnParameterSecretDefault } from '../../src/rules/data/aws-cfn-parameter-secret-default';
import { testRule } from '../rule-tester';

const RESOURCES = `Resources:
  Topic:
    Type: AWS::SNS::Topic
`;

testRule(cfnParameterSecretDefault, {
  valid: [
    {
      name: 'a NoEcho secret without Default, and names that describe a secret rather than hold one',
      code: `Parameters:
  DBPassword:
    Type: String
    NoEcho: true
  SecretArn:
    Type: String
    Default: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf
  PasswordLength:
    Type: Number
    Default: 16
  TokenExpiry:
    Type: Number
    Default: 3600
  KeyName:
    Type: String
    Default: my-key-pair
${RESOURCES}`,
    },
    {
      name: 'SSM parameter types are references to where the secret is kept',
      code: `Parameters:
  DbPassword:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /prod/db/password
${RESOURCES}`,
    },
    {
      name: 'NoEcho given as a string, empty Default',
      code: `Parameters:
  ApiKey:
    Type: String
    NoEcho: "true"
    Default: ""
${RESOURCES}`,
    },
    {
      name: 'a switch limited by AllowedValues is not a secret',
      code: `Parameters:
  AuthToken:
    Type: String
    AllowedValues: [required, optional]
    Default: optional
${RESOURCES}`,
    },
    {
      name: 'JSON: NoEcho secret parameters',
      code: `{
  "Parameters": {
    "AdminPassword": {"Type": "String", "NoEcho": "true", "MinLength": 12},
    "GitHubOAuthToken": {"Type": "String", "NoEcho": true}
  },
  "Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}
}`,
    },
  ],
  invalid: [
    {
      name: 'a literal Default: reported at the Default, even with NoEcho',
      code: `Parameters:
  DBPassword:
    Type: String
    NoEcho: true
    Default: Passw0rd!
${RESOURCES}`,
      errors: [{ line: 5, column: 14, endLine: 5, endColumn: 23, message: 'DBPassword has a Default' }],
    },
    {
      name: 'no NoEcho: reported at the parameter key',
      code: `Parameters:
  GitHubToken:
    Type: String
${RESOURCES}`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 14, message: 'lacks NoEcho' }],
    },
    {
      name: 'both a Default and no NoEcho: one finding, at the Default',
      code: `Parameters:
  MasterUserPassword:
    Type: String
    Default: "admin1234"
${RESOURCES}`,
      errors: [{ line: 4, column: 14, endLine: 4, endColumn: 25, message: 'has a Default' }],
    },
    {
      name: 'a placeholder Default is not a secret, but NoEcho is still missing',
      code: `Parameters:
  SlackSigningSecret:
    Type: String
    Default: none
${RESOURCES}`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 21, message: 'lacks NoEcho' }],
    },
    {
      name: 'JSON: a Default with NoEcho false, and NoEcho "false"',
      code: `{
  "Parameters": {
    "ApiKey": {"Type": "String", "NoEcho": false, "Default": "0123456789abcdef"},
    "ClientSecret": {"Type": "String", "NoEcho": "false"}
  },
  "Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}
}`,
      errors: [
        { line: 3, column: 62, endLine: 3, endColumn: 80, message: 'ApiKey has a Default' },
        { line: 4, column: 5, endLine: 4, endColumn: 19, message: 'ClientSecret carries a secret' },
      ],
    },
  ],
});
