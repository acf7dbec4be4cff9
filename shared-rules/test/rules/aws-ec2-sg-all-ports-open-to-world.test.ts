import { ec2SgAllPortsOpenToWorld } from '../../src/rules/ec2/aws-ec2-sg-all-ports-open-to-world';
import { testRule } from '../rule-tester';

testRule(ec2SgAllPortsOpenToWorld, {
  valid: [
    {
      name: 'all traffic from another security group or a private range',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: internal
      SecurityGroupIngress:
        - {IpProtocol: "-1", SourceSecurityGroupId: sg-12345678}
        - {IpProtocol: "-1", CidrIp: 10.0.0.0/8}
        - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIpv6: "fd00::/8"}
`,
    },
    {
      name: 'a wide but partial range, ICMP and an unknown protocol are not all ports',
      code: `Parameters:
  Proto:
    Type: String
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 1024, ToPort: 65535, CidrIp: 0.0.0.0/0}
        - {IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 0.0.0.0/0}
        - {IpProtocol: !Ref Proto, FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0}
`,
    },
    {
      name: 'TCP with -1 ports is rejected by EC2 and not reported; CIDR from GetAtt is unknown',
      code: `Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: -1
      ToPort: -1
      CidrIp: 0.0.0.0/0
  Other:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: "-1"
      CidrIp: !GetAtt Vpc.CidrBlock
`,
    },
    {
      name: 'AWS::NoValue removes the open CIDR',
      code: `Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: "-1"
      CidrIp: !If [Open, !Ref AWS::NoValue, 172.16.0.0/12]
`,
    },
    {
      name: 'JSON: single port from anywhere is not all ports',
      code: `{
  "Resources": {
    "Sg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "web",
        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}]
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'IpProtocol -1 (a YAML number) from 0.0.0.0/0, ports ignored: one finding only',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - IpProtocol: -1
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`,
      errors: [{ line: 10, column: 19, endLine: 10, endColumn: 28, message: 'all protocols and ports', resource: 'Sg' }],
    },
    {
      name: 'TCP 0-65535 from ::/0 and UDP 1-65535, IpProtocol "all"',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIpv6: "::/0"}
        - {IpProtocol: "17", FromPort: "1", ToPort: "65535", CidrIp: 0.0.0.0/0}
        - {IpProtocol: all, CidrIp: 0.0.0.0/0}
`,
      errors: [
        { line: 7, column: 67, endLine: 7, endColumn: 73, message: 'every TCP port (0-65535)' },
        { line: 8, column: 70, endLine: 8, endColumn: 79, message: 'every UDP port (1-65535)' },
        { line: 9, column: 37, endLine: 9, endColumn: 46, message: 'all protocols' },
      ],
    },
    {
      name: 'parameter default open: reported at the !Ref of a standalone rule',
      code: `Parameters:
  Source:
    Type: String
    Default: 0.0.0.0/0
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: "-1"
      CidrIp: !Ref Source
`,
      errors: [{ line: 11, column: 15, endLine: 11, endColumn: 26, resource: 'Rule' }],
    },
    {
      name: 'Fn::If on the protocol: the -1 branch opens everything',
      code: `Conditions:
  Debug: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: !If [Debug, "-1", tcp]
      FromPort: 443
      ToPort: 443
      CidrIp: 0.0.0.0/0
`,
      errors: [{ line: 11, column: 15, endLine: 11, endColumn: 24 }],
    },
    {
      name: 'JSON long form: Fn::Sub builds the CIDR and Fn::If chooses the range together with the same condition',
      code: `{
  "Conditions": {"Wide": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Rule": {
      "Type": "AWS::EC2::SecurityGroupIngress",
      "Properties": {
        "GroupId": "sg-12345678",
        "IpProtocol": "tcp",
        "FromPort": {"Fn::If": ["Wide", 0, 443]},
        "ToPort": {"Fn::If": ["Wide", 65535, 443]},
        "CidrIp": {"Fn::Sub": "0.0.0.0/0"}
      }
    }
  }
}`,
      errors: [{ line: 11, column: 19, endLine: 11, endColumn: 43, message: 'every TCP port (0-65535)' }],
    },
  ],
});
