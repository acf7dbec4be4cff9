import type { Range, Severity, TemplateFormat } from '../types';

/** Severities from the most to the least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** What a customization can set a rule to: a severity, `off`, or `default` (the rule's own severity). */
export type SeverityOverride = Severity | 'off' | 'default';
export const SEVERITY_OVERRIDES: readonly SeverityOverride[] = [...SEVERITIES, 'off', 'default'];

export const TEMPLATE_FORMATS: readonly TemplateFormat[] = ['cloudformation'];

/**
 * One entry of `rules.customizations`: `rule` is a rule id or a glob over rule ids (`*`, `?`);
 * a leading `!` applies the entry to every rule the glob does NOT match. Later entries win.
 */
export interface RuleCustomization {
  rule: string;
  severity: SeverityOverride;
}

/**
 * What one configuration source says: a `.infralint.yaml` file or the editor's `infralint.*`
 * settings. A field that is absent was not said (the other source, or the default, applies).
 */
export interface ConfigLayer {
  customizations?: RuleCustomization[];
  minimumSeverity?: Severity;
  /** Path globs, relative to the layer's base folder (the config file's folder, the workspace folder). */
  exclude?: string[];
  formats?: Partial<Record<TemplateFormat, boolean>>;
  allowInlineSuppressions?: boolean;
}

/** The configuration the engine applies after the rules ran (see `Linter.lint`). */
export interface LintConfig {
  /** Applied in order, later entries win. */
  customizations?: readonly RuleCustomization[];
  /** Findings less severe than this are dropped (after customizations). Default `hint`: everything. */
  minimumSeverity?: Severity;
  /** `false` ignores every suppression written in the template (comments and `Metadata`). Default true. */
  allowInlineSuppressions?: boolean;
  /** `false` for a format: files of that format are not linted. Default true. */
  formats?: Partial<Record<TemplateFormat, boolean>>;
  /** Today as `YYYY-MM-DD` (UTC), for suppression expiry; defaults to the clock. Tests set it. */
  today?: string;
}

/** A bad configuration value: which key, which value, why, and where (for a file). */
export interface ConfigProblem {
  /** The key as the user wrote it: `rules.customizations[1].severity`, `infralint.minimumSeverity`. */
  key: string;
  value: unknown;
  /** `key: what is wrong`, naming the value. */
  message: string;
  /** What was done about it: which value is ignored (`this customization is ignored.`). */
  consequence?: string;
  /** The config file, when the problem is in one. */
  file?: string;
  /** Where in the file (0-based, like every range in the engine). */
  range?: Range;
}
