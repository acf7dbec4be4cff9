import { lambdaEnvSecrets } from '../../src/rules/data/aws-lambda-env-secrets';
import { testRule } from '../rule-tester';

testRule(lambdaEnvSecrets, {
  valid: [
    {
      name: 'names that point at a secret, or are not credentials at all',
      code: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          TABLE_NAME: orders
          KEY_PREFIX: uploads/
          SECRET_ID: !Ref DbSecret
          SECRET_ARN: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf
          TOKEN_URL: https://auth.example.com/oauth2/token
          PASSWORD_PARAMETER_NAME: /prod/db/password
          MAX_TOKENS: 4096
          ENABLE_API_KEY: "true"
  DbSecret:
    Type: AWS::SecretsManager::Secret
`,
    },
    {
      name: 'values that cannot be known: NoEcho parameter without Default, ImportValue, GetAtt',
      code: `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        Variables:
          DB_PASSWORD: !Ref DbPassword
          API_KEY: !ImportValue shared-api-key
          AUTH_TOKEN: !GetAtt TokenStore.Value
`,
    },
    {
      name: 'dynamic reference and empty value',
      code: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          DB_PASSWORD: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
          SMTP_PASS: ''
`,
    },
    {
      name: 'SAM Globals with references only, and AWS::NoValue removing the environment',
      code: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        API_KEY_SECRET_ARN: !Ref ApiKeySecret
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Environment: !Ref AWS::NoValue
`,
    },
    {
      name: 'JSON long form: both Fn::If branches are safe',
      code: `{
  "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111122223333"]}},
  "Resources": {
    "Fn": {
      "Type": "AWS::Lambda::Function",
      "Properties": {
        "Environment": {"Variables": {
          "CLIENT_SECRET": {"Fn::If": ["Prod", {"Fn::GetAtt": ["Store", "Secret"]}, {"Ref": "AWS::NoValue"}]},
          "BUCKET": "my-bucket"
        }}
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'a literal password',
      code: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          TABLE_NAME: orders
          DB_PASSWORD: hunter2
`,
      errors: [{ line: 8, column: 24, endLine: 8, endColumn: 31, message: 'DB_PASSWORD of function Fn', resource: 'Fn' }],
    },
    {
      name: 'Fn::If with one literal branch: reported at that branch',
      code: `Conditions:
  Prod: !Equals [!Ref AWS::AccountId, "111122223333"]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          ApiKey: !If [Prod, !Ref AWS::NoValue, "sk_live_abc123"]
`,
      errors: [{ line: 9, column: 49, endLine: 9, endColumn: 65, message: 'ApiKey' }],
    },
    {
      name: 'Ref to a parameter whose Default is the token: reported at the Ref',
      code: `Parameters:
  GitHubToken:
    Type: String
    NoEcho: true
    Default: ghp_abcdefghijklmnopqrstuvwxyz0123456789
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        Variables:
          GITHUB_TOKEN: !Ref GitHubToken
`,
      errors: [{ line: 12, column: 25, endLine: 12, endColumn: 41, message: 'literal secret' }],
    },
    {
      name: 'an AWS access key id, whatever the variable name',
      code: `Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        Variables:
          foo: AKIAIOSFODNN7EXAMPLE
`,
      errors: [{ line: 7, column: 16, endLine: 7, endColumn: 36, message: 'AWS access key id' }],
    },
    {
      name: 'SAM Globals: reported once, at the Globals value',
      code: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        JWT_SECRET: "s3cr3t-value"
Resources:
  A:
    Type: AWS::Serverless::Function
  B:
    Type: AWS::Serverless::Function
`,
      errors: [{ line: 6, column: 21, endLine: 6, endColumn: 35, message: 'SAM Globals.Function' }],
    },
    {
      name: 'JSON long form: Fn::Join of literal parts and a private key block',
      code: `{
  "Resources": {
    "Fn": {
      "Type": "AWS::Lambda::Function",
      "Properties": {
        "Environment": {"Variables": {
          "SECRET_ACCESS_KEY": {"Fn::Join": ["", ["wJalrXUtnFEMI/", "K7MDENG/bPxRfiCYEXAMPLEKEY"]]},
          "SIGNING": "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow...\\n-----END RSA PRIVATE KEY-----"
        }}
      }
    }
  }
}`,
      errors: [
        { line: 7, column: 32, endLine: 7, endColumn: 100, message: 'SECRET_ACCESS_KEY' },
        { line: 8, column: 22, endLine: 8, endColumn: 97, message: 'private key' },
      ],
    },
  ],
});
