import type { Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

/** S3-managed keys: always available, changes nothing for readers of the bucket. */
const SSE_S3 = [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }];

export const s3BucketEncryption: Rule = {
  meta: {
    id: 'aws-s3-bucket-encryption',
    title: 'S3 buckets should declare default server-side encryption',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::S3::Bucket'],
    docs: {
      description:
        'The bucket does not declare `BucketEncryption`. Since January 2023 S3 encrypts new objects with S3-managed keys (SSE-S3) ' +
        'anyway, but a template that states its encryption documents the intent, survives account-level changes, and is the place ' +
        'to choose SSE-KMS with a customer-managed key when access to the data must be auditable and revocable.',
      impact: 'Without an explicit configuration the data is protected only by the account default, and KMS-level access control and audit are not available.',
      remediation:
        'Add `BucketEncryption` with a `ServerSideEncryptionConfiguration` rule, preferably `SSEAlgorithm: aws:kms` with your key, or `AES256`.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_19' },
      { tool: 'kics', id: 'b2e8752c-3497-4255-98d2-e4ae5b46bbf5' },
      { tool: 'cfn_nag', id: 'W41' },
      { tool: 'aws-docs', id: 'AWS::S3::Bucket BucketEncryption', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-bucketencryption.html' },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::S3::Bucket'],
    check(ctx) {
      for (const o of ctx.property('BucketEncryption.ServerSideEncryptionConfiguration')) {
        if (o.kind === 'absent') {
          ctx.reportMissing(
            `Bucket ${ctx.resource.logicalId} has no BucketEncryption: declare server-side encryption (SSE-KMS or AES256).`,
            o,
            insertMissing(ctx.resource, 'BucketEncryption.ServerSideEncryptionConfiguration', o, SSE_S3, 'Add BucketEncryption with SSE-S3 (AES256)'),
          );
        } else if (o.kind === 'value' && o.data.kind === 'seq' && o.data.items.length === 0) {
          ctx.report(o.node, 'ServerSideEncryptionConfiguration is empty: add a rule with ServerSideEncryptionByDefault.');
        }
      }
    },
  },
};
