import { asString } from '../../model/evaluate';
import type { Rule } from '../rule';

export const cloudtrailEncryption: Rule = {
  meta: {
    id: 'aws-cloudtrail-encryption',
    title: 'CloudTrail trails should encrypt log files with a KMS key',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::CloudTrail::Trail'],
    docs: {
      description:
        'The trail has no `KMSKeyId`, so its log files are written with the default S3-managed encryption (SSE-S3) only. ' +
        'With SSE-KMS, reading the logs additionally requires `kms:Decrypt` on a key you control, and every use of the key is ' +
        'itself logged.',
      impact:
        'Anyone with read access to the log bucket can read the full API activity of the account (resource names, source ' +
        'addresses, request parameters), and access to the logs cannot be revoked or audited separately from bucket access.',
      remediation:
        'Create a customer managed KMS key whose key policy lets `cloudtrail.amazonaws.com` encrypt (`kms:GenerateDataKey*`) ' +
        'and your log readers decrypt, and set the trail\'s `KMSKeyId` to it.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_35' },
      { tool: 'kics', id: '050a9ba8-d1cb-4c61-a5e8-8805a70d3b85' },
      {
        tool: 'aws-docs',
        id: 'AWS::CloudTrail::Trail KMSKeyId',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-kmskeyid',
      },
      {
        tool: 'aws-docs',
        id: 'Encrypting CloudTrail log files with AWS KMS keys',
        url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::CloudTrail::Trail'],
    check(ctx) {
      const id = ctx.resource.logicalId;
      for (const o of ctx.property('KMSKeyId')) {
        if (o.kind === 'absent') {
          ctx.reportMissing(`Trail ${id} has no KMSKeyId: encrypt its log files with a customer managed KMS key.`, o);
        } else if (o.kind === 'value' && asString(o) === '') {
          ctx.report(o.node, `Trail ${id} has an empty KMSKeyId: set it to a customer managed KMS key.`);
        }
      }
    },
  },
};
