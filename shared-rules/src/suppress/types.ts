import type { Finding, Range, Span } from '../types';

/** Who wrote a suppression: Infralint's own syntax, or another tool's that Infralint honours. */
export type SuppressionSource = 'infralint' | 'checkov' | 'cfn_nag' | 'cfn-lint' | 'tfsec' | 'trivy' | 'kics';

/**
 * What a suppression covers: findings starting on its own line (`line`), on the next line that is
 * not blank or a comment (`next-line`), inside a YAML block (`block`), in a resource (`resource`),
 * or anywhere in the file (`file`).
 */
export type SuppressionScope = 'line' | 'next-line' | 'block' | 'resource' | 'file';

export interface Suppression {
  source: SuppressionSource;
  /** A comment, or an entry under a `Metadata` key. */
  origin: 'comment' | 'metadata';
  scope: SuppressionScope;
  /** The ids as written: Infralint rule ids, or the other tool's check ids. */
  ids: string[];
  /** The Infralint rules it silences (peer ids mapped through the rules' references). */
  ruleIds: string[];
  reason?: string;
  /** `YYYY-MM-DD`: the last day (UTC) it applies. */
  until?: string;
  /** `until` is in the past: it silences nothing and is reported. */
  expired: boolean;
  /** Where it is written: the comment (from `#` to the end of the line), or the Metadata entry. */
  span: Span;
  range: Range;
  /** The 0-based line a `line` or `next-line` suppression applies to. */
  line?: number;
  /** The text a `block` or `resource` suppression applies to. */
  covers?: Span;
  /** The logical id of the resource a `resource` suppression applies to. */
  resource?: string;
  /** The findings it removed from the result. */
  suppressed: Finding[];
}

/** A suppression that is malformed (unknown rule, bad date, no rule named): reported, never silently ignored. */
export interface SuppressionProblem {
  span: Span;
  message: string;
  resource?: string;
}
