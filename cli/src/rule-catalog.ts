/** Every id a finding can carry: the engine's rules plus its parse-error, internal-error and suppression reports. */
import {
  allRules,
  EXPIRED_SUPPRESSION,
  INTERNAL_ERROR,
  INVALID_SUPPRESSION,
  PARSE_ERROR,
  UNUSED_SUPPRESSION,
  type RuleReference,
  type Severity,
} from '@infralint/shared-rules';

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
  {
    id: UNUSED_SUPPRESSION,
    title: 'Suppressions should silence something',
    severity: 'info',
    docs: {
      description: 'An Infralint suppression (comment or Metadata entry) names a rule that reports nothing where the suppression applies.',
      impact: 'Stale suppressions pile up and would hide a future problem of that rule in that place.',
      remediation: 'Remove the suppression, or the rule id that is no longer needed from it.',
    },
    references: [],
  },
  {
    id: EXPIRED_SUPPRESSION,
    title: 'Suppressions should not be past their expiry date',
    severity: 'info',
    docs: {
      description: 'An Infralint suppression has an `until=` date in the past, so the findings it silenced are reported again.',
      impact: 'A temporary exception outlived the date it was granted until.',
      remediation: 'Fix the finding and remove the suppression, or renew the date if the exception still holds.',
    },
    references: [],
  },
  {
    id: INVALID_SUPPRESSION,
    title: 'Suppressions must be well-formed',
    severity: 'warning',
    docs: {
      description: 'An Infralint suppression names an unknown rule, has an invalid date, or is misplaced, so it silences nothing.',
      impact: 'The finding it was written for is still reported; a typo may go unnoticed.',
      remediation: 'Fix the rule id (see `infralint rules`), the date (until=YYYY-MM-DD) or the placement.',
    },
    references: [],
  },
];

export function ruleCatalog(): CatalogEntry[] {
  const ids = new Set(allRules.map((r) => r.meta.id));
  return [...allRules.map((r) => r.meta), ...ENGINE_REPORTS.filter((e) => !ids.has(e.id))];
}
