import { asString } from '../../model/evaluate';
import type { Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

export const snsTopicEncryption: Rule = {
  meta: {
    id: 'aws-sns-topic-encryption',
    title: 'SNS topics should be encrypted with a KMS key',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::SNS::Topic'],
    docs: {
      description:
        'The topic has no `KmsMasterKeyId`. Unlike SQS, SNS has no server-side encryption by default: without a key, ' +
        'messages are kept unencrypted by SNS while they wait for delivery to subscribers.',
      impact:
        'Published messages are stored at rest without server-side encryption, and access to their content cannot be ' +
        'restricted or audited through a KMS key policy.',
      remediation:
        'Set `KmsMasterKeyId` to a KMS key: `alias/aws/sns` for the AWS managed key, or a customer managed key (needed when ' +
        'AWS services such as CloudWatch alarms or EventBridge publish to the topic, since their principals must be allowed ' +
        'to use the key).',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_26' },
      { tool: 'kics', id: '9d13b150-a2ab-42a1-b6f4-142e41f81e52' },
      { tool: 'cfn_nag', id: 'W47' },
      {
        tool: 'aws-docs',
        id: 'AWS::SNS::Topic KmsMasterKeyId',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::SNS::Topic'],
    check(ctx) {
      for (const o of ctx.property('KmsMasterKeyId')) {
        if (o.kind === 'absent') {
          ctx.reportMissing(
            `SNS topic ${ctx.resource.logicalId} has no KmsMasterKeyId: set it to a KMS key (alias/aws/sns or your own key) to encrypt messages at rest.`,
            o,
            insertMissing(ctx.resource, 'KmsMasterKeyId', o, 'alias/aws/sns', 'Encrypt with the AWS managed key alias/aws/sns'),
          );
        } else if (o.kind === 'value' && asString(o)?.trim() === '') {
          ctx.report(o.node, `KmsMasterKeyId of SNS topic ${ctx.resource.logicalId} is empty: set it to a KMS key to encrypt messages at rest.`);
        }
      }
    },
  },
};
