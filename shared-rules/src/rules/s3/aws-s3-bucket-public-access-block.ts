import { asBoolean, asString } from '../../model/evaluate';
import { entryOf, type Node } from '../../model/nodes';
import type { Rule } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

/** The four Block Public Access settings and what each one stops. */
const FLAGS: [name: string, effect: string][] = [
  ['BlockPublicAcls', 'public ACLs can be put on the bucket and its objects'],
  ['BlockPublicPolicy', 'a bucket policy granting public access can be attached'],
  ['IgnorePublicAcls', 'existing public ACLs are honoured'],
  ['RestrictPublicBuckets', 'a public bucket policy lets anyone in'],
];

const ALL_BLOCKED = Object.fromEntries(FLAGS.map(([flag]) => [flag, true]));

export const s3BucketPublicAccessBlock: Rule = {
  meta: {
    id: 'aws-s3-bucket-public-access-block',
    title: 'S3 buckets should turn on all four Block Public Access settings',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::S3::Bucket'],
    docs: {
      description:
        'The bucket lacks `PublicAccessBlockConfiguration`, or the configuration leaves one of `BlockPublicAcls`, ' +
        '`BlockPublicPolicy`, `IgnorePublicAcls` and `RestrictPublicBuckets` false. In CloudFormation a flag omitted from the ' +
        'configuration is false, so all four must be written out. S3 turns the settings on for new buckets when the whole ' +
        'configuration is omitted, but that depends on the account and on when the bucket was created; declaring it keeps the ' +
        'guard rail in the template, where it is reviewed and cannot silently drift.',
      impact:
        'Block Public Access is the safety net that stops a single mistaken ACL or bucket policy from exposing the bucket to the ' +
        'internet. With a setting off, that mistake is no longer caught.',
      remediation:
        'Add `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls` and ' +
        '`RestrictPublicBuckets` all set to `true`. Publish content through CloudFront with origin access control rather than ' +
        'by opening the bucket.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_53' },
      { tool: 'checkov', id: 'CKV_AWS_54' },
      { tool: 'checkov', id: 'CKV_AWS_55' },
      { tool: 'checkov', id: 'CKV_AWS_56' },
      { tool: 'kics', id: '48f100d9-f499-4c6d-b2b8-deafe47ffb26' },
      { tool: 'kics', id: '860ba89b-b8de-4e72-af54-d6aee4138a69' },
      { tool: 'kics', id: '6c8d51af-218d-4bfb-94a9-94eabaa0703a' },
      { tool: 'kics', id: '350cd468-0e2c-44ef-9d22-cfb73a62523c' },
      {
        tool: 'aws-docs',
        id: 'AWS::S3::Bucket PublicAccessBlockConfiguration',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-publicaccessblockconfiguration.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::S3::Bucket'],
    check(ctx) {
      const id = ctx.resource.logicalId;
      // A website bucket or one with a public ACL looks public on purpose: blocking public access
      // would break it (and a public bucket policy would then fail to deploy), so the fix is only offered.
      const looksPublic =
        ctx.property('WebsiteConfiguration').some((o) => o.kind !== 'absent') ||
        ctx.property('AccessControl').some((o) => ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'].includes(asString(o) ?? ''));
      const kind = looksPublic ? 'suggestion' : 'safe';
      const declared = ctx.resource.properties ? entryOf(ctx.resource.properties, 'PublicAccessBlockConfiguration') : undefined;
      for (const config of ctx.property('PublicAccessBlockConfiguration')) {
        if (config.kind === 'absent') {
          ctx.reportMissing(
            `Bucket ${id} has no PublicAccessBlockConfiguration: add one with all four Block Public Access settings true.`,
            config,
            insertMissing(ctx.resource, 'PublicAccessBlockConfiguration', config, ALL_BLOCKED, 'Add PublicAccessBlockConfiguration blocking all public access', kind),
          );
          continue;
        }
        if (config.kind !== 'value' || config.data.kind !== 'map') continue;
        // A flag left out is reported at the configuration: its key when written directly, else the branch that holds it.
        const anchor: Node = declared && declared.value === config.node ? declared.keyNode : config.node;
        for (const [flag, effect] of FLAGS) {
          for (const o of ctx.path(config.data, flag)) {
            if (o.kind === 'absent') {
              ctx.report(
                o.node ?? anchor,
                `Bucket ${id} PublicAccessBlockConfiguration omits ${flag}, which then defaults to false and ${effect}: set ${flag} to true.`,
                insertMissing(ctx.resource, flag, o, true, `Add ${flag}: true`, kind, config.data),
              );
            } else if (asBoolean(o) === false) {
              ctx.report(o.node, `Bucket ${id} sets ${flag} to false, so ${effect}: set it to true.`, replaceValue(o.node, true, `Set ${flag} to true`, kind));
            }
          }
        }
      }
    },
  },
};
