import type { Rule } from '../rule';
import { reportPublicPrincipals } from './public-policy';

const TYPES = ['AWS::SNS::TopicPolicy', 'AWS::SNS::TopicInlinePolicy'];

export const snsTopicPolicyPublicPrincipal: Rule = {
  meta: {
    id: 'aws-sns-topic-policy-public-principal',
    title: 'SNS topic policies should not allow any principal without a condition',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: TYPES,
    docs: {
      description:
        'A statement of the topic policy (`AWS::SNS::TopicPolicy` or `AWS::SNS::TopicInlinePolicy`) has `Effect: Allow` with ' +
        '`Principal: "*"` (or `{AWS: "*"}`) and no `Condition`, so it grants its actions to every AWS account and to anonymous callers.',
      impact:
        'Anyone can use the granted actions on the topic: publish spoofed notifications to every subscriber, subscribe their own ' +
        'endpoints to receive the messages, or change the topic, depending on the actions allowed.',
      remediation:
        'Name the accounts or service principals (for example `events.amazonaws.com` or `cloudwatch.amazonaws.com`) that need ' +
        'access in `Principal`, or keep the wildcard only together with a `Condition` that narrows it, such as `aws:SourceArn`, ' +
        '`aws:SourceAccount` / `AWS:SourceOwner` or `aws:PrincipalOrgID`.',
    },
    references: [
      { tool: 'kics', id: 'ae53ce91-42b5-46bf-a84f-9a13366a4f13' },
      { tool: 'cfn_nag', id: 'F18' },
      {
        tool: 'aws-docs',
        id: 'AWS::SNS::TopicPolicy PolicyDocument',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topicpolicy.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: TYPES,
    check(ctx) {
      reportPublicPrincipals(
        ctx,
        `Topic policy ${ctx.resource.logicalId} allows any principal ("*") without a Condition: name the principals or add a Condition such as aws:SourceArn.`,
      );
    },
  },
};
