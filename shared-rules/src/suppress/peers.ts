import type { Rule } from '../rules/rule';
import type { RuleReference } from '../types';

/**
 * Other tools' check ids -> Infralint rule ids, built from the rules' `meta.references` (there
 * is no hand-written table). One peer id may map to several rules (cfn_nag's W2 covers every
 * "open to the world" ingress rule). Ids compare case-insensitively.
 */
export type PeerMap = Map<RuleReference['tool'], Map<string, string[]>>;

const cache = new WeakMap<readonly Rule[], PeerMap>();

export function peerMap(rules: readonly Rule[]): PeerMap {
  let map = cache.get(rules);
  if (map) return map;
  map = new Map();
  for (const rule of rules) {
    for (const ref of rule.meta.references) {
      let byId = map.get(ref.tool);
      if (!byId) map.set(ref.tool, (byId = new Map()));
      const key = ref.id.toLowerCase();
      const list = byId.get(key) ?? [];
      if (!list.includes(rule.meta.id)) list.push(rule.meta.id);
      byId.set(key, list);
    }
  }
  cache.set(rules, map);
  return map;
}

/** The Infralint rules a peer check id stands for (none when no rule references it). */
export function rulesForPeer(map: PeerMap, tool: RuleReference['tool'], id: string): string[] {
  return map.get(tool)?.get(id.trim().toLowerCase()) ?? [];
}

/** Every rule that references the tool at all (what a blanket `kics-scan ignore-line` covers). */
export function rulesWithPeer(map: PeerMap, tool: RuleReference['tool']): string[] {
  const out = new Set<string>();
  for (const ids of map.get(tool)?.values() ?? []) for (const id of ids) out.add(id);
  return [...out].sort();
}
