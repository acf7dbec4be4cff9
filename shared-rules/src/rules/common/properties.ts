import { asBoolean, type Outcome } from '../../model/evaluate';
import type { ResourceCheckContext } from '../rule';

/**
 * Reports when a boolean property is not `true`: missing (at the resource key or the `Fn::If`
 * branch that removed it) or explicitly false (at the value). Unknown values are never reported.
 */
export function requireTrue(
  ctx: ResourceCheckContext,
  path: string,
  messages: { missing: string; disabled: string },
): void {
  for (const o of ctx.property(path)) {
    if (o.kind === 'absent') ctx.reportMissing(messages.missing, o);
    else if (o.kind === 'value' && asBoolean(o) === false) ctx.report(o.node, messages.disabled);
  }
}

/** Reports when a boolean property is explicitly `true` (only a known true value counts). */
export function forbidTrue(ctx: ResourceCheckContext, path: string, message: string): void {
  for (const o of ctx.property(path)) {
    if (o.kind === 'value' && asBoolean(o) === true) ctx.report(o.node, message);
  }
}

/** Reports when a property is missing (but not when it is present with any value, known or not). */
export function requirePresent(ctx: ResourceCheckContext, path: string, message: string): void {
  for (const o of ctx.property(path)) {
    if (o.kind === 'absent') ctx.reportMissing(message, o);
  }
}

export function isKnownValue(o: Outcome): o is Extract<Outcome, { kind: 'value' }> {
  return o.kind === 'value';
}
