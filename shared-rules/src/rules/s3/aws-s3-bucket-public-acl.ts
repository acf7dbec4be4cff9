import { asBoolean, asString } from '../../model/evaluate';
import type { Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

/** Canned ACLs that grant access to everyone, or to every AWS account holder. */
const PUBLIC_ACLS = new Map<string, string>([
  ['PublicRead', 'lets anyone on the internet list the bucket'],
  ['PublicReadWrite', 'lets anyone on the internet list and write the bucket'],
  ['AuthenticatedRead', 'lets any AWS account list the bucket'],
]);

export const s3BucketPublicAcl: Rule = {
  meta: {
    id: 'aws-s3-bucket-public-acl',
    title: 'S3 buckets should not use a public canned ACL',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::S3::Bucket'],
    docs: {
      description:
        'The bucket sets `AccessControl` to `PublicRead`, `PublicReadWrite` or `AuthenticatedRead`. These canned ACLs grant the ' +
        'AllUsers or AuthenticatedUsers group permissions on the bucket: the first two open it to anonymous internet users, the ' +
        'third to anyone holding any AWS credentials, in any account. A bucket whose `PublicAccessBlockConfiguration` sets ' +
        '`IgnorePublicAcls: true` in every case is not reported, since S3 then disregards the grant.',
      impact:
        'Anyone can enumerate the bucket\'s objects, and with `PublicReadWrite` also upload, overwrite or plant content, leading to ' +
        'data disclosure, tampering, malware hosting and storage charges billed to you.',
      remediation:
        'Remove `AccessControl` (new buckets use BucketOwnerEnforced object ownership, which disables ACLs) or set it to `Private`. ' +
        'To publish content, serve it through CloudFront with origin access control instead of a public bucket.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_20' },
      { tool: 'checkov', id: 'CKV_AWS_57' },
      { tool: 'kics', id: '219f4c95-aa50-44e0-97de-cf71f4641170' },
      { tool: 'kics', id: '07dda8de-d90d-469e-9b37-1aca53526ced' },
      { tool: 'kics', id: '835d5497-a526-4aea-a23f-98a9afd1635f' },
      { tool: 'cfn_nag', id: 'W31' },
      { tool: 'cfn_nag', id: 'F14' },
      {
        tool: 'aws-docs',
        id: 'AWS::S3::Bucket AccessControl',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-accesscontrol',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::S3::Bucket'],
    check(ctx) {
      // With IgnorePublicAcls set true on every path, S3 ignores the public grants: nothing is exposed.
      const ignore = ctx.property('PublicAccessBlockConfiguration.IgnorePublicAcls');
      if (ignore.length > 0 && ignore.every((o) => asBoolean(o) === true)) return;
      for (const o of ctx.property('AccessControl')) {
        const acl = asString(o);
        const exposure = acl !== undefined ? PUBLIC_ACLS.get(acl) : undefined;
        if (o.kind !== 'value' || exposure === undefined) continue;
        // Private changes who can read the bucket: offered, never applied without review.
        ctx.report(
          o.node,
          `Bucket ${ctx.resource.logicalId} has AccessControl ${acl}, which ${exposure}: remove it or set it to Private.`,
          replaceValue(o.node, 'Private', 'Set AccessControl to Private', 'suggestion'),
        );
      }
    },
  },
};
