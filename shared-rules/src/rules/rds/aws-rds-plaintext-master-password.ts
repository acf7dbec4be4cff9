import { literalSecret } from '../common/secrets';
import type { Rule } from '../rule';

export const rdsPlaintextMasterPassword: Rule = {
  meta: {
    id: 'aws-rds-plaintext-master-password',
    title: 'RDS master passwords should not be written in the template',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    docs: {
      description:
        'The `MasterUserPassword` of the DB instance or cluster is literal text, or comes from a parameter whose `Default` is ' +
        'the password. The database administrator password is then kept in source control, in every copy of the template and ' +
        'in the template CloudFormation stores with the stack. A `Ref` to a `NoEcho` parameter without `Default`, a ' +
        'dynamic reference to Secrets Manager or SSM SecureString, and `ManageMasterUserPassword: true` are not reported.',
      impact:
        'Anyone who can read the repository or call `GetTemplate` on the stack obtains the master credential, which has full ' +
        'control over every database on the server, and every stack deployed from the template shares the same password.',
      remediation:
        'Prefer `ManageMasterUserPassword: true` so RDS generates the password and keeps it in Secrets Manager; otherwise use ' +
        '`{{resolve:secretsmanager:...}}` or a `NoEcho` parameter without `Default`, and rotate the password that was exposed.',
    },
    references: [
      { tool: 'cfn-lint', id: 'W2501' },
      { tool: 'cfn_nag', id: 'F23' },
      { tool: 'cfn_nag', id: 'F34' },
      {
        tool: 'aws-docs',
        id: 'AWS::RDS::DBInstance MasterUserPassword',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-masteruserpassword',
      },
      {
        tool: 'aws-docs',
        id: 'Password management with Amazon RDS and AWS Secrets Manager',
        url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html',
      },
      {
        tool: 'aws-docs',
        id: 'CloudFormation dynamic references',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    check(ctx) {
      const kind = ctx.resource.type === 'AWS::RDS::DBCluster' ? 'DB cluster' : 'DB instance';
      for (const o of ctx.property('MasterUserPassword')) {
        // Fn::If branches and parameter defaults are already evaluated (a default is reported at its Ref);
        // a Ref to a parameter without Default, GetAtt, ImportValue... are unknown and never reported.
        if (o.kind === 'value' && literalSecret(o.data, ctx.template)) {
          ctx.report(
            o.node,
            `MasterUserPassword of ${kind} ${ctx.resource.logicalId} is written in the template: use ManageMasterUserPassword, a Secrets Manager dynamic reference or a NoEcho parameter without Default.`,
          );
        }
      }
    },
  },
};
