import type { Severity } from '@infralint/shared-rules';

/** Why a file was not linted, as a stable category (the `reason` text says more). */
export type SkipKind = 'not-cloudformation' | 'too-large' | 'unreadable' | 'internal-error' | 'excluded';

/** One finding as the CLI reports it: positions are 1-based, columns in UTF-16 code units, end exclusive. */
export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path as given on the command line, or relative to the current directory; forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  resource?: string;
  /** A safe fix exists (`--fix` applies it). */
  fixable?: boolean;
}

/** One file the scan considered. */
export interface FileEntry {
  file: string;
  /** `cloudformation` when the file was linted as a template, `none` when it was not. */
  format: 'cloudformation' | 'none';
  reason?: string;
  /** Set when the file was not linted. */
  skipped?: SkipKind;
  /** With --fix: how many problems were fixed in the file on disk. */
  fixed?: number;
}

export interface ToolInfo {
  name: string;
  version: string;
}

export interface ScanReport {
  tool: ToolInfo;
  /** In file order, then in the engine's order within a file. */
  findings: ReportFinding[];
  /** Sorted by path. */
  files: FileEntry[];
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function countBySeverity(findings: readonly ReportFinding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
