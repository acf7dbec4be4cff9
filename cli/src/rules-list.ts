/** `infralint rules`: the rules the engine runs. */
import { allRules, ruleDocUrl } from '@infralint/shared-rules';
import type { RulesFormat } from './args';

export function formatRules(format: RulesFormat): string {
  const metas = allRules.map((r) => r.meta);
  if (format === 'json') {
    const rules = metas.map((m) => ({ id: m.id, severity: m.severity, title: m.title, helpUri: ruleDocUrl(m.id) }));
    return JSON.stringify({ rules }, null, 2) + '\n';
  }
  const header = { id: 'RULE', severity: 'SEVERITY', title: 'TITLE' };
  const rows = [header, ...metas];
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const sevWidth = Math.max(...rows.map((r) => r.severity.length));
  const lines = rows.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(sevWidth)}  ${r.title}`);
  lines.push('', `${metas.length} rule${metas.length === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}
