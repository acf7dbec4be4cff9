import { valueOf, type MapNode, type Node } from '../../model/nodes';
import { isAllow, isPublicPrincipal, statementsOf } from '../common/policy';
import type { ResourceCheckContext, Rule } from '../rule';

export const s3BucketPolicyPublicPrincipal: Rule = {
  meta: {
    id: 'aws-s3-bucket-policy-public-principal',
    title: 'S3 bucket policies should not allow any principal without a condition',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::S3::BucketPolicy'],
    docs: {
      description:
        'A statement of the bucket policy has `Effect: Allow` with `Principal: "*"` (or `{AWS: "*"}`) and no `Condition`, or ' +
        'only a condition on values the caller sets itself (`aws:Referer`, `aws:UserAgent`, `aws:SecureTransport`). Such a ' +
        'statement grants its actions to every caller, signed or anonymous, from any AWS account: a Referer header is forged ' +
        'in one command-line flag.',
      impact:
        'Whatever the statement allows, reading, listing, writing or deleting objects, or changing the bucket itself, is open ' +
        'to the whole internet, unless Block Public Access happens to stop it.',
      remediation:
        'Name the accounts, roles or service principals that need access in `Principal`, or keep the wildcard and add a ' +
        '`Condition` that narrows it (for example `aws:SourceArn`, `aws:SourceVpce` or `aws:PrincipalOrgID`). To publish ' +
        'content, grant `cloudfront.amazonaws.com` read access with an `AWS:SourceArn` condition on your distribution.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_70' },
      { tool: 'kics', id: '7772bb8c-c0f3-42d4-8e4e-f1b8939ad085' },
      { tool: 'cfn_nag', id: 'F16' },
      {
        tool: 'aws-docs',
        id: 'AWS::S3::BucketPolicy PolicyDocument',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucketpolicy.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::S3::BucketPolicy'],
    check(ctx) {
      const document = ctx.resource.properties ? valueOf(ctx.resource.properties, 'PolicyDocument') : undefined;
      if (!document) return;
      for (const statement of statementsOf(ctx, document)) {
        if (!isAllow(statement)) continue;
        const strength = conditionStrength(ctx, statement.node);
        if (strength === 'restricts') continue;
        const why = strength === 'none' ? 'without a Condition' : 'with only a Condition on caller-supplied values (such as aws:Referer)';
        for (const principal of statement.principals) {
          if (!isPublicPrincipal(principal)) continue;
          ctx.report(
            principal.node,
            `Bucket policy ${ctx.resource.logicalId} allows any principal ("*") ${why}: name the principals or add a Condition restricting access.`,
          );
        }
      }
    },
  },
};

/**
 * Condition keys whose value the caller chooses freely: a condition made only of these does not
 * narrow down who can make the request (an `aws:Referer` header is trivially forged).
 */
const CALLER_CONTROLLED_KEYS = new Set(['aws:referer', 'aws:useragent', 'aws:securetransport']);

/**
 * How the statement's `Condition` limits a wildcard principal: `none` (no `Condition`, one that
 * an `AWS::NoValue` branch removes, or an empty mapping), `weak` (only caller-controlled keys), or
 * `restricts` (anything else, including conditions that cannot be known).
 */
function conditionStrength(ctx: ResourceCheckContext, statement: Node): 'none' | 'weak' | 'restricts' {
  if (statement.kind !== 'map') return 'restricts';
  const condition = valueOf(statement, 'Condition');
  if (!condition) return 'none';
  let result: 'none' | 'weak' | 'restricts' = 'restricts';
  for (const o of ctx.resolve(condition)) {
    if (o.kind === 'absent' || (o.kind === 'value' && o.data.kind === 'map' && o.data.entries.length === 0)) return 'none';
    if (o.kind === 'value' && o.data.kind === 'map' && onlyCallerControlledKeys(ctx, o.data)) result = 'weak';
  }
  return result;
}

function onlyCallerControlledKeys(ctx: ResourceCheckContext, condition: MapNode): boolean {
  return condition.entries.every((operator) =>
    ctx.resolve(operator.value).every(
      (keys) =>
        keys.kind === 'value' &&
        keys.data.kind === 'map' &&
        keys.data.entries.every((key) => CALLER_CONTROLLED_KEYS.has(key.key.toLowerCase())),
    ),
  );
}
