import type { Rule } from '../rule';
import { INGRESS_RESOURCE_TYPES, reachesPort, reportOpenIngress } from './ingress-rules';

export const ec2SgSshOpenToWorld: Rule = {
  meta: {
    id: 'aws-ec2-sg-ssh-open-to-world',
    title: 'Security groups should not allow SSH (port 22) from the whole internet',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: INGRESS_RESOURCE_TYPES,
    docs: {
      description:
        'An ingress rule of an `AWS::EC2::SecurityGroup` (inline `SecurityGroupIngress`) or an `AWS::EC2::SecurityGroupIngress` resource ' +
        'admits TCP port 22 from a CIDR whose prefix length is 0 (`0.0.0.0/0`, `::/0`, or any address with `/0`). Port ranges that contain 22 ' +
        'count (for example 20-30). Rules that open every port (`IpProtocol: -1`, or TCP 0-65535) are reported once, by ' +
        '`aws-ec2-sg-all-ports-open-to-world`, not again here. Values are evaluated through parameter defaults, `Fn::If` branches, ' +
        '`Fn::FindInMap`, `Fn::Sub` and `Fn::Join`; a CIDR or port that the template does not determine is not reported.',
      impact:
        'SSH on an internet-wide source is found by scanners within minutes and receives constant password-guessing and exploit attempts; ' +
        'a weak key, a leaked key or an sshd vulnerability then gives a shell on the instance.',
      remediation:
        'Limit `CidrIp`/`CidrIpv6` to the address ranges of your administrators or VPN, reference a bastion security group with ' +
        '`SourceSecurityGroupId`, or remove the rule and reach instances through AWS Systems Manager Session Manager or EC2 Instance Connect Endpoint.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_24' },
      { tool: 'kics', id: '6e856af2-62d7-4ba2-adc1-73b62cef9cc1' },
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
        (rule) => (reachesPort(rule, 22, ['tcp']) ? 'SSH (port 22)' : undefined),
        'restrict it to trusted address ranges or use Session Manager.',
      );
    },
  },
};
