import { forbidTrue } from '../common/properties';
import type { Rule } from '../rule';

export const rdsPublicAccess: Rule = {
  meta: {
    id: 'aws-rds-public-access',
    title: 'RDS databases should not be publicly accessible',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    docs: {
      description:
        '`PubliclyAccessible: true` gives the DB instance (or Multi-AZ DB cluster) a public IP address and makes its endpoint ' +
        'resolve to it from outside the VPC. Only an explicit `true` is reported: when the property is absent, RDS decides from ' +
        'the network (the instance is public only if the VPC of its subnets, or the default VPC, has an internet gateway ' +
        'attached), which the template alone does not say. Setting `PubliclyAccessible: false` explicitly is still recommended.',
      impact:
        'The database listens on the internet, guarded only by its security group and its passwords: a too-wide ingress rule, ' +
        'a weak or leaked credential, or an engine vulnerability is then directly exploitable from anywhere.',
      remediation:
        'Remove `PubliclyAccessible` or set it to `false`, place the database in private subnets, and reach it through the ' +
        'application tier, a VPN, AWS Systems Manager port forwarding or a bastion.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_17' },
      { tool: 'kics', id: 'de38e1d5-54cb-4111-a868-6f7722695007' },
      { tool: 'cfn_nag', id: 'F22' },
      {
        tool: 'aws-docs',
        id: 'AWS::RDS::DBInstance PubliclyAccessible',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-publiclyaccessible',
      },
      {
        tool: 'aws-docs',
        id: 'CreateDBInstance PubliclyAccessible default',
        url: 'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    check(ctx) {
      const kind = ctx.resource.type === 'AWS::RDS::DBCluster' ? 'DB cluster' : 'DB instance';
      forbidTrue(
        ctx,
        'PubliclyAccessible',
        `${kind} ${ctx.resource.logicalId} is publicly accessible: set PubliclyAccessible to false and keep the database in private subnets.`,
        { title: 'Set PubliclyAccessible to false', kind: 'safe' },
      );
    },
  },
};
