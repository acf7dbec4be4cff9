import { asNumber, asString, resolveItems, type Outcome } from '../../model/evaluate';
import { intrinsicOf, isMap, isSeq, scalarString, valueOf, type MapNode, type Node } from '../../model/nodes';
import { isOpenToWorld } from '../common/cidr';
import type { ResourceCheckContext } from '../rule';
import { replaceValue } from '../../fix/property-fixes';
import type { FixFactory } from '../rule';

/**
 * Security group ingress rules, read from `AWS::EC2::SecurityGroup.SecurityGroupIngress` items and
 * from `AWS::EC2::SecurityGroupIngress` resources, reduced to what the "open to the world" rules need.
 *
 * One `OpenIngress` is one way the template can deploy one rule entry whose source is a CIDR of
 * prefix length 0: each `Fn::If` branch is a separate way. Entries whose protocol, ports or CIDR
 * cannot be known are left out, as are entries EC2 would reject (TCP/UDP without a valid port range).
 */
export type OpenIngress = {
  /** The CIDR text, and where to report it (the value, or the `Ref` / `FindInMap` that produced it). */
  cidr: string;
  cidrNode: Node;
  cidrField: 'CidrIp' | 'CidrIpv6';
} & (
  /** IpProtocol -1 (or "all"): every protocol, every port; EC2 ignores FromPort/ToPort. */
  | { protocol: 'all' }
  | {
      protocol: 'tcp' | 'udp';
      from: number;
      to: number;
      /** The range covers every usable port (0 or 1 up to 65535). */
      allPorts: boolean;
    }
);

const RULE_FIELDS = ['IpProtocol', 'FromPort', 'ToPort', 'CidrIp', 'CidrIpv6'] as const;
/** Above this many distinct conditions in one entry, branches are combined freely instead. */
const MAX_CONDITIONS = 5;
/** Above this many protocol x port x CIDR combinations for one entry, the entry counts as unknown. */
const MAX_COMBINATIONS = 1024;

export const INGRESS_RESOURCE_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'];

/** Every open-to-the-world way the ingress rules of this resource can deploy. */
export function openIngressOf(ctx: ResourceCheckContext): OpenIngress[] {
  const out: OpenIngress[] = [];
  for (const entry of ingressEntries(ctx)) out.push(...openWaysOf(ctx, entry));
  return out;
}

/** The rule entries of the resource, each a known mapping. */
function ingressEntries(ctx: ResourceCheckContext): MapNode[] {
  const entries: MapNode[] = [];
  if (ctx.resource.type === 'AWS::EC2::SecurityGroupIngress') {
    if (!ctx.resource.properties) return entries;
    for (const o of ctx.resolve(ctx.resource.properties)) if (o.kind === 'value' && isMap(o.data)) entries.push(o.data);
    return entries;
  }
  for (const list of ctx.property('SecurityGroupIngress')) {
    for (const item of resolveItems(list, ctx.template)) {
      if (item.kind === 'value' && isMap(item.data)) entries.push(item.data);
    }
  }
  return entries;
}

type Protocol = 'all' | 'tcp' | 'udp';

/** IpProtocol as EC2 reads it: names or numbers, "-1" (and "all") for every protocol. */
export function protocolOf(text: string): Protocol | 'other' {
  const p = text.trim().toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p === 'tcp' || p === '6') return 'tcp';
  if (p === 'udp' || p === '17') return 'udp';
  return 'other';
}

function openWaysOf(ctx: ResourceCheckContext, entry: MapNode): OpenIngress[] {
  const fields = new Map<string, Node>();
  for (const name of RULE_FIELDS) {
    const node = valueOf(entry, name);
    if (node) fields.set(name, node);
  }
  // A rule whose source is a security group or prefix list is never open to the world.
  if (!fields.has('CidrIp') && !fields.has('CidrIpv6')) return [];

  // Branches of Fn::If that share a condition are taken together, so that
  // `FromPort: !If [C, 0, 443]` with `ToPort: !If [C, 65535, 443]` is never read as 0-443.
  const conditions = new Set<string>();
  for (const node of fields.values()) collectConditions(node, conditions);
  const assignments: (Map<string, boolean> | undefined)[] = [];
  if (conditions.size === 0 || conditions.size > MAX_CONDITIONS) assignments.push(undefined);
  else {
    const names = [...conditions];
    for (let bits = 0; bits < 1 << names.length; bits++) {
      assignments.push(new Map(names.map((n, i) => [n, (bits & (1 << i)) !== 0])));
    }
  }

  // A resource with `Condition: X` only exists where X is true: assignments with X false never deploy.
  const resourceCondition = ctx.resource.node.kind === 'map' ? scalarString(valueOf(ctx.resource.node, 'Condition')) : undefined;
  const out: OpenIngress[] = [];
  for (const assignment of assignments) {
    if (resourceCondition !== undefined && assignment?.get(resourceCondition) === false) continue;
    const outcomes = (name: string): Outcome[] => {
      const node = fields.get(name);
      if (!node) return [{ kind: 'absent', parent: entry }];
      return ctx.resolve(assignment ? specialize(node, assignment) : node);
    };
    const open: { cidr: string; cidrNode: Node; cidrField: 'CidrIp' | 'CidrIpv6' }[] = [];
    for (const field of ['CidrIp', 'CidrIpv6'] as const) {
      if (!fields.has(field)) continue;
      for (const o of outcomes(field)) {
        const cidr = asString(o);
        if (cidr !== undefined && o.kind === 'value' && isOpenToWorld(cidr)) open.push({ cidr, cidrNode: o.node, cidrField: field });
      }
    }
    if (open.length === 0) continue;
    const protocols = outcomes('IpProtocol');
    const froms = outcomes('FromPort');
    const tos = outcomes('ToPort');
    if (protocols.length * froms.length * tos.length * open.length > MAX_COMBINATIONS) continue;
    for (const p of protocols) {
      const text = asString(p);
      if (text === undefined) continue;
      const protocol = protocolOf(text);
      if (protocol === 'other') continue;
      if (protocol === 'all') {
        for (const c of open) out.push({ ...c, protocol });
        continue;
      }
      for (const f of froms) {
        for (const t of tos) {
          const from = asNumber(f);
          const to = asNumber(t);
          // EC2 rejects TCP/UDP rules without a valid range ("port (-1) out of range"): not deployable, not reported.
          if (from === undefined || to === undefined || !Number.isInteger(from) || !Number.isInteger(to)) continue;
          if (from < 0 || to > 65535 || from > to) continue;
          for (const c of open) out.push({ ...c, protocol, from, to, allPorts: from <= 1 && to >= 65535 });
        }
      }
    }
  }
  return out;
}

/** Condition names of every `Fn::If` below a node (shared YAML-alias subtrees are visited once). */
function collectConditions(node: Node, into: Set<string>, visited = new Set<Node>()): void {
  if (visited.has(node)) return;
  visited.add(node);
  const fn = intrinsicOf(node);
  if (fn?.key === 'Fn::If' && isSeq(fn.value) && fn.value.items.length === 3) {
    const name = scalarString(fn.value.items[0]);
    if (name !== undefined) into.add(name);
  }
  if (node.kind === 'map') for (const e of node.entries) collectConditions(e.value, into, visited);
  else if (node.kind === 'seq') for (const item of node.items) collectConditions(item, into, visited);
}

/**
 * The node with every `Fn::If` on an assigned condition replaced by its chosen branch. Unchanged
 * subtrees are the original nodes; results are memoized so shared (aliased) subtrees cost once.
 */
function specialize(node: Node, assignment: Map<string, boolean>, memo = new Map<Node, Node>()): Node {
  const cached = memo.get(node);
  if (cached) return cached;
  let result: Node = node;
  const fn = intrinsicOf(node);
  const chosen =
    fn?.key === 'Fn::If' && isSeq(fn.value) && fn.value.items.length === 3 ? assignment.get(scalarString(fn.value.items[0]) ?? '') : undefined;
  if (fn && chosen !== undefined && isSeq(fn.value)) {
    result = specialize(fn.value.items[chosen ? 1 : 2], assignment, memo);
  } else if (node.kind === 'map') {
    let changed = false;
    const entries = node.entries.map((e) => {
      const value = specialize(e.value, assignment, memo);
      if (value === e.value) return e;
      changed = true;
      return { ...e, value };
    });
    if (changed) result = { ...node, entries };
  } else if (node.kind === 'seq') {
    let changed = false;
    const items = node.items.map((item) => {
      const value = specialize(item, assignment, memo);
      if (value !== item) changed = true;
      return value;
    });
    if (changed) result = { ...node, items };
  }
  memo.set(node, result);
  return result;
}

/** A stable key for a report place, to report each CIDR value once per rule. */
export function placeKey(node: Node): string {
  return `${node.unit.id}:${node.start}:${node.end}`;
}

/** Whether an open rule reaches a port over one of the given protocols (all-port rules excluded: rule 3 reports those). */
export function reachesPort(rule: OpenIngress, port: number, protocols: readonly ('tcp' | 'udp')[]): boolean {
  return rule.protocol !== 'all' && !rule.allPorts && protocols.includes(rule.protocol) && rule.from <= port && port <= rule.to;
}

/** "0.0.0.0/0" or "::/0" etc. as written, for messages. */
export function describeSource(rule: OpenIngress): string {
  return `${rule.cidr.trim()} (${rule.cidrField})`;
}

/**
 * Narrowing an open range needs the user's network, which only they know: offered as a
 * suggestion with a private range as a starting point, never as the preferred fix.
 */
export function narrowCidrFix(rule: { cidrNode: Node; cidrField: 'CidrIp' | 'CidrIpv6' }): FixFactory | undefined {
  const privateRange = rule.cidrField === 'CidrIp' ? '10.0.0.0/8' : 'fd00::/8';
  return replaceValue(rule.cidrNode, privateRange, `Restrict ${rule.cidrField} to ${privateRange} (then narrow it to your network)`, 'suggestion');
}

/**
 * Reports each open ingress entry that `describe` names (undefined: not this rule's concern), once
 * per CIDR value even when several `Fn::If` branches lead to it, with the narrowing suggestion.
 */
export function reportOpenIngress(
  ctx: ResourceCheckContext,
  describe: (rule: OpenIngress) => string | undefined,
  advice: string,
): void {
  const seen = new Set<string>();
  for (const rule of openIngressOf(ctx)) {
    const what = describe(rule);
    if (what === undefined) continue;
    const key = placeKey(rule.cidrNode);
    if (seen.has(key)) continue;
    seen.add(key);
    ctx.report(
      rule.cidrNode,
      `Security group ingress in ${ctx.resource.logicalId} allows ${what} from ${describeSource(rule)}: ${advice}`,
      narrowCidrFix(rule),
    );
  }
}
