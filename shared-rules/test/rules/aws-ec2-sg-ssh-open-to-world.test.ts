import { ec2SgSshOpenToWorld } from '../../src/rules/ec2/aws-ec2-sg-ssh-open-to-world';
import { testRule } from '../rule-tester';

testRule(ec2SgSshOpenToWorld, {
  valid: [
    {
      name: 'SSH from a private range',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 10.0.0.0/8
`,
    },
    {
      name: 'HTTPS from anywhere is not SSH',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupId: sg-12345678}
`,
    },
    {
      name: 'CIDR from a parameter without Default, an import or a GetAtt cannot be known',
      code: `Parameters:
  AdminCidr:
    Type: String
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminCidr}
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !ImportValue admin-cidr}
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIpv6: !GetAtt Vpc.Ipv6CidrBlocks}
`,
    },
    {
      name: 'unknown port is not reported',
      code: `Parameters:
  Port:
    Type: Number
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: !Ref Port
      ToPort: !Ref Port
      CidrIp: 0.0.0.0/0
`,
    },
    {
      name: 'all-ports rules are left to aws-ec2-sg-all-ports-open-to-world',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - {IpProtocol: "-1", CidrIp: 0.0.0.0/0}
        - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIpv6: "::/0"}
`,
    },
    {
      name: 'AWS::NoValue removes the open CIDR; UDP 22 is not SSH; /32 is one host',
      code: `Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !If [Open, !Ref AWS::NoValue, 203.0.113.10/32]
        - {IpProtocol: udp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`,
    },
    {
      name: 'branches on the same condition are taken together (0-65535 or 443, never 0-443)',
      code: `Conditions:
  Wide: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: !If [Wide, 0, 443]
      ToPort: !If [Wide, 65535, 443]
      CidrIp: 0.0.0.0/0
`,
    },
    {
      name: 'JSON: SSH from a security group and from a /24',
      code: `{
  "Resources": {
    "Sg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "ssh",
        "SecurityGroupIngress": [
          {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "SourceSecurityGroupId": {"Fn::GetAtt": ["Bastion", "GroupId"]}},
          {"IpProtocol": "tcp", "FromPort": "22", "ToPort": "22", "CidrIp": "192.0.2.0/24"}
        ]
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'SSH from 0.0.0.0/0 inline: reported at the CIDR',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`,
      errors: [{ line: 10, column: 19, endLine: 10, endColumn: 28, message: 'allows SSH (port 22) from 0.0.0.0/0', resource: 'Sg' }],
    },
    {
      name: 'standalone ingress with a range containing 22, protocol number 6 and ::/0',
      code: `Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: 6
      FromPort: "20"
      ToPort: "30"
      CidrIpv6: ::/0
`,
      errors: [{ line: 9, column: 17, endLine: 9, endColumn: 21, message: 'CidrIpv6', resource: 'Rule' }],
    },
    {
      name: 'parameter Default 0.0.0.0/0: reported at the !Ref',
      code: `Parameters:
  SSHLocation:
    Type: String
    Default: 0.0.0.0/0
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref SSHLocation}
`,
      errors: [{ line: 11, column: 63, endLine: 11, endColumn: 79 }],
    },
    {
      name: 'one Fn::If branch is open; a /0 with host bits set is open too',
      code: `Conditions:
  Dev: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !If [Dev, 192.168.1.0/0, 10.0.0.0/16]
`,
      errors: [{ line: 12, column: 29, endLine: 12, endColumn: 42, message: '192.168.1.0/0' }],
    },
    {
      name: 'CIDR from FindInMap',
      code: `Mappings:
  Net:
    Admin:
      Cidr: 0.0.0.0/0
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: !FindInMap [Net, Admin, Cidr]
`,
      errors: [{ line: 13, column: 15, endLine: 13, endColumn: 44 }],
    },
    {
      name: 'JSON long form: Fn::If inside the list and Ref to a parameter Default',
      code: `{
  "Parameters": {"Everyone": {"Type": "String", "Default": "0.0.0.0/0"}},
  "Conditions": {"Open": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Sg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "ssh",
        "SecurityGroupIngress": [
          {"Fn::If": ["Open", {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": {"Ref": "Everyone"}}, {"Ref": "AWS::NoValue"}]},
          {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}
        ]
      }
    }
  }
}`,
      errors: [
        { line: 10, column: 93, endLine: 10, endColumn: 112 },
        { line: 11, column: 73, endLine: 11, endColumn: 84, message: 'from 0.0.0.0/0 (CidrIp)' },
      ],
    },
  ],
});
