/** Every id a finding can carry: the engine's rules plus its parse-error and internal-error reports. */
import { allRules, INTERNAL_ERROR, PARSE_ERROR, type RuleReference, type Severity } from '@infralint/shared-rules';

export interface CatalogEntry {
  id: string;
  title: string;
  severity: Severity;
  docs: { description: string; impact: string; remediation: string };
  references: readonly RuleReference[];
}

export const ENGINE_REPORTS: readonly CatalogEntry[] = [
  {
    id: PARSE_ERROR,
    title: 'Templates must be valid YAML or JSON',
    severity: 'error',
    docs: {
      description: 'The template could not be parsed as YAML or JSON, so the part of it that did not parse was not checked.',
      impact: 'CloudFormation rejects the template, and security problems in the unparsed part go unnoticed.',
      remediation: 'Fix the syntax at the reported position (for YAML: indent with spaces, not tabs; close every bracket and quote).',
    },
    references: [],
  },
  {
    id: INTERNAL_ERROR,
    title: 'Infralint failed while checking the template',
    severity: 'error',
    docs: {
      description: 'A rule, or the engine, failed on this template, so what it checks was not verified.',
      impact: 'The affected resource or file was not fully checked.',
      remediation: 'Report the message and, if possible, the template to the Infralint maintainers.',
    },
    references: [],
  },
];

export function ruleCatalog(): CatalogEntry[] {
  const ids = new Set(allRules.map((r) => r.meta.id));
  return [...allRules.map((r) => r.meta), ...ENGINE_REPORTS.filter((e) => !ids.has(e.id))];
}
