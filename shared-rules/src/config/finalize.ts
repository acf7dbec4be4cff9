import type { LineIndex } from '../model/line-index';
import type { Template } from '../model/template';
import type { Rule } from '../rules/rule';
import { applySuppressions } from '../suppress/apply';
import { collectSuppressions } from '../suppress/collect';
import { todayUtc } from '../suppress/syntax';
import type { Suppression } from '../suppress/types';
import { compareFindings, type Finding, type Syntax } from '../types';
import { applySeverities, customizedSeverity, isFormatEnabled, meetsMinimum } from './apply';
import type { LintConfig } from './types';

export interface FinalizeInput {
  text: string;
  syntax: Syntax;
  template: Template;
  lines: LineIndex;
  rules: readonly Rule[];
  /** What the rules found, before any configuration. */
  findings: readonly Finding[];
  config?: LintConfig;
}

export interface Finalized {
  findings: Finding[];
  suppressions: Suppression[];
  /** Set when the configuration turned the file's format off. */
  skippedReason?: string;
}

/**
 * Everything the engine does after the rules ran, and only then (the rules' results are cached
 * independently of it, so a settings change needs no new parse): rule severities, suppressions
 * and the reports about them, the minimum severity.
 */
export function finalizeFindings(input: FinalizeInput): Finalized {
  const { config } = input;
  if (!isFormatEnabled(config, 'cloudformation')) {
    return { findings: [], suppressions: [], skippedReason: 'CloudFormation linting is turned off by the configuration (formats.cloudformation: false)' };
  }
  let findings = applySeverities(input.findings, config);
  let suppressions: Suppression[] = [];
  if (config?.allowInlineSuppressions !== false) {
    const collected = collectSuppressions({
      text: input.text,
      syntax: input.syntax,
      template: input.template,
      lines: input.lines,
      rules: input.rules,
      today: config?.today ?? todayUtc(),
    });
    if (collected.suppressions.length > 0 || collected.problems.length > 0) {
      const defaults = new Map(input.rules.map((r) => [r.meta.id, r.meta.severity]));
      const applied = applySuppressions(findings, collected, {
        lines: input.lines,
        // While the template does not parse, rules may not have seen what a suppression is for.
        reportUnused: input.template.errors.length === 0,
        isOff: (id) => customizedSeverity(id, defaults.get(id) ?? 'warning', config?.customizations) === 'off',
      });
      findings = [...applied.findings, ...applySeverities(applied.reports, config)];
      suppressions = collected.suppressions;
    }
  }
  const minimum = config?.minimumSeverity;
  if (minimum !== undefined) findings = findings.filter((f) => meetsMinimum(f.severity, minimum));
  findings.sort(compareFindings);
  return { findings, suppressions };
}
