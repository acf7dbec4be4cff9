import { asBoolean, type Outcome } from '../../model/evaluate';
import type { FixFactory, ResourceCheckContext } from '../rule';
import { insertMissing, replaceValue } from '../../fix/property-fixes';

/**
 * Reports when a boolean property is not `true`: missing (at the resource key or the `Fn::If`
 * branch that removed it) or explicitly false (at the value). Unknown values are never reported.
 */
export function requireTrue(
  ctx: ResourceCheckContext,
  path: string,
  messages: { missing: string; disabled: string },
  /** Offer a fix that writes `true`: its title and whether it is safe to apply without review. */
  fix?: { title: string; kind: FixFactory['kind'] },
): void {
  for (const o of ctx.property(path)) {
    if (o.kind === 'absent') {
      ctx.reportMissing(messages.missing, o, fix && insertMissing(ctx.resource, path, o, true, fix.title, fix.kind));
    } else if (o.kind === 'value' && asBoolean(o) === false) {
      ctx.report(o.node, messages.disabled, fix && replaceValue(o.node, true, fix.title, fix.kind));
    }
  }
}

/** Reports when a boolean property is explicitly `true` (only a known true value counts). */
export function forbidTrue(ctx: ResourceCheckContext, path: string, message: string, fix?: { title: string; kind: FixFactory['kind'] }): void {
  for (const o of ctx.property(path)) {
    if (o.kind === 'value' && asBoolean(o) === true) ctx.report(o.node, message, fix && replaceValue(o.node, false, fix.title, fix.kind));
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
