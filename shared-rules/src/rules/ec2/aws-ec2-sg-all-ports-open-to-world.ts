import type { Rule } from '../rule';
import { INGRESS_RESOURCE_TYPES, reportOpenIngress } from './ingress-rules';

export const ec2SgAllPortsOpenToWorld: Rule = {
  meta: {
    id: 'aws-ec2-sg-all-ports-open-to-world',
    title: 'Security groups should not open every port to the whole internet',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: INGRESS_RESOURCE_TYPES,
    docs: {
      description:
        'An ingress rule of an `AWS::EC2::SecurityGroup` (inline `SecurityGroupIngress`) or an `AWS::EC2::SecurityGroupIngress` resource ' +
        'admits all traffic from a CIDR whose prefix length is 0 (`0.0.0.0/0`, `::/0`, ...): either `IpProtocol` is `-1` (or `all`), ' +
        'for which EC2 ignores `FromPort`/`ToPort` and allows every protocol and port, or the protocol is TCP/UDP (`tcp`, `udp`, `6`, `17`) ' +
        'with a range from 0 (or 1) to 65535. Such a rule is reported here only, not also by the SSH, RDP and database-port rules. ' +
        'TCP/UDP rules with `-1` ports are rejected by EC2 and are not reported. Parameter defaults, `Fn::If` branches and mappings are ' +
        'evaluated; unknown values are not reported.',
      impact:
        'Every service listening on the attached instances, load balancers or endpoints, including ones never meant to be public ' +
        '(admin consoles, databases, debug ports), becomes reachable from anywhere; the security group no longer acts as a firewall.',
      remediation:
        'Replace the rule with rules for the specific protocol and ports the workload serves, and restrict the source to known CIDR ranges, ' +
        'a prefix list (`SourcePrefixListId`) or another security group (`SourceSecurityGroupId`).',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_277' },
      { tool: 'kics', id: '1a427b25-2e9e-4298-9530-0499a55e736b' },
      { tool: 'kics', id: 'adcd0082-e90b-4b63-862b-21899f6e6a48' },
      { tool: 'cfn_nag', id: 'W42' },
      { tool: 'cfn_nag', id: 'W2' },
      {
        tool: 'aws-docs',
        id: 'AWS::EC2::SecurityGroup Ingress IpProtocol',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-securitygroup-ingress.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: INGRESS_RESOURCE_TYPES,
    check(ctx) {
      reportOpenIngress(
        ctx,
        (rule) =>
          rule.protocol === 'all'
            ? 'all protocols and ports (IpProtocol -1)'
            : rule.allPorts
              ? `every ${rule.protocol.toUpperCase()} port (${rule.from}-${rule.to})`
              : undefined,
        'open only the ports you serve and restrict the source.',
      );
    },
  },
};
