import { rdsClusterEncryption } from '../../src/rules/rds/aws-rds-cluster-encryption';
import { testRule } from '../rule-tester';

testRule(rdsClusterEncryption, {
  valid: [
    {
      name: 'StorageEncrypted true with a KMS key',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      StorageEncrypted: true
      KmsKeyId: !Ref Key
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
`,
    },
    {
      name: 'restored from a snapshot: the snapshot decides',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      SnapshotIdentifier: arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:before-upgrade
`,
    },
    {
      name: 'clone of another cluster: the source decides',
      code: `Parameters:
  SourceCluster:
    Type: String
Resources:
  Clone:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      SourceDBClusterIdentifier: !Ref SourceCluster
      RestoreType: copy-on-write
      UseLatestRestorableTime: true
`,
    },
    {
      name: 'Aurora Serverless v1 is always encrypted',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EngineMode: serverless
`,
    },
    {
      name: 'a parameter without Default cannot be known',
      code: `Parameters:
  Encrypted:
    Type: String
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      StorageEncrypted: !Ref Encrypted
`,
    },
    {
      name: 'JSON: StorageEncrypted "true" as a string',
      code: `{
  "Resources": {
    "Cluster": {"Type": "AWS::RDS::DBCluster", "Properties": {"Engine": "aurora-mysql", "StorageEncrypted": "true"}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'no StorageEncrypted: reported at the resource key',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 10, message: 'does not set StorageEncrypted', resource: 'Cluster' }],
    },
    {
      name: 'StorageEncrypted false: reported at the value',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: false
`,
      errors: [{ line: 6, column: 25, endLine: 6, endColumn: 30, message: 'has StorageEncrypted false' }],
    },
    {
      name: 'a parameter whose Default is false: reported at the Ref',
      code: `Parameters:
  Encrypted:
    Type: String
    Default: false
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      StorageEncrypted: !Ref Encrypted
`,
      errors: [{ line: 10, column: 25, endLine: 10, endColumn: 39 }],
    },
    {
      name: 'an Fn::If branch that removes the property',
      code: `Conditions:
  Encrypt: !Equals [!Ref "AWS::Region", eu-west-1]
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      StorageEncrypted: !If [Encrypt, true, !Ref "AWS::NoValue"]
`,
      errors: [{ line: 8, column: 45, endLine: 8, endColumn: 64, message: 'does not set StorageEncrypted' }],
    },
    {
      name: 'EngineMode provisioned is not exempt',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EngineMode: provisioned
      StorageEncrypted: "False"
`,
      errors: [{ line: 7, column: 25, endLine: 7, endColumn: 32 }],
    },
    {
      name: 'JSON: long-form Fn::If with a false branch',
      code: `{
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Cluster": {
      "Type": "AWS::RDS::DBCluster",
      "Properties": {"Engine": "aurora-mysql", "StorageEncrypted": {"Fn::If": ["C", false, true]}}
    }
  }
}`,
      errors: [{ line: 6, column: 85, endLine: 6, endColumn: 90 }],
    },
  ],
});
