import type { Rule } from '../rule';
import { reportPublicPrincipals } from './public-policy';

const TYPES = ['AWS::SQS::QueuePolicy', 'AWS::SQS::QueueInlinePolicy'];

export const sqsQueuePolicyPublicPrincipal: Rule = {
  meta: {
    id: 'aws-sqs-queue-policy-public-principal',
    title: 'SQS queue policies should not allow any principal without a condition',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: TYPES,
    docs: {
      description:
        'A statement of the queue policy (`AWS::SQS::QueuePolicy` or `AWS::SQS::QueueInlinePolicy`) has `Effect: Allow` with ' +
        '`Principal: "*"` (or `{AWS: "*"}`) and no `Condition`, so it grants its actions to every AWS account and to anonymous callers.',
      impact:
        'Anyone can use the granted actions on the queue: send forged messages that consumers will process, read and delete ' +
        'messages meant for the application, or purge the queue, depending on the actions allowed.',
      remediation:
        'Name the accounts, roles or service principals (for example `sns.amazonaws.com`) that need access in `Principal`, or ' +
        'keep the wildcard only together with a `Condition` that narrows it, such as `aws:SourceArn` for the topic or rule that ' +
        'sends to the queue, `aws:SourceAccount` or `aws:PrincipalOrgID`.',
    },
    references: [
      { tool: 'kics', id: '9b6a3f5b-5fd6-40ee-9bc0-ed604911212d' },
      { tool: 'cfn_nag', id: 'F21' },
      {
        tool: 'aws-docs',
        id: 'AWS::SQS::QueuePolicy PolicyDocument',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queuepolicy.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: TYPES,
    check(ctx) {
      reportPublicPrincipals(
        ctx,
        `Queue policy ${ctx.resource.logicalId} allows any principal ("*") without a Condition: name the principals or add a Condition such as aws:SourceArn.`,
      );
    },
  },
};
