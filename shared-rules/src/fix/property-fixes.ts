import type { Outcome } from '../model/evaluate';
import { spanOf, valueOf, type MapNode, type Node } from '../model/nodes';
import type { Resource } from '../model/template';
import type { FixFactory } from '../rules/rule';
import type { Json } from './edit-builder';

function nest(path: string[], leaf: Json): Json {
  return path.reduceRight<Json>((value, key) => ({ [key]: value }), leaf);
}

function inside(node: Node, resource: Resource): boolean {
  const a = spanOf(node);
  const b = spanOf(resource.node);
  return a.start >= b.start && a.end <= b.end;
}

/**
 * A fix that writes the missing part of `Properties.<path>` with `leaf` as its value, in the
 * mapping that lacks it. None when an `AWS::NoValue` removed the property (that branch is the
 * author's choice) or when the mapping lies outside the resource (a parameter default, a mapping).
 */
export function insertMissing(
  resource: Resource,
  path: string,
  outcome: Outcome,
  leaf: Json,
  title: string,
  kind: FixFactory['kind'] = 'safe',
  /** The mapping `path` starts from; the resource's Properties by default. */
  base: MapNode | undefined = resource.properties,
): FixFactory | undefined {
  if (outcome.kind !== 'absent' || outcome.node) return undefined;
  const segments = path.split('.');
  const parent: MapNode | undefined = outcome.parent;
  if (!parent) {
    if (base !== resource.properties) return undefined;
    return { title, kind, edits: (builder) => [builder.insertResourceProperty(resource, segments[0], nest(segments.slice(1), leaf))] };
  }
  // Which key is missing: the one at the depth where the path, followed literally, reaches `parent`.
  const missing = depthOf(base, segments, parent);
  if (missing === undefined || !inside(parent, resource)) return undefined;
  return { title, kind, edits: (builder) => [builder.insertProperty(parent, segments[missing], nest(segments.slice(missing + 1), leaf))] };
}

function depthOf(base: MapNode | undefined, segments: string[], parent: MapNode): number | undefined {
  let node: Node | undefined = base;
  for (let depth = 0; depth < segments.length; depth++) {
    if (node === parent) return depth;
    if (node?.kind !== 'map') return undefined;
    node = valueOf(node, segments[depth]);
  }
  return undefined;
}

/** A fix that replaces a literal value (an intrinsic, e.g. a `!Ref`, is left for the author). */
export function replaceValue(
  node: Node,
  value: string | number | boolean,
  title: string,
  kind: FixFactory['kind'] = 'safe',
): FixFactory | undefined {
  if (node.kind !== 'scalar') return undefined;
  return { title, kind, edits: (builder) => [builder.setValue(node, value)] };
}

/** A fix that adds `key: value` to a mapping of the template. */
export function addEntry(map: MapNode, key: string, value: Json, title: string, kind: FixFactory['kind'] = 'safe'): FixFactory {
  return { title, kind, edits: (builder) => [builder.insertProperty(map, key, value)] };
}
