import { asString, resolvePath } from '../../model/evaluate';
import { intrinsicOf, isSeq, scalarString, valueOf, type Node } from '../../model/nodes';
import type { Resource } from '../../model/template';
import { statementsOf } from '../common/policy';
import type { Rule, TemplateCheckContext } from '../rule';

const BUCKET = 'AWS::S3::Bucket';
const LOG_DELIVERY_SERVICE = 'logging.s3.amazonaws.com';

export const s3BucketLogging: Rule = {
  meta: {
    id: 'aws-s3-bucket-logging',
    title: 'S3 buckets should have server access logging enabled',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: [BUCKET],
    docs: {
      description:
        'The bucket has no `LoggingConfiguration`, so S3 keeps no record of the requests made to it. Buckets that receive the ' +
        'access logs of another bucket in the same template are not reported (logging them to themselves would loop), nor are ' +
        'buckets that are plainly log destinations: `AccessControl: LogDeliveryWrite`, or a bucket policy letting ' +
        '`logging.s3.amazonaws.com` write to them.',
      impact:
        'Without access logs, unexpected reads, deletions or permission changes cannot be investigated, and incident response ' +
        'has to rely on CloudTrail data events, which are often not enabled.',
      remediation:
        'Add `LoggingConfiguration` with `DestinationBucketName` set to a dedicated log bucket (and a `LogFilePrefix`); grant ' +
        '`logging.s3.amazonaws.com` write access to that bucket through its bucket policy.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_18' },
      { tool: 'kics', id: '4552b71f-0a2a-4bc4-92dd-ed7ec1b4674c' },
      { tool: 'cfn_nag', id: 'W35' },
      {
        tool: 'aws-docs',
        id: 'AWS::S3::Bucket LoggingConfiguration',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-loggingconfiguration.html',
      },
    ],
  },
  // A template-level check: whether a bucket is a log target depends on the other resources.
  cloudformation: {
    // Values are evaluated (parameter defaults, mappings); bucket names link buckets and policies.
    reads: { sections: ['Parameters', 'Mappings'], resourceTypes: [BUCKET, 'AWS::S3::BucketPolicy'] },
    checkTemplate(ctx) {
      const buckets = ctx.template.resourcesByType.get(BUCKET) ?? [];
      if (buckets.length === 0) return;
      const logTargets = findLogTargets(ctx, buckets);
      for (const bucket of buckets) {
        if (logTargets.has(bucket.logicalId) || isLogDeliveryAcl(ctx, bucket)) continue;
        const outcomes = bucket.properties
          ? resolvePath(bucket.properties, ['LoggingConfiguration'], ctx.template)
          : [{ kind: 'absent' as const }];
        for (const o of outcomes) {
          if (o.kind !== 'absent') continue;
          ctx.report(
            o.node ?? bucket.keyNode,
            `Bucket ${bucket.logicalId} has no LoggingConfiguration: enable server access logging to a dedicated log bucket.`,
            bucket,
          );
        }
      }
    },
  },
};

/** Logical ids of buckets that receive S3 server access logs, as far as this template shows. */
function findLogTargets(ctx: TemplateCheckContext, buckets: Resource[]): Set<string> {
  const targets = new Set<string>();
  const byName = new Map<string, string>();
  for (const bucket of buckets) {
    const nameNode = bucket.properties ? valueOf(bucket.properties, 'BucketName') : undefined;
    const key = nameNode ? nameKey(nameNode) : undefined;
    if (key !== undefined) byName.set(key, bucket.logicalId);
  }
  for (const bucket of buckets) {
    if (!bucket.properties) continue;
    for (const o of resolvePath(bucket.properties, ['LoggingConfiguration'], ctx.template)) {
      if (o.kind !== 'value' || o.data.kind !== 'map') continue;
      const destination = valueOf(o.data, 'DestinationBucketName');
      if (destination) for (const id of bucketIdsOf(ctx, destination, byName)) if (id !== bucket.logicalId) targets.add(id);
    }
  }
  // Buckets whose policy lets the S3 log delivery service write to them.
  for (const policy of ctx.template.resourcesByType.get('AWS::S3::BucketPolicy') ?? []) {
    if (!policy.properties) continue;
    const bucketRef = valueOf(policy.properties, 'Bucket');
    const document = valueOf(policy.properties, 'PolicyDocument');
    if (!bucketRef || !document) continue;
    const grantsLogDelivery = statementsOf(ctx, document).some(
      (s) => s.effect === 'Allow' && s.principals.some((p) => p.field === 'Service' && p.value === LOG_DELIVERY_SERVICE),
    );
    if (grantsLogDelivery) for (const id of bucketIdsOf(ctx, bucketRef, byName)) targets.add(id);
  }
  return targets;
}

/**
 * How a bucket name is written, for matching it against the names given elsewhere: a literal, or
 * the text of a `Fn::Sub` (two identical `Fn::Sub` patterns produce the same name).
 */
function nameKey(node: Node): string | undefined {
  const fn = intrinsicOf(node);
  if (!fn) {
    const literal = scalarString(node);
    return literal !== undefined ? `=${literal}` : undefined;
  }
  const pattern = fn.key === 'Fn::Sub' ? scalarString(fn.value) : undefined;
  return pattern !== undefined ? `sub:${pattern}` : undefined;
}

/**
 * The buckets a bucket-name value can designate: `Ref`, `Fn::Sub "${X}"`, the same literal or
 * `Fn::Sub` text as a bucket's BucketName, a known value equal to a literal BucketName, through
 * `Fn::If` branches.
 */
function bucketIdsOf(ctx: TemplateCheckContext, node: Node, byName: Map<string, string>): string[] {
  const fn = intrinsicOf(node);
  if (fn?.key === 'Fn::If') {
    return isSeq(fn.value) && fn.value.items.length === 3
      ? [...bucketIdsOf(ctx, fn.value.items[1], byName), ...bucketIdsOf(ctx, fn.value.items[2], byName)]
      : [];
  }
  if (fn?.key === 'Ref') {
    const id = scalarString(fn.value);
    if (id !== undefined && ctx.template.resourcesById.get(id)?.type === BUCKET) return [id];
  }
  if (fn?.key === 'Fn::Sub') {
    const pattern = scalarString(fn.value);
    const match = pattern !== undefined ? /^\$\{([^}.!]+)\}$/.exec(pattern) : null;
    if (match && ctx.template.resourcesById.get(match[1])?.type === BUCKET) return [match[1]];
  }
  const key = nameKey(node);
  const same = key !== undefined ? byName.get(key) : undefined;
  if (same !== undefined) return [same];
  const ids: string[] = [];
  for (const o of ctx.resolve(node)) {
    const name = asString(o);
    const id = name !== undefined ? byName.get(`=${name}`) : undefined;
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** `AccessControl: LogDeliveryWrite` on every path: the bucket is set up to receive logs. */
function isLogDeliveryAcl(ctx: TemplateCheckContext, bucket: Resource): boolean {
  if (!bucket.properties) return false;
  const outcomes = resolvePath(bucket.properties, ['AccessControl'], ctx.template);
  return outcomes.length > 0 && outcomes.every((o) => asString(o) === 'LogDeliveryWrite');
}
