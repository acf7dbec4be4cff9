import { asString } from '../../model/evaluate';
import type { Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

export const s3BucketVersioning: Rule = {
  meta: {
    id: 'aws-s3-bucket-versioning',
    title: 'S3 buckets should have versioning enabled',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::S3::Bucket'],
    docs: {
      description:
        'The bucket has no `VersioningConfiguration` with `Status: Enabled`, or suspends versioning. Buckets are created ' +
        'unversioned, so an overwrite or delete replaces the only copy of an object.',
      impact:
        'Objects deleted or overwritten by mistake, by a faulty deployment or by an attacker (including ransomware that ' +
        're-encrypts objects in place) cannot be recovered. Versioning is also required for S3 replication and Object Lock.',
      remediation:
        'Add `VersioningConfiguration: {Status: Enabled}`, and a lifecycle rule with `NoncurrentVersionExpiration` to bound the ' +
        'storage kept for old versions.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_21' },
      { tool: 'kics', id: 'a227ec01-f97a-4084-91a4-47b350c1db54' },
      {
        tool: 'aws-docs',
        id: 'AWS::S3::Bucket VersioningConfiguration',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-versioningconfiguration.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::S3::Bucket'],
    check(ctx) {
      const id = ctx.resource.logicalId;
      for (const o of ctx.property('VersioningConfiguration.Status')) {
        if (o.kind === 'absent') {
          ctx.reportMissing(
            `Bucket ${id} does not enable versioning: add VersioningConfiguration with Status Enabled.`,
            o,
            insertMissing(ctx.resource, 'VersioningConfiguration.Status', o, 'Enabled', 'Enable versioning'),
          );
        } else if (o.kind === 'value') {
          const status = asString(o);
          if (status !== undefined && status !== 'Enabled') {
            ctx.report(
              o.node,
              `Bucket ${id} has VersioningConfiguration Status "${status}", which does not enable versioning: set it to Enabled.`,
              replaceValue(o.node, 'Enabled', 'Set Status to Enabled'),
            );
          }
        }
      }
    },
  },
};
