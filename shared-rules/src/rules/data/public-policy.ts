import { valueOf } from '../../model/nodes';
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
    if (!isAllow(statement) || statement.hasCondition) continue;
    for (const principal of statement.principals) {
      if (isPublicPrincipal(principal)) ctx.report(principal.node, message);
    }
  }
}

