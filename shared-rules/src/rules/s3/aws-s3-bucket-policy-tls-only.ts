import { asBoolean, asString, resolveItems, type Outcome } from '../../model/evaluate';
import { valueOf, type MapNode, type Node } from '../../model/nodes';
import type { ResourceCheckContext, Rule } from '../rule';

/** Whether something holds: known yes, known no, or not knowable from the template. */
type Tri = 'yes' | 'no' | 'unknown';

/** Every one must hold (the branches of an `Fn::If`). */
function all(values: Tri[]): Tri {
  if (values.includes('no')) return 'no';
  return values.includes('unknown') ? 'unknown' : 'yes';
}

/** One is enough (the statements of a policy). */
function some(values: Tri[]): Tri {
  if (values.includes('yes')) return 'yes';
  return values.includes('unknown') ? 'unknown' : 'no';
}

export const s3BucketPolicyTlsOnly: Rule = {
  meta: {
    id: 'aws-s3-bucket-policy-tls-only',
    title: 'S3 bucket policies should deny requests not sent over TLS',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: ['AWS::S3::BucketPolicy'],
    docs: {
      description:
        'The bucket policy has no statement with `Effect: Deny` and a `Bool` condition `aws:SecureTransport: false`. S3 ' +
        'endpoints accept plain HTTP as well as HTTPS; only such a statement makes the bucket refuse unencrypted requests. ' +
        'Policies whose statements cannot be known from the template (imported, or built from parameters) are not reported.',
      impact:
        'Clients that are misconfigured or downgraded to HTTP send object data, and request signatures, in clear text, where ' +
        'anyone on the network path can read or replay them.',
      remediation:
        'Add a statement `Effect: Deny`, `Principal: "*"`, `Action: "s3:*"`, `Resource` covering the bucket ARN and `<bucket ARN>/*`, ' +
        'with `Condition: {Bool: {"aws:SecureTransport": "false"}}`.',
    },
    references: [
      { tool: 'kics', id: '38c64e76-c71e-4d92-a337-60174d1de1c9' },
      {
        tool: 'aws-docs',
        id: 'AWS::S3::BucketPolicy',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucketpolicy.html',
      },
      {
        tool: 'aws-docs',
        id: 'S3 security best practices: enforce encryption of data in transit',
        url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: ['AWS::S3::BucketPolicy'],
    check(ctx) {
      const document = ctx.resource.properties ? valueOf(ctx.resource.properties, 'PolicyDocument') : undefined;
      if (!document) return;
      const branches: Tri[] = [];
      for (const doc of ctx.resolve(document)) {
        if (doc.kind !== 'value' || doc.data.kind !== 'map') return;
        const statement = valueOf(doc.data, 'Statement');
        if (!statement) return;
        for (const list of ctx.resolve(statement)) {
          if (list.kind !== 'value') return;
          if (list.data.kind === 'map') branches.push(deniesInsecure(ctx, list));
          else if (list.data.kind === 'seq') branches.push(some(list.data.items.map((item) => itemDeniesInsecure(ctx, item))));
          else return;
        }
      }
      if (branches.includes('unknown') || !branches.includes('no')) return;
      ctx.reportMissing(
        `Bucket policy ${ctx.resource.logicalId} does not deny insecure transport: add a Deny statement with Condition Bool aws:SecureTransport false.`,
      );
    },
  },
};

/** An item of the Statement list: it counts only when it is the TLS deny in every `Fn::If` branch. */
function itemDeniesInsecure(ctx: ResourceCheckContext, item: Node): Tri {
  return all(ctx.resolve(item).map((o) => (o.kind === 'absent' ? 'no' : deniesInsecure(ctx, o))));
}

/** A statement with `Effect: Deny` and `Bool` (or `BoolIfExists`) `aws:SecureTransport` false. */
function deniesInsecure(ctx: ResourceCheckContext, statement: Outcome): Tri {
  if (statement.kind === 'unknown') return 'unknown';
  if (statement.kind !== 'value' || statement.data.kind !== 'map') return 'no';
  const effectNode = valueOf(statement.data, 'Effect');
  const conditionNode = valueOf(statement.data, 'Condition');
  if (!effectNode || !conditionNode) return 'no';
  const effect = all(ctx.resolve(effectNode).map((o) => (o.kind === 'unknown' ? 'unknown' : asString(o) === 'Deny' ? 'yes' : 'no')));
  if (effect !== 'yes') return effect;
  return all(ctx.resolve(conditionNode).map((o) => conditionDeniesInsecure(ctx, o)));
}

function conditionDeniesInsecure(ctx: ResourceCheckContext, condition: Outcome): Tri {
  if (condition.kind === 'unknown') return 'unknown';
  if (condition.kind !== 'value' || condition.data.kind !== 'map') return 'no';
  const operators: Tri[] = [];
  for (const operator of condition.data.entries) {
    if (operator.key !== 'Bool' && operator.key !== 'BoolIfExists') continue;
    operators.push(
      all(
        ctx.resolve(operator.value).map((keys): Tri => {
          if (keys.kind === 'unknown') return 'unknown';
          return keys.kind === 'value' && keys.data.kind === 'map' ? secureTransportFalse(ctx, keys.data) : 'no';
        }),
      ),
    );
  }
  return some(operators);
}

/** `aws:SecureTransport` (condition keys are case-insensitive) set to false, alone or in a list. */
function secureTransportFalse(ctx: ResourceCheckContext, keys: MapNode): Tri {
  const entry = keys.entries.find((e) => e.key.toLowerCase() === 'aws:securetransport');
  if (!entry) return 'no';
  return all(
    ctx.resolve(entry.value).map((o) => {
      const values = o.kind === 'value' && o.data.kind === 'seq' ? resolveItems(o, ctx.template) : [o];
      return some(values.map((v): Tri => (v.kind === 'unknown' ? 'unknown' : asBoolean(v) === false ? 'yes' : 'no')));
    }),
  );
}
