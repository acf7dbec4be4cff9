import type { Rule } from '../rule';
import { INGRESS_RESOURCE_TYPES, reachesPort, reportOpenIngress } from './ingress-rules';

export const ec2SgRdpOpenToWorld: Rule = {
  meta: {
    id: 'aws-ec2-sg-rdp-open-to-world',
    title: 'Security groups should not allow RDP (port 3389) from the whole internet',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: INGRESS_RESOURCE_TYPES,
    docs: {
      description:
        'An ingress rule of an `AWS::EC2::SecurityGroup` (inline `SecurityGroupIngress`) or an `AWS::EC2::SecurityGroupIngress` resource ' +
        'admits port 3389 over TCP or UDP (Remote Desktop uses both) from a CIDR whose prefix length is 0 (`0.0.0.0/0`, `::/0`, ...). Port ' +
        'ranges containing 3389 count. Rules that open every port (`IpProtocol: -1`, or 0-65535) are reported only by ' +
        '`aws-ec2-sg-all-ports-open-to-world`. Parameter defaults, `Fn::If` branches and mappings are evaluated; unknown values are not reported.',
      impact:
        'Internet-facing Remote Desktop is one of the most common initial-access paths for ransomware: it attracts continuous credential ' +
        'stuffing and has had pre-authentication remote code execution flaws (BlueKeep).',
      remediation:
        'Restrict `CidrIp`/`CidrIpv6` to known administrator networks, allow RDP only from a bastion or VPN security group with ' +
        '`SourceSecurityGroupId`, or use Systems Manager Fleet Manager / Session Manager port forwarding instead of an open port.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_25' },
      { tool: 'kics', id: '3ae83918-7ec7-4cb8-80db-b91ef0f94002' },
      { tool: 'kics', id: 'c9846969-d066-431f-9b34-8c4abafe422a' },
      { tool: 'cfn_nag', id: 'W2' },
      {
        tool: 'aws-docs',
        id: 'AWS::EC2::SecurityGroup Ingress',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-securitygroup-ingress.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: INGRESS_RESOURCE_TYPES,
    check(ctx) {
      reportOpenIngress(
        ctx,
        (rule) => (reachesPort(rule, 3389, ['tcp', 'udp']) ? 'RDP (port 3389)' : undefined),
        'restrict it to trusted address ranges or use a VPN or bastion.',
      );
    },
  },
};
