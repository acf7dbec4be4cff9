import { ec2SgDbPortOpenToWorld } from '../../src/rules/ec2/aws-ec2-sg-db-port-open-to-world';
import { testRule } from '../rule-tester';

testRule(ec2SgDbPortOpenToWorld, {
  valid: [
    {
      name: 'database port from the application security group and the VPC range',
      code: `Resources:
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref AppSg}
        - {IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/16}
`,
    },
    {
      name: 'web ports from anywhere are not database ports; Redis over UDP is not Redis',
      code: `Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: "::/0"}
        - {IpProtocol: udp, FromPort: 6379, ToPort: 6379, CidrIp: 0.0.0.0/0}
`,
    },
    {
      name: 'CIDR from a parameter without Default or from an import',
      code: `Parameters:
  ClientCidr:
    Type: String
Resources:
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 27017, ToPort: 27017, CidrIp: !Ref ClientCidr}
        - {IpProtocol: tcp, FromPort: 9200, ToPort: 9200, CidrIp: !ImportValue client-cidr}
`,
    },
    {
      name: 'all-ports rules belong to the all-ports rule; NoValue removes the open branch',
      code: `Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - {IpProtocol: "-1", CidrIp: 0.0.0.0/0}
        - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0}
        - {IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIp: !If [Open, !Ref AWS::NoValue, 10.1.0.0/16]}
`,
    },
    {
      name: 'JSON: MySQL from a /24',
      code: `{
  "Resources": {
    "Rule": {
      "Type": "AWS::EC2::SecurityGroupIngress",
      "Properties": {"GroupId": "sg-12345678", "IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "CidrIp": "203.0.113.0/24"}
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'PostgreSQL from 0.0.0.0/0, service named in the message',
      code: `Resources:
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 0.0.0.0/0
`,
      errors: [{ line: 10, column: 19, endLine: 10, endColumn: 28, message: 'exposes PostgreSQL (5432)', resource: 'DbSg' }],
    },
    {
      name: 'a range covering several services is reported once, naming them; Memcached over UDP',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 3000, ToPort: 6400, CidrIpv6: "::/0"}
        - {IpProtocol: udp, FromPort: 11211, ToPort: 11211, CidrIp: 0.0.0.0/0}
`,
      errors: [
        { line: 7, column: 69, endLine: 7, endColumn: 75, message: 'MySQL/MariaDB (3306), PostgreSQL (5432), Amazon Redshift (5439), Kibana/OpenSearch Dashboards (5601) and 2 more' },
        { line: 8, column: 69, endLine: 8, endColumn: 78, message: 'Memcached (11211)' },
      ],
    },
    {
      name: 'parameter default open: reported at the !Ref',
      code: `Parameters:
  ClientIP:
    Type: String
    Default: 0.0.0.0/0
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: "27017"
      ToPort: "27017"
      CidrIp: !Ref ClientIP
`,
      errors: [{ line: 13, column: 15, endLine: 13, endColumn: 28, message: 'MongoDB/DocumentDB (27017-27019)', resource: 'Rule' }],
    },
    {
      name: 'Fn::If on the port: both branches are data stores and both are named, in port order',
      code: `Conditions:
  UseMysql: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: !If [UseMysql, 3306, 1433]
      ToPort: !If [UseMysql, 3306, 1433]
      CidrIp: 0.0.0.0/0
`,
      errors: [{ line: 11, column: 15, endLine: 11, endColumn: 24, message: 'exposes Microsoft SQL Server (1433), MySQL/MariaDB (3306) to 0.0.0.0/0' }],
    },
    {
      name: 'JSON long form: Redis and Elasticsearch, CIDR from FindInMap',
      code: `{
  "Mappings": {"Net": {"Public": {"Cidr": "0.0.0.0/0"}}},
  "Resources": {
    "Sg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "cache",
        "SecurityGroupIngress": [
          {"IpProtocol": "tcp", "FromPort": 6379, "ToPort": 6379, "CidrIp": {"Fn::FindInMap": ["Net", "Public", "Cidr"]}},
          {"IpProtocol": "6", "FromPort": "9200", "ToPort": "9300", "CidrIp": "0.0.0.0/0"}
        ]
      }
    }
  }
}`,
      errors: [
        { line: 9, column: 77, endLine: 9, endColumn: 121, message: 'Redis (6379)' },
        { line: 10, column: 79, endLine: 10, endColumn: 90, message: 'Elasticsearch/OpenSearch HTTP (9200), Elasticsearch transport (9300)' },
      ],
    },
  ],
});
