import type { Span } from '../types';

/**
 * A parsed unit of text (a whole document, or one section / resource of a YAML template).
 * Nodes keep offsets relative to their unit so that a unit parsed once can be re-used at a
 * new position after an edit elsewhere: only `base` changes.
 */
export interface Unit {
  base: number;
  /** Unique per parse of a unit: cached results keyed by it are valid while the unit is re-used. */
  id: number;
}

let nextUnitId = 1;
export function newUnit(base: number): Unit {
  return { base, id: nextUnitId++ };
}

interface NodeBase {
  unit: Unit;
  /** Offsets relative to `unit.base`. */
  start: number;
  end: number;
}

export type Scalar = string | number | boolean | null;

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: Scalar;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
}

export interface Entry {
  key: string;
  /** The key's own node (a scalar), for ranges. */
  keyNode: ScalarNode;
  value: Node;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  entries: Entry[];
}

export type Node = ScalarNode | SeqNode | MapNode;

export function spanOf(node: { unit: Unit; start: number; end: number }): Span {
  return { start: node.unit.base + node.start, end: node.unit.base + node.end };
}

export function entryOf(map: MapNode, key: string): Entry | undefined {
  // Last one wins, as in CloudFormation's own JSON reading; YAML duplicates are errors anyway.
  for (let i = map.entries.length - 1; i >= 0; i--) {
    if (map.entries[i].key === key) return map.entries[i];
  }
  return undefined;
}

export function valueOf(map: MapNode, key: string): Node | undefined {
  return entryOf(map, key)?.value;
}

export function isMap(node: Node | undefined): node is MapNode {
  return node?.kind === 'map';
}

export function isSeq(node: Node | undefined): node is SeqNode {
  return node?.kind === 'seq';
}

export function isScalar(node: Node | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

export function scalarString(node: Node | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** A short-form or long-form intrinsic function: a map of exactly one `Ref`, `Condition` or `Fn::*` key. */
export function intrinsicOf(node: Node): Entry | undefined {
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const entry = node.entries[0];
  return entry.key === 'Ref' || entry.key === 'Condition' || entry.key.startsWith('Fn::') ? entry : undefined;
}

/**
 * Visits every node under `root` once, parents before children, with the mapping entry each value
 * belongs to. Iterative and alias-safe: aliases share their anchor's node, so a walk that does not
 * remember what it saw expands an alias bomb.
 */
export function visitNodesOnce(root: Node | undefined, visit: (node: Node, entry?: Entry) => void): void {
  if (!root) return;
  const seen = new Set<Node>();
  const stack: [Node, Entry | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [node, entry] = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    visit(node, entry);
    if (node.kind === 'seq') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i], undefined]);
    } else if (node.kind === 'map') {
      for (let i = node.entries.length - 1; i >= 0; i--) stack.push([node.entries[i].value, node.entries[i]]);
    }
  }
}
