import { asString, resolveItems, type Outcome } from '../../model/evaluate';
import type { Node } from '../../model/nodes';
import type { EvaluationContext } from '../rule';

/** One statement of an IAM-style policy document, its fields evaluated. */
export interface Statement {
  node: Node;
  /** Known effect, or undefined when it cannot be known. */
  effect?: string;
  /** Each known action string with where it is; `unknownActions` is true when some are not known. */
  actions: { value: string; node: Node }[];
  notAction: boolean;
  resources: { value: string; node: Node }[];
  /** Principal values that are known, flattened: "*" or ARNs/service names, with their nodes. */
  principals: { value: string; node: Node; field: string }[];
  hasCondition: boolean;
}

/** Reads the statements of a policy document node (`PolicyDocument`, `AssumeRolePolicyDocument`...). */
export function statementsOf(ctx: EvaluationContext, document: Node): Statement[] {
  const out: Statement[] = [];
  for (const doc of ctx.resolve(document)) {
    if (doc.kind !== 'value' || doc.data.kind !== 'map') continue;
    const statementField = doc.data.entries.find((e) => e.key === 'Statement');
    if (!statementField) continue;
    for (const list of ctx.resolve(statementField.value)) {
      const items: Outcome[] = list.kind === 'value' && list.data.kind === 'seq' ? resolveItems(list, ctx.template) : [list];
      for (const item of items) {
        if (item.kind !== 'value' || item.data.kind !== 'map') continue;
        out.push(readStatement(ctx, item.data));
      }
    }
  }
  return out;
}

function readStatement(ctx: EvaluationContext, map: Extract<Node, { kind: 'map' }>): Statement {
  const field = (key: string) => map.entries.find((e) => e.key === key)?.value;
  const effects = field('Effect') ? ctx.resolve(field('Effect')!).map(asString) : [];
  const statement: Statement = {
    node: map,
    effect: effects.length === 1 ? effects[0] : undefined,
    actions: [],
    notAction: field('NotAction') !== undefined,
    resources: [],
    principals: [],
    hasCondition: false,
  };
  const condition = field('Condition');
  // An empty Condition, or one an Fn::If branch removes, restricts nothing; an unknown one may.
  statement.hasCondition =
    condition !== undefined &&
    ctx.resolve(condition).every((o) => o.kind === 'unknown' || (o.kind === 'value' && !(o.data.kind === 'map' && o.data.entries.length === 0)));
  const action = field('Action');
  if (action) statement.actions = stringsOf(ctx, action);
  const resource = field('Resource');
  if (resource) statement.resources = stringsOf(ctx, resource);
  const principal = field('Principal');
  if (principal) {
    for (const p of ctx.resolve(principal)) {
      if (p.kind !== 'value') continue;
      if (p.data.kind === 'scalar') {
        const value = asString(p);
        if (value !== undefined) statement.principals.push({ value, node: p.node, field: '*' });
      } else if (p.data.kind === 'map') {
        for (const entry of p.data.entries) {
          for (const s of stringsOf(ctx, entry.value)) statement.principals.push({ ...s, field: entry.key });
        }
      }
    }
  }
  return statement;
}

/** A string or list of strings, each evaluated; unknown items are left out. */
export function stringsOf(ctx: EvaluationContext, node: Node): { value: string; node: Node }[] {
  const out: { value: string; node: Node }[] = [];
  for (const o of ctx.resolve(node)) {
    const items = o.kind === 'value' && o.data.kind === 'seq' ? resolveItems(o, ctx.template) : [o];
    for (const item of items) {
      const value = asString(item);
      if (value !== undefined && item.kind === 'value') out.push({ value, node: item.node });
    }
  }
  return out;
}

/** `*` or `{"AWS": "*"}` (or a list holding `*`): anyone, any account. */
export function isPublicPrincipal(p: { value: string; field: string }): boolean {
  return p.value === '*' && (p.field === '*' || p.field === 'AWS' || p.field === 'CanonicalUser');
}

export function isAllow(s: Statement): boolean {
  return s.effect !== undefined && s.effect === 'Allow';
}
