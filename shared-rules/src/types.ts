import type { Suppression } from './suppress/types';

/** Positions inside the engine: 0-based line and UTF-16 character, like LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Offsets into the document text (UTF-16 code units, as JS strings index). */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type TemplateFormat = 'cloudformation';

/** Which parser read the file. */
export type Syntax = 'yaml' | 'json';

/** A text replacement a fix makes, in the text the finding was computed on. */
export interface FixEdit {
  span: Span;
  range: Range;
  newText: string;
}

export interface FindingFix {
  title: string;
  /** 'safe': the preferred quick fix, applied by fix-all; 'suggestion': offered, never applied in bulk. */
  kind: 'safe' | 'suggestion';
  /** Computed on demand against the linted text; empty when the value is not literal and cannot be edited. */
  edits(): FixEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Where the problem is, as offsets into the text. */
  span: Span;
  /** The same place as line/character. */
  range: Range;
  /** Logical id of the resource the finding belongs to, if any. */
  resource?: string;
  fix?: FindingFix;
  /**
   * The edits that silence this finding with a suppression (a comment above its line or resource
   * in YAML, the resource's Metadata in JSON), with a reason for the author to fill in.
   */
  suppress?(scope: 'line' | 'resource', reason?: string): FixEdit[];
}

/**
 * The order findings are reported in: by place, then by rule id. Ids are compared by code unit,
 * not localeCompare: the same order for our lowercase, digit and hyphen ids, without the cost of
 * a collator on every keystroke (findings often share a place: a resource's key).
 */
export function compareFindings(a: { span: Span; ruleId: string }, b: { span: Span; ruleId: string }): number {
  return a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export interface LintResult {
  /** The template format recognised, or undefined when the file is not a template we lint. */
  format?: TemplateFormat;
  syntax: Syntax;
  findings: Finding[];
  /** Why the file was not linted (not a template, too large...), when it was not. */
  skippedReason?: string;
  /** Set when the file was skipped for its size: editors show this, unlike "not a template". */
  tooLarge?: boolean;
  /** The suppressions written in the template, each with the findings it removed (see suppress/). */
  suppressions?: Suppression[];
}

export interface RuleReference {
  tool: 'checkov' | 'kics' | 'cfn_nag' | 'cfn-lint' | 'trivy' | 'aws-docs';
  id: string;
  url?: string;
}

export interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  formats: TemplateFormat[];
  docs: {
    description: string;
    impact: string;
    remediation: string;
  };
  references: RuleReference[];
  /** Resource types the rule looks at, for documentation and indexing. */
  resourceTypes: string[];
}
