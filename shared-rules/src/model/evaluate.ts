import { intrinsicOf, isMap, isSeq, scalarString, valueOf, type MapNode, type Node, type ScalarNode, type Scalar } from './nodes';
import type { Template } from './template';

/**
 * What a value in a template can be at deploy time, as far as the template alone says.
 * A node can evaluate to several outcomes (each branch of `Fn::If`).
 */
export type Outcome =
  /**
   * The property is not there: `node` is the `Ref: AWS::NoValue` that removed it, or `parent`
   * the mapping that lacks the key (neither when the whole `Properties` is missing).
   */
  | { kind: 'absent'; node?: Node; parent?: MapNode }
  /** Cannot be known from the template (unresolved `Ref`, `GetAtt`, `ImportValue`...). Never reported. */
  | { kind: 'unknown'; node: Node }
  /** A known value: `data` is a scalar, mapping or sequence free of intrinsics at its top; `node` is where to report it. */
  | { kind: 'value'; node: Node; data: Node };

/** More outcomes than this and we stop enumerating: the value counts as unknown. */
const MAX_OUTCOMES = 32;
const MAX_DEPTH = 24;

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId',
  'AWS::StackName', 'AWS::URLSuffix',
]);

/**
 * Outcomes already computed, per template and node. YAML aliases can make the model a DAG in
 * which nested `Fn::If`s share branches; without this, evaluating it would take 2^depth steps.
 */
const memo = new WeakMap<Template, WeakMap<Node, Outcome[]>>();

export function resolve(node: Node, template: Template, depth = 0): Outcome[] {
  let known = memo.get(template);
  if (!known) {
    known = new WeakMap();
    memo.set(template, known);
  }
  const cached = known.get(node);
  if (cached) return cached;
  const outcomes = evaluate(node, template, depth);
  known.set(node, outcomes);
  return outcomes;
}

function evaluate(node: Node, template: Template, depth: number): Outcome[] {
  if (depth > MAX_DEPTH) return [{ kind: 'unknown', node }];
  const fn = intrinsicOf(node);
  if (!fn) return [{ kind: 'value', node, data: node }];
  const arg = fn.value;
  switch (fn.key) {
    case 'Ref':
      return resolveRef(node, arg, template, depth);
    case 'Fn::If': {
      if (!isSeq(arg) || arg.items.length !== 3) return [{ kind: 'unknown', node }];
      return capped(node, [...resolve(arg.items[1], template, depth + 1), ...resolve(arg.items[2], template, depth + 1)]);
    }
    case 'Fn::Sub':
      return resolveSub(node, arg, template, depth);
    case 'Fn::Join':
      return resolveJoin(node, arg, template, depth);
    case 'Fn::Select':
      return resolveSelect(node, arg, template, depth);
    case 'Fn::FindInMap':
      return resolveFindInMap(node, arg, template, depth);
    default:
      return [{ kind: 'unknown', node }];
  }
}

function capped(node: Node, outcomes: Outcome[]): Outcome[] {
  return outcomes.length > MAX_OUTCOMES ? [{ kind: 'unknown', node }] : outcomes;
}

function resolveRef(node: Node, arg: Node, template: Template, depth: number): Outcome[] {
  const name = scalarString(arg);
  if (name === 'AWS::NoValue') return [{ kind: 'absent', node }];
  if (name === undefined || PSEUDO_PARAMETERS.has(name)) return [{ kind: 'unknown', node }];
  const parameter = template.parameters.get(name);
  if (!parameter || !isMap(parameter.value)) return [{ kind: 'unknown', node }];
  const dflt = valueOf(parameter.value, 'Default');
  if (!dflt || intrinsicOf(dflt)) return [{ kind: 'unknown', node }];
  // The parameter's default is what deploys unless overridden; report at the Ref itself.
  return resolve(dflt, template, depth + 1).map((o) => (o.kind === 'value' ? { ...o, node } : o));
}

/** A single known scalar, or undefined. */
function knownScalar(node: Node, template: Template, depth: number): Scalar | undefined {
  const outcomes = resolve(node, template, depth + 1);
  if (outcomes.length !== 1) return undefined;
  const o = outcomes[0];
  return o.kind === 'value' && o.data.kind === 'scalar' && o.data.value !== null ? o.data.value : undefined;
}

function synthetic(node: Node, value: Scalar): ScalarNode {
  return { kind: 'scalar', value, unit: node.unit, start: node.start, end: node.end };
}

function resolveSub(node: Node, arg: Node, template: Template, depth: number): Outcome[] {
  let pattern: string | undefined;
  let vars: MapNode | undefined;
  if (arg.kind === 'scalar') pattern = scalarString(arg);
  else if (isSeq(arg) && arg.items.length === 2 && isMap(arg.items[1])) {
    pattern = scalarString(arg.items[0]);
    vars = arg.items[1];
  }
  if (pattern === undefined) return [{ kind: 'unknown', node }];
  let unknown = false;
  const result = pattern.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const variable = vars ? valueOf(vars, name) : undefined;
    let value: Scalar | undefined;
    if (variable) value = knownScalar(variable, template, depth);
    else if (!name.includes('.')) {
      value = knownScalar({ kind: 'map', unit: node.unit, start: node.start, end: node.end, entries: [
        { key: 'Ref', keyNode: synthetic(node, 'Ref'), value: synthetic(node, name) },
      ] }, template, depth);
    }
    if (value === undefined) {
      unknown = true;
      return whole;
    }
    return String(value);
  });
  return unknown ? [{ kind: 'unknown', node }] : [{ kind: 'value', node, data: synthetic(node, result) }];
}

function resolveJoin(node: Node, arg: Node, template: Template, depth: number): Outcome[] {
  if (!isSeq(arg) || arg.items.length !== 2) return [{ kind: 'unknown', node }];
  const delimiter = knownScalar(arg.items[0], template, depth);
  const list = arg.items[1];
  if (delimiter === undefined || !isSeq(list)) return [{ kind: 'unknown', node }];
  const parts: string[] = [];
  for (const item of list.items) {
    const v = knownScalar(item, template, depth);
    if (v === undefined) return [{ kind: 'unknown', node }];
    parts.push(String(v));
  }
  return [{ kind: 'value', node, data: synthetic(node, parts.join(String(delimiter))) }];
}

function resolveSelect(node: Node, arg: Node, template: Template, depth: number): Outcome[] {
  if (!isSeq(arg) || arg.items.length !== 2) return [{ kind: 'unknown', node }];
  const index = Number(knownScalar(arg.items[0], template, depth));
  const list = arg.items[1];
  if (!Number.isInteger(index) || !isSeq(list) || index < 0 || index >= list.items.length) return [{ kind: 'unknown', node }];
  return resolve(list.items[index], template, depth + 1).map((o) => (o.kind === 'value' ? { ...o, node } : o));
}

function resolveFindInMap(node: Node, arg: Node, template: Template, depth: number): Outcome[] {
  if (!isSeq(arg) || arg.items.length < 3 || !template.mappings) return [{ kind: 'unknown', node }];
  const [mapName, top, second] = arg.items.slice(0, 3).map((i) => knownScalar(i, template, depth));
  if (mapName === undefined || top === undefined || second === undefined) return [{ kind: 'unknown', node }];
  const mapping = valueOf(template.mappings, String(mapName));
  const level = isMap(mapping) ? valueOf(mapping, String(top)) : undefined;
  const leaf = isMap(level) ? valueOf(level, String(second)) : undefined;
  if (!leaf) return [{ kind: 'unknown', node }];
  return resolve(leaf, template, depth + 1).map((o) => (o.kind === 'value' ? { ...o, node } : o));
}

/**
 * Follows a property path through mappings, evaluating intrinsics at every step.
 */
export function resolvePath(start: Node, path: readonly string[], template: Template): Outcome[] {
  let outcomes = resolve(start, template);
  for (const key of path) {
    const next: Outcome[] = [];
    for (const o of outcomes) {
      if (o.kind !== 'value') {
        next.push(o);
      } else if (o.data.kind !== 'map') {
        // Wrong type for a path step: the template is invalid here, not insecure.
        next.push({ kind: 'unknown', node: o.node });
      } else {
        const child = valueOf(o.data, key);
        if (!child) next.push({ kind: 'absent', parent: o.data });
        else next.push(...resolve(child, template));
      }
    }
    outcomes = capped(start, next);
  }
  return outcomes;
}

/** The known items of a sequence outcome, each evaluated (NoValue items dropped, unknown kept as unknown). */
export function resolveItems(outcome: Outcome, template: Template): Outcome[] {
  if (outcome.kind !== 'value' || outcome.data.kind !== 'seq') return [];
  const items: Outcome[] = [];
  for (const item of outcome.data.items) {
    for (const o of resolve(item, template)) if (o.kind !== 'absent') items.push(o);
  }
  return items;
}

/** Helpers for reading outcomes in rules. */
export function asString(o: Outcome): string | undefined {
  return o.kind === 'value' && o.data.kind === 'scalar' && o.data.value !== null ? String(o.data.value) : undefined;
}

/** CloudFormation accepts `true`, `"true"`, `"True"`... for booleans. */
export function asBoolean(o: Outcome): boolean | undefined {
  const s = asString(o)?.toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

export function asNumber(o: Outcome): number | undefined {
  const s = asString(o);
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
