import { rdsPlaintextMasterPassword } from '../../src/rules/rds/aws-rds-plaintext-master-password';
import { testRule } from '../rule-tester';

testRule(rdsPlaintextMasterPassword, {
  valid: [
    {
      name: 'ManageMasterUserPassword: RDS keeps the password in Secrets Manager',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      ManageMasterUserPassword: true
`,
    },
    {
      name: 'NoEcho parameter without Default',
      code: `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
    MinLength: 12
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUsername: admin
      MasterUserPassword: !Ref DbPassword
`,
    },
    {
      name: 'dynamic reference to Secrets Manager, also built with Sub',
      code: `Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString: {SecretStringTemplate: '{"username": "admin"}', GenerateStringKey: password}
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      MasterUsername: admin
      MasterUserPassword: !Sub '{{resolve:secretsmanager:\${Secret}:SecretString:password}}'
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: '{{resolve:ssm-secure:/db/password:1}}'
`,
    },
    {
      name: 'imported value cannot be known',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !ImportValue shared-db-password
`,
    },
    {
      name: 'JSON: Fn::If between a dynamic reference and AWS::NoValue',
      code: `{
  "Conditions": {"New": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {
        "MasterUserPassword": {"Fn::If": ["New", "{{resolve:secretsmanager:db-master:SecretString:password}}", {"Ref": "AWS::NoValue"}]}
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'literal password on an instance',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUsername: admin
      MasterUserPassword: Sup3rS3cret!
`,
      errors: [{ line: 6, column: 27, endLine: 6, endColumn: 39, message: 'MasterUserPassword of DB instance Db is written in the template', resource: 'Db' }],
    },
    {
      name: 'NoEcho parameter with a Default password: reported at the Ref',
      code: `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
    Default: ChangeMe123
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: postgres
      MasterUserPassword: !Ref DbPassword
`,
      errors: [{ line: 12, column: 27, endLine: 12, endColumn: 42, message: 'DB cluster Cluster' }],
    },
    {
      name: 'one Fn::If branch holds a literal password',
      code: `Conditions:
  Demo: !Equals [!Ref "AWS::AccountId", "111111111111"]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !If
        - Demo
        - demo-password-1
        - '{{resolve:secretsmanager:db-master:SecretString:password}}'
`,
      errors: [{ line: 9, column: 11, endLine: 9, endColumn: 26 }],
    },
    {
      name: 'a numeric literal password',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: 12345678
`,
      errors: [{ line: 5, column: 27, endLine: 5, endColumn: 35 }],
    },
    {
      name: 'JSON: literal password on a cluster',
      code: `{
  "Resources": {
    "Cluster": {
      "Type": "AWS::RDS::DBCluster",
      "Properties": {"Engine": "aurora-mysql", "MasterUsername": "admin", "MasterUserPassword": "hunter2hunter2"}
    }
  }
}`,
      errors: [{ line: 5, column: 97, endLine: 5, endColumn: 113 }],
    },
    {
      name: 'JSON: long-form Fn::If whose branch is a Ref to a parameter with a Default',
      code: `{
  "Parameters": {"Pw": {"Type": "String", "NoEcho": true, "Default": "defaultpass"}},
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {"MasterUserPassword": {"Fn::If": ["C", {"Ref": "Pw"}, {"Ref": "AWS::NoValue"}]}}
    }
  }
}`,
      errors: [{ line: 7, column: 61, endLine: 7, endColumn: 74 }],
    },
  ],
});
