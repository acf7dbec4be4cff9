import { asBoolean } from '../../model/evaluate';
import type { Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

export const sqsQueueEncryption: Rule = {
  meta: {
    id: 'aws-sqs-queue-encryption',
    title: 'SQS queues should not turn server-side encryption off',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::SQS::Queue'],
    docs: {
      description:
        'The queue sets `SqsManagedSseEnabled: false` and has no `KmsMasterKeyId`, so its messages are stored without ' +
        'server-side encryption. A queue that leaves `SqsManagedSseEnabled` out is not reported: since October 2022 Amazon SQS ' +
        'encrypts every newly created queue with SQS-owned keys (SSE-SQS) by default (AWS Compute Blog, "Announcing server-side ' +
        'encryption with Amazon SQS-managed encryption keys (SSE-SQS) by default"; queues created before then keep their old setting ' +
        'until it is changed). Turning it off explicitly is what leaves a new queue unencrypted.',
      impact:
        'Message bodies, which often carry personal, financial or internal data, are kept at rest in clear text for as long as ' +
        'the retention period, outside the encryption controls that compliance frameworks expect.',
      remediation:
        'Remove `SqsManagedSseEnabled: false` (or set it to `true`) to use SSE-SQS, or set `KmsMasterKeyId` to a KMS key ' +
        '(`alias/aws/sqs` or a customer managed key) to use SSE-KMS with key policies and CloudTrail audit of key use.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_27' },
      { tool: 'kics', id: '12726829-93ed-4d51-9cbe-13423f4299e1' },
      { tool: 'cfn_nag', id: 'W48' },
      {
        tool: 'aws-docs',
        id: 'AWS::SQS::Queue SqsManagedSseEnabled',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html',
      },
      {
        tool: 'aws-docs',
        id: 'SSE-SQS by default',
        url: 'https://aws.amazon.com/blogs/compute/announcing-server-side-encryption-with-amazon-simple-queue-service-managed-encryption-keys-sse-sqs-by-default/',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::SQS::Queue'],
    check(ctx) {
      const sse = ctx.property('SqsManagedSseEnabled');
      const disabled = sse.filter((o) => asBoolean(o) === false);
      if (disabled.length === 0) return;
      const kms = ctx.property('KmsMasterKeyId');
      // Fn::If branches of the two properties may be tied to the same condition: only when the setting is
      // unconditional can a branch without a key be paired with it.
      const noKey = kms.every((o) => o.kind === 'absent') || (sse.length === 1 && kms.some((o) => o.kind === 'absent'));
      if (!noKey) return;
      for (const o of disabled) {
        if (o.kind !== 'value') continue;
        ctx.report(
          o.node,
          `Queue ${ctx.resource.logicalId} sets SqsManagedSseEnabled to false without a KmsMasterKeyId, so its messages are stored unencrypted: remove the setting or set a KMS key.`,
          replaceValue(o.node, true, 'Set SqsManagedSseEnabled to true'),
        );
      }
    },
  },
};
