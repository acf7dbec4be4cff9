import { rdsInstanceEncryption } from '../../src/rules/rds/aws-rds-instance-encryption';
import { testRule } from '../rule-tester';

testRule(rdsInstanceEncryption, {
  valid: [
    {
      name: 'StorageEncrypted true',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true
`,
    },
    {
      name: 'StorageEncrypted "true" as a string',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: "true"
`,
    },
    {
      name: 'a parameter without Default cannot be known',
      code: `Parameters:
  Encrypt:
    Type: String
    AllowedValues: ["true", "false"]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: !Ref Encrypt
`,
    },
    {
      name: 'Aurora cluster member: the cluster decides encryption',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: true
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
      DBInstanceClass: db.r6g.large
`,
    },
    {
      name: 'read replica: encryption is inherited from the source (even when StorageEncrypted says false)',
      code: `Parameters:
  Source:
    Type: String
Resources:
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      SourceDBInstanceIdentifier: !Ref Source
      DBInstanceClass: db.t3.medium
      StorageEncrypted: false
`,
    },
    {
      name: 'restore from a snapshot: the snapshot decides',
      code: `Resources:
  Restored:
    Type: AWS::RDS::DBInstance
    Properties:
      DBSnapshotIdentifier: arn:aws:rds:us-east-1:111111111111:snapshot:nightly
      DBInstanceClass: db.t3.medium
`,
    },
    {
      name: 'JSON: StorageEncrypted from Fn::ImportValue cannot be known',
      code: `{
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {"Engine": "mysql", "StorageEncrypted": {"Fn::ImportValue": "shared-encryption-flag"}}
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'no StorageEncrypted: reported at the resource key',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 5, message: 'does not set StorageEncrypted', resource: 'Db' }],
    },
    {
      name: 'StorageEncrypted false: reported at the value',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: false
`,
      errors: [{ line: 6, column: 25, endLine: 6, endColumn: 30, message: 'has StorageEncrypted false' }],
    },
    {
      name: 'an Fn::If branch that disables encryption',
      code: `Conditions:
  IsProd: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: !If [IsProd, true, false]
`,
      errors: [{ line: 8, column: 44, endLine: 8, endColumn: 49 }],
    },
    {
      name: 'an Fn::If branch that removes the property with AWS::NoValue',
      code: `Conditions:
  IsProd: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: !If
        - IsProd
        - true
        - !Ref AWS::NoValue
`,
      errors: [{ line: 11, column: 11, endLine: 11, endColumn: 28, message: 'does not set StorageEncrypted' }],
    },
    {
      name: 'a parameter whose Default is false: reported at the Ref',
      code: `Parameters:
  Encrypt:
    Type: String
    Default: "false"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: !Ref Encrypt
`,
      errors: [{ line: 10, column: 25, endLine: 10, endColumn: 37 }],
    },
    {
      name: 'JSON: instance without Properties',
      code: `{
  "Resources": {
    "Db": {"Type": "AWS::RDS::DBInstance"}
  }
}`,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'JSON: long-form Fn::If with a false branch',
      code: `{
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {"Engine": "mysql", "StorageEncrypted": {"Fn::If": ["C", true, "false"]}}
    }
  }
}`,
      errors: [{ line: 6, column: 84, endLine: 6, endColumn: 91 }],
    },
  ],
});
