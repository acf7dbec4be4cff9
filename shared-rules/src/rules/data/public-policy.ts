import { valueOf, type Node } from '../../model/nodes';
import { isAllow, isPublicPrincipal, statementsOf } from '../common/policy';
import type { ResourceCheckContext } from '../rule';

/**
 * Reports every `Principal: "*"` (or `{AWS: "*"}`) of an Allow statement without a `Condition` in the
 * resource's `PolicyDocument` (SQS queue policies, SNS topic policies).
 */
export function reportPublicPrincipals(ctx: ResourceCheckContext, message: string): void {
  const document = ctx.resource.properties ? valueOf(ctx.resource.properties, 'PolicyDocument') : undefined;
  if (!document) return;
  for (const statement of statementsOf(ctx, document)) {
    if (!isAllow(statement) || !mayLackCondition(ctx, statement.node)) continue;
    for (const principal of statement.principals) {
      if (isPublicPrincipal(principal)) ctx.report(principal.node, message);
    }
  }
}

/**
 * True when the statement can deploy without a condition: no `Condition` key, one that an `AWS::NoValue`
 * branch removes, or an empty mapping. A condition that cannot be known counts as present.
 */
function mayLackCondition(ctx: ResourceCheckContext, statement: Node): boolean {
  if (statement.kind !== 'map') return false;
  const condition = valueOf(statement, 'Condition');
  if (!condition) return true;
  return ctx
    .resolve(condition)
    .some((o) => o.kind === 'absent' || (o.kind === 'value' && o.data.kind === 'map' && o.data.entries.length === 0));
}
