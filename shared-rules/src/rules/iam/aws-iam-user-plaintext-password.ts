import { literalSecret } from '../common/secrets';
import type { Rule } from '../rule';

export const iamUserPlaintextPassword: Rule = {
  meta: {
    id: 'aws-iam-user-plaintext-password',
    title: 'IAM user console passwords should not be written in the template',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::IAM::User'],
    docs: {
      description:
        'The `LoginProfile.Password` of an `AWS::IAM::User` is literal text, or a `Ref` to a parameter whose `Default` holds the ' +
        'password. The password is then stored in the template, in source control and in the stack\'s template as CloudFormation ' +
        'keeps it, where anyone with read access can recover it.',
      impact:
        'Whoever reads the template can sign in to the AWS console as this user with all of the user\'s permissions, and the ' +
        'same password is shared by every stack deployed from it.',
      remediation:
        'Take the password from a `NoEcho` parameter without a `Default`, or better from a dynamic reference such as ' +
        '`{{resolve:secretsmanager:MySecret:SecretString:password}}`, and set `PasswordResetRequired: true` so the user ' +
        'replaces it at first sign-in.',
    },
    references: [
      { tool: 'cfn-lint', id: 'W2501' },
      { tool: 'kics', id: '06adef8c-c284-4de7-aad2-af43b07a8ca1' },
      { tool: 'cfn_nag', id: 'F51' },
      {
        tool: 'aws-docs',
        id: 'AWS::IAM::User LoginProfile',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-iam-user-loginprofile.html',
      },
      {
        tool: 'aws-docs',
        id: 'CloudFormation dynamic references',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::IAM::User'],
    check(ctx) {
      for (const o of ctx.property('LoginProfile.Password')) {
        // Parameter defaults, Fn::If branches, Sub/Join/FindInMap are already evaluated: a known value is literal text
        // unless it is a dynamic reference. Anything that cannot be known is never reported.
        if (o.kind === 'value' && literalSecret(o.data, ctx.template)) {
          ctx.report(
            o.node,
            `LoginProfile.Password of user ${ctx.resource.logicalId} is written in the template: use a dynamic reference to Secrets Manager or a NoEcho parameter without Default.`,
          );
        }
      }
    },
  },
};
