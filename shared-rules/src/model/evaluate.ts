import { intrinsicOf, isMap, isSeq, scalarString, valueOf, type MapNode, type Node, type ScalarNode, type Scalar } from './nodes';
import type { Template } from './template';

/**
 * What a value in a template can be at deploy time, as far as the template alone says.
 * A node can evaluate to several outcomes (each branch of `Fn::If`).
 */
export type Outcome = OutcomeKind & {
  /** The conditions under which this outcome holds, for reading further below it. */
  assume?: Assumptions;
};

type OutcomeKind =
  /**
   * The property is not there: `node` is the `Ref: AWS::NoValue` that removed it, or `parent`
   * the mapping that lacks the key (neither when the whole `Properties` is missing).
   */
  | { kind: 'absent'; node?: Node; parent?: MapNode }
  /** Cannot be known from the template (unresolved `Ref`, `GetAtt`, `ImportValue`...). Never reported. */
  | { kind: 'unknown'; node: Node }
  /** A known value: `data` is a scalar, mapping or sequence free of intrinsics at its top; `node` is where to report it. */
  | { kind: 'value'; node: Node; data: Node };

/**
 * Conditions known to hold (true) or not (false) where a value is read: inside a resource with
 * `Condition: IsProd`, IsProd is true; inside the false branch of `!If [IsProd, ...]`, it is false.
 * Branches that contradict them can never deploy and are not followed.
 */
export type Assumptions = ReadonlyMap<string, boolean>;

const NO_ASSUMPTIONS: Assumptions = new Map();

/** More outcomes than this and we stop enumerating: the value counts as unknown. */
const MAX_OUTCOMES = 32;
const MAX_DEPTH = 64;
/** Distinct sets of assumptions per template; past this, branches are followed without adding one (both stay possible). */
const MAX_SCOPES = 256;
/** Evaluation steps per template: past this, values count as unknown (pathological templates stay bounded). */
const MAX_STEPS = 200_000;

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId',
  'AWS::StackName', 'AWS::URLSuffix',
]);

/**
 * One evaluation scope: a template under some assumptions. Outcomes are memoised per node: YAML
 * aliases can make the model a DAG in which nested `Fn::If`s share branches, which would otherwise
 * take 2^depth steps.
 */
interface Scope {
  template: Template;
  assume: Assumptions;
  memo: WeakMap<Node, Outcome[]>;
  budget: { steps: number };
}

const scopes = new WeakMap<Template, { budget: { steps: number }; byAssumptions: Map<string, Scope>; byObject: WeakMap<Assumptions, Scope> }>();

function scopeOf(template: Template, assume: Assumptions): Scope {
  let entry = scopes.get(template);
  if (!entry) {
    entry = { budget: { steps: 0 }, byAssumptions: new Map(), byObject: new WeakMap() };
    scopes.set(template, entry);
  }
  // Checks pass the same assumptions object on every call: look it up before building its key.
  const known = entry.byObject.get(assume);
  if (known) return known;
  const key = assume.size === 0 ? '' : [...assume].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${v ? '' : '!'}${k}`).join('&');
  let scope = entry.byAssumptions.get(key);
  if (!scope) {
    scope = { template, assume, memo: new WeakMap(), budget: entry.budget };
    entry.byAssumptions.set(key, scope);
  }
  entry.byObject.set(assume, scope);
  return scope;
}

export function resolve(node: Node, template: Template, assume: Assumptions = NO_ASSUMPTIONS): Outcome[] {
  return evaluateIn(scopeOf(template, assume), node, 0);
}

function evaluateIn(scope: Scope, node: Node, depth: number): Outcome[] {
  const cached = scope.memo.get(node);
  if (cached) return cached;
  const outcomes = ++scope.budget.steps > MAX_STEPS ? [{ kind: 'unknown' as const, node }] : evaluate(scope, node, depth);
  scope.memo.set(node, outcomes);
  return outcomes;
}

function evaluate(scope: Scope, node: Node, depth: number): Outcome[] {
  if (depth > MAX_DEPTH) return [{ kind: 'unknown', node }];
  const fn = intrinsicOf(node);
  if (!fn) return [valueOutcome(scope, node, node)];
  const arg = fn.value;
  switch (fn.key) {
    case 'Ref':
      return resolveRef(scope, node, arg, depth);
    case 'Fn::If':
      return resolveIf(scope, node, arg, depth);
    case 'Fn::Sub':
      return resolveSub(scope, node, arg, depth);
    case 'Fn::Join':
      return resolveJoin(scope, node, arg, depth);
    case 'Fn::Select':
      return resolveSelect(scope, node, arg, depth);
    case 'Fn::FindInMap':
      return resolveFindInMap(scope, node, arg, depth);
    default:
      return [{ kind: 'unknown', node }];
  }
}

function valueOutcome(scope: Scope, node: Node, data: Node): Outcome {
  return scope.assume.size > 0 ? { kind: 'value', node, data, assume: scope.assume } : { kind: 'value', node, data };
}

function capped(node: Node, outcomes: Outcome[]): Outcome[] {
  return outcomes.length > MAX_OUTCOMES ? [{ kind: 'unknown', node }] : outcomes;
}

/** Both branches, unless the condition is already known here; each branch knows its condition. */
function resolveIf(scope: Scope, node: Node, arg: Node, depth: number): Outcome[] {
  if (!isSeq(arg) || arg.items.length !== 3) return [{ kind: 'unknown', node }];
  const condition = scalarString(arg.items[0]);
  const [, whenTrue, whenFalse] = arg.items;
  if (condition === undefined) {
    return capped(node, [...evaluateIn(scope, whenTrue, depth + 1), ...evaluateIn(scope, whenFalse, depth + 1)]);
  }
  const known = scope.assume.get(condition);
  if (known !== undefined) return evaluateIn(scope, known ? whenTrue : whenFalse, depth + 1);
  if (scopes.get(scope.template)!.byAssumptions.size >= MAX_SCOPES) {
    return capped(node, [...evaluateIn(scope, whenTrue, depth + 1), ...evaluateIn(scope, whenFalse, depth + 1)]);
  }
  const branch = (value: boolean, target: Node) =>
    evaluateIn(scopeOf(scope.template, new Map([...scope.assume, [condition, value]])), target, depth + 1);
  return capped(node, [...branch(true, whenTrue), ...branch(false, whenFalse)]);
}

function resolveRef(scope: Scope, node: Node, arg: Node, depth: number): Outcome[] {
  const name = scalarString(arg);
  if (name === 'AWS::NoValue') return [{ kind: 'absent', node }];
  if (name === undefined || PSEUDO_PARAMETERS.has(name)) return [{ kind: 'unknown', node }];
  const parameter = scope.template.parameters.get(name);
  if (!parameter || !isMap(parameter.value)) return [{ kind: 'unknown', node }];
  const dflt = valueOf(parameter.value, 'Default');
  if (!dflt || intrinsicOf(dflt)) return [{ kind: 'unknown', node }];
  // The parameter's default is what deploys unless overridden; report at the Ref itself.
  return evaluateIn(scope, dflt, depth + 1).map((o) => (o.kind === 'value' ? { ...o, node } : o));
}

/** A single known scalar, or undefined. */
function knownScalar(scope: Scope, node: Node, depth: number): Scalar | undefined {
  const outcomes = evaluateIn(scope, node, depth + 1);
  if (outcomes.length !== 1) return undefined;
  const o = outcomes[0];
  return o.kind === 'value' && o.data.kind === 'scalar' && o.data.value !== null ? o.data.value : undefined;
}

function synthetic(node: Node, value: Scalar): ScalarNode {
  return { kind: 'scalar', value, unit: node.unit, start: node.start, end: node.end };
}

function resolveSub(scope: Scope, node: Node, arg: Node, depth: number): Outcome[] {
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
    if (variable) value = knownScalar(scope, variable, depth);
    else if (!name.includes('.')) {
      const ref: Node = { kind: 'map', unit: node.unit, start: node.start, end: node.end, entries: [
        { key: 'Ref', keyNode: synthetic(node, 'Ref'), value: synthetic(node, name) },
      ] };
      value = knownScalar(scope, ref, depth);
    }
    if (value === undefined) {
      unknown = true;
      return whole;
    }
    return String(value);
  });
  return unknown ? [{ kind: 'unknown', node }] : [valueOutcome(scope, node, synthetic(node, result))];
}

function resolveJoin(scope: Scope, node: Node, arg: Node, depth: number): Outcome[] {
  if (!isSeq(arg) || arg.items.length !== 2) return [{ kind: 'unknown', node }];
  const delimiter = knownScalar(scope, arg.items[0], depth);
  const list = arg.items[1];
  if (delimiter === undefined || !isSeq(list)) return [{ kind: 'unknown', node }];
  const parts: string[] = [];
  for (const item of list.items) {
    const v = knownScalar(scope, item, depth);
    if (v === undefined) return [{ kind: 'unknown', node }];
    parts.push(String(v));
  }
  return [valueOutcome(scope, node, synthetic(node, parts.join(String(delimiter))))];
}

function resolveSelect(scope: Scope, node: Node, arg: Node, depth: number): Outcome[] {
  if (!isSeq(arg) || arg.items.length !== 2) return [{ kind: 'unknown', node }];
  const index = Number(knownScalar(scope, arg.items[0], depth));
  const list = arg.items[1];
  if (!Number.isInteger(index) || !isSeq(list) || index < 0 || index >= list.items.length) return [{ kind: 'unknown', node }];
  return evaluateIn(scope, list.items[index], depth + 1).map((o) => (o.kind === 'value' ? { ...o, node } : o));
}

function resolveFindInMap(scope: Scope, node: Node, arg: Node, depth: number): Outcome[] {
  const mappings = scope.template.mappings;
  if (!isSeq(arg) || arg.items.length < 3 || !mappings) return [{ kind: 'unknown', node }];
  const [mapName, top, second] = arg.items.slice(0, 3).map((i) => knownScalar(scope, i, depth));
  if (mapName === undefined || top === undefined || second === undefined) return [{ kind: 'unknown', node }];
  const mapping = valueOf(mappings, String(mapName));
  const level = isMap(mapping) ? valueOf(mapping, String(top)) : undefined;
  const leaf = isMap(level) ? valueOf(level, String(second)) : undefined;
  if (!leaf) return [{ kind: 'unknown', node }];
  return evaluateIn(scope, leaf, depth + 1).map((o) => (o.kind === 'value' ? { ...o, node } : o));
}

/**
 * Follows a property path through mappings, evaluating intrinsics at every step, each step under
 * the assumptions of the branch that led to it.
 */
export function resolvePath(start: Node, path: readonly string[], template: Template, assume: Assumptions = NO_ASSUMPTIONS): Outcome[] {
  let outcomes = resolve(start, template, assume);
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
        else next.push(...resolve(child, template, o.assume ?? assume));
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
    for (const o of resolve(item, template, outcome.assume)) if (o.kind !== 'absent') items.push(o);
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
