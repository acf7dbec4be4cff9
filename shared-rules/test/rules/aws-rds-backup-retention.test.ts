import { rdsBackupRetention } from '../../src/rules/rds/aws-rds-backup-retention';
import { testRule } from '../rule-tester';

testRule(rdsBackupRetention, {
  valid: [
    {
      name: 'seven days and more',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: 7
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      BackupRetentionPeriod: "35"
`,
    },
    {
      name: 'absent: the AWS default (1 day) is not reported',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
`,
    },
    {
      name: 'Aurora cluster member and read replica: not applicable',
      code: `Resources:
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      BackupRetentionPeriod: 1
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      SourceDBInstanceIdentifier: !Ref Primary
      BackupRetentionPeriod: 0
`,
    },
    {
      name: 'a parameter without Default cannot be known',
      code: `Parameters:
  Days:
    Type: Number
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: !Ref Days
`,
    },
    {
      name: 'JSON: Fn::If between 14 days and AWS::NoValue',
      code: `{
  "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {"BackupRetentionPeriod": {"Fn::If": ["Prod", 14, {"Ref": "AWS::NoValue"}]}}
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'zero disables automated backups',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: 0
`,
      errors: [{ line: 5, column: 30, endLine: 5, endColumn: 31, message: 'disables automated backups', resource: 'Db' }],
    },
    {
      name: 'a cluster keeping 3 days, as a string',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      BackupRetentionPeriod: "3"
`,
      errors: [{ line: 6, column: 30, endLine: 6, endColumn: 33, message: 'only 3 day(s)' }],
    },
    {
      name: 'a parameter whose Default is 1: reported at the Ref',
      code: `Parameters:
  Days:
    Type: Number
    Default: 1
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: !Ref Days
`,
      errors: [{ line: 9, column: 30, endLine: 9, endColumn: 39 }],
    },
    {
      name: 'one Fn::If branch disables backups',
      code: `Conditions:
  Dev: !Equals [!Ref "AWS::AccountId", "111111111111"]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: !If [Dev, 0, 14]
`,
      errors: [{ line: 7, column: 40, endLine: 7, endColumn: 41, message: 'BackupRetentionPeriod 0' }],
    },
    {
      name: 'JSON: long-form Fn::If with a 6-day branch',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]}},
  "Resources": {
    "Cluster": {
      "Type": "AWS::RDS::DBCluster",
      "Properties": {"Engine": "aurora-mysql", "BackupRetentionPeriod": {"Fn::If": ["Dev", 6, 30]}}
    }
  }
}`,
      errors: [{ line: 6, column: 92, endLine: 6, endColumn: 93, message: 'DB cluster Cluster' }],
    },
  ],
});
