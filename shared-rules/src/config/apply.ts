import type { Finding, Severity, TemplateFormat } from '../types';
import { ruleGlobMatches, type ExcludeSet } from './glob';
import { SEVERITIES, type ConfigLayer, type LintConfig, type RuleCustomization } from './types';

/** The engine's own errors: always reported, as errors, whatever the configuration says. */
export const UNCUSTOMIZABLE_IDS: readonly string[] = ['parse-error', 'internal-error'];

/**
 * The severity a finding gets: the last customization whose pattern applies wins (`default`
 * restores the rule's own severity); `off` drops it.
 */
export function customizedSeverity(
  ruleId: string,
  ruleSeverity: Severity,
  customizations: readonly RuleCustomization[] | undefined,
): Severity | 'off' {
  if (!customizations || customizations.length === 0 || UNCUSTOMIZABLE_IDS.includes(ruleId)) return ruleSeverity;
  for (let i = customizations.length - 1; i >= 0; i--) {
    const c = customizations[i];
    if (ruleGlobMatches(c.rule, ruleId)) return c.severity === 'default' ? ruleSeverity : c.severity;
  }
  return ruleSeverity;
}

/** Findings with their customized severity; those turned `off` are left out. */
export function applySeverities(findings: readonly Finding[], config: LintConfig | undefined): Finding[] {
  const customizations = config?.customizations;
  if (!customizations || customizations.length === 0) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const severity = customizedSeverity(f.ruleId, f.severity, customizations);
    if (severity === 'off') continue;
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}

export function severityRank(severity: Severity): number {
  // error 3, warning 2, info 1, hint 0
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

/** Is a finding of this severity kept under `minimumSeverity`? */
export function meetsMinimum(severity: Severity, minimum: Severity | undefined): boolean {
  return minimum === undefined || severityRank(severity) >= severityRank(minimum);
}

export function isFormatEnabled(config: LintConfig | undefined, format: TemplateFormat): boolean {
  return config?.formats?.[format] !== false;
}

/** A configuration source and the folder its relative paths start from. */
export interface LocatedLayer {
  layer: ConfigLayer;
  /** The config file's folder, or the workspace folder for editor settings; undefined when unknown. */
  dir?: string;
}

export interface ResolvedConfig {
  /** What `Linter.lint` applies. */
  lint: LintConfig;
  /** What decides whether a file is linted at all (see `isExcluded`). */
  exclude: ExcludeSet[];
}

/**
 * Combines `.infralint.yaml` with the editor settings (the CLI passes its flags as `overrides`).
 * The later source wins: customizations are concatenated (file first, so a setting's entry wins
 * over a file's), `minimumSeverity` is the override's when it sets one, exclude patterns are
 * concatenated (a setting `!pattern` re-includes a file's exclusion). Switches that turn things
 * off (`formats.*: false`, `suppressions.allowInline: false`) win wherever they are set.
 */
export function resolveConfig(file?: LocatedLayer, overrides?: LocatedLayer): ResolvedConfig {
  const layers = [file, overrides].filter((l): l is LocatedLayer => l !== undefined);
  const lint: LintConfig = {};
  const customizations: RuleCustomization[] = [];
  const exclude: ExcludeSet[] = [];
  for (const { layer, dir } of layers) {
    if (layer.customizations) customizations.push(...layer.customizations);
    if (layer.minimumSeverity !== undefined) lint.minimumSeverity = layer.minimumSeverity;
    if (layer.allowInlineSuppressions === false) lint.allowInlineSuppressions = false;
    for (const [format, enabled] of Object.entries(layer.formats ?? {})) {
      if (enabled === false) (lint.formats ??= {})[format as TemplateFormat] = false;
    }
    if (layer.exclude && layer.exclude.length > 0) exclude.push({ ...(dir !== undefined ? { base: dir } : {}), patterns: layer.exclude });
  }
  if (customizations.length > 0) lint.customizations = customizations;
  return { lint, exclude };
}
