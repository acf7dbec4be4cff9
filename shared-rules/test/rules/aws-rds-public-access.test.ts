import { rdsPublicAccess } from '../../src/rules/rds/aws-rds-public-access';
import { testRule } from '../rule-tester';

testRule(rdsPublicAccess, {
  valid: [
    {
      name: 'PubliclyAccessible false',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      PubliclyAccessible: false
`,
    },
    {
      name: 'absent: the default depends on the network and is not reported',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBSubnetGroupName: !Ref PrivateSubnets
`,
    },
    {
      name: 'a parameter without Default cannot be known',
      code: `Parameters:
  Public:
    Type: String
    AllowedValues: ["true", "false"]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: !Ref Public
`,
    },
    {
      name: 'Fn::If between false and AWS::NoValue',
      code: `Conditions:
  Lock: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: !If [Lock, false, !Ref "AWS::NoValue"]
`,
    },
    {
      name: 'JSON: imported value cannot be known',
      code: `{
  "Resources": {
    "Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"PubliclyAccessible": {"Fn::ImportValue": "db-public"}}}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'PubliclyAccessible true on an instance',
      code: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: true
`,
      errors: [{ line: 6, column: 27, endLine: 6, endColumn: 31, message: 'DB instance Db is publicly accessible', resource: 'Db' }],
    },
    {
      name: 'PubliclyAccessible "true" on a Multi-AZ DB cluster',
      code: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: postgres
      DBClusterInstanceClass: db.m6gd.large
      PubliclyAccessible: "true"
`,
      errors: [{ line: 7, column: 27, endLine: 7, endColumn: 33, message: 'DB cluster Cluster is publicly accessible' }],
    },
    {
      name: 'a parameter whose Default is true: reported at the Ref',
      code: `Parameters:
  Public:
    Type: String
    Default: "true"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: !Ref Public
`,
      errors: [{ line: 9, column: 27, endLine: 9, endColumn: 38 }],
    },
    {
      name: 'one Fn::If branch makes it public',
      code: `Conditions:
  Dev: !Equals [!Ref "AWS::AccountId", "111111111111"]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: !If [Dev, true, false]
`,
      errors: [{ line: 7, column: 37, endLine: 7, endColumn: 41 }],
    },
    {
      name: 'JSON: long-form Fn::If with a true branch',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]}},
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {"PubliclyAccessible": {"Fn::If": ["Dev", true, {"Ref": "AWS::NoValue"}]}}
    }
  }
}`,
      errors: [{ line: 6, column: 63, endLine: 6, endColumn: 67 }],
    },
  ],
});
