import { ec2SgRdpOpenToWorld } from '../../src/rules/ec2/aws-ec2-sg-rdp-open-to-world';
import { testRule } from '../rule-tester';

testRule(ec2SgRdpOpenToWorld, {
  valid: [
    {
      name: 'RDP from a corporate range',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: rdp
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: 198.51.100.0/24}
`,
    },
    {
      name: 'RDP CIDR from an unresolved parameter or an import',
      code: `Parameters:
  RdpCidr:
    Type: String
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: rdp
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: !Ref RdpCidr}
        - {IpProtocol: udp, FromPort: 3389, ToPort: 3389, CidrIp: !ImportValue rdp-cidr}
`,
    },
    {
      name: 'AWS::NoValue in the only open branch, and a prefix-list source',
      code: `Conditions:
  Public: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: 3389
      ToPort: 3389
      CidrIp: !If [Public, !Ref AWS::NoValue, 10.0.0.0/8]
  Other:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: 3389
      ToPort: 3389
      SourcePrefixListId: pl-12345678
`,
    },
    {
      name: 'every-port rules are reported by the all-ports rule only; ICMP is not RDP',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - {IpProtocol: -1, FromPort: 3389, ToPort: 3389, CidrIp: 0.0.0.0/0}
        - {IpProtocol: udp, FromPort: 1, ToPort: 65535, CidrIp: 0.0.0.0/0}
        - {IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 0.0.0.0/0}
`,
    },
    {
      name: 'JSON: RDP range just below 3389',
      code: `{
  "Resources": {
    "Rule": {
      "Type": "AWS::EC2::SecurityGroupIngress",
      "Properties": {"GroupId": "sg-12345678", "IpProtocol": "tcp", "FromPort": 3380, "ToPort": 3388, "CidrIp": "0.0.0.0/0"}
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'RDP over TCP from 0.0.0.0/0',
      code: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: rdp
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 3389
          ToPort: 3389
          CidrIp: 0.0.0.0/0
`,
      errors: [{ line: 10, column: 19, endLine: 10, endColumn: 28, message: 'allows RDP (port 3389)', resource: 'Sg' }],
    },
    {
      name: 'RDP over UDP (protocol 17) from ::/0 in a standalone rule',
      code: `Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: "17"
      FromPort: 3389
      ToPort: 3389
      CidrIpv6: "::/0"
`,
      errors: [{ line: 9, column: 17, endLine: 9, endColumn: 23, resource: 'Rule' }],
    },
    {
      name: 'parameter default open: reported at the !Ref',
      code: `Parameters:
  RdpCidr:
    Type: String
    Default: 0.0.0.0/0
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: rdp
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 3000
          ToPort: 4000
          CidrIp: !Ref RdpCidr
`,
      errors: [{ line: 14, column: 19, endLine: 14, endColumn: 31 }],
    },
    {
      name: 'Fn::If on the port: one branch is RDP',
      code: `Conditions:
  Windows: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: !If [Windows, 3389, 22222]
      ToPort: !If [Windows, 3389, 22222]
      CidrIp: 0.0.0.0/0
`,
      errors: [{ line: 11, column: 15, endLine: 11, endColumn: 24 }],
    },
    {
      name: 'JSON long form: Fn::Join builds the CIDR, Fn::If picks the protocol',
      code: `{
  "Conditions": {"Tcp": {"Fn::Equals": ["a", "b"]}},
  "Resources": {
    "Sg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "rdp",
        "SecurityGroupIngress": [
          {"IpProtocol": {"Fn::If": ["Tcp", "tcp", "udp"]}, "FromPort": 3389, "ToPort": 3389, "CidrIp": {"Fn::Join": ["/", ["0.0.0.0", "0"]]}}
        ]
      }
    }
  }
}`,
      errors: [{ line: 9, column: 105, endLine: 9, endColumn: 142, message: 'from 0.0.0.0/0 (CidrIp)' }],
    },
  ],
});
