/** The human-readable report: findings grouped by file, then a summary line. */
import { countBySeverity, type FileEntry, type ReportFinding, type ScanReport, type SkipKind } from '../report';
import type { Severity } from '@infralint/shared-rules';
import { TOO_LARGE_REASON } from '../scan';

export interface TextOptions {
  color: boolean;
}

const SEVERITY_WIDTH = 'warning'.length;

const SKIP_LABELS: Record<SkipKind, string> = {
  'not-cloudformation': 'not CloudFormation',
  'too-large': TOO_LARGE_REASON,
  unreadable: 'unreadable',
  'internal-error': 'internal error',
  excluded: 'excluded by configuration',
};
const SKIP_ORDER: SkipKind[] = ['not-cloudformation', 'excluded', 'too-large', 'unreadable', 'internal-error'];

type Style = (s: string) => string;
interface Palette {
  file: Style;
  position: Style;
  rule: Style;
  severity: Record<Severity, Style>;
  summary: { error: Style; warning: Style; clean: Style };
}

function sgr(open: number, close: number): Style {
  return (s) => `\u001b[${open}m${s}\u001b[${close}m`;
}

const plain: Style = (s) => s;
const PLAIN: Palette = {
  file: plain,
  position: plain,
  rule: plain,
  severity: { error: plain, warning: plain, info: plain, hint: plain },
  summary: { error: plain, warning: plain, clean: plain },
};
const bold = sgr(1, 22);
const COLORED: Palette = {
  file: (s) => bold(sgr(4, 24)(s)),
  position: sgr(2, 22),
  rule: sgr(2, 22),
  severity: { error: sgr(31, 39), warning: sgr(33, 39), info: sgr(36, 39), hint: sgr(90, 39) },
  summary: { error: (s) => bold(sgr(31, 39)(s)), warning: (s) => bold(sgr(33, 39)(s)), clean: sgr(32, 39) },
};

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ');
}

function findingLines(findings: readonly ReportFinding[], p: Palette): string[] {
  const positions = findings.map((f) => `${f.line}:${f.column}`);
  const width = Math.max(...positions.map((s) => s.length));
  return findings.map((f, i) => {
    const position = p.position(positions[i]!.padEnd(width));
    const severity = p.severity[f.severity](f.severity.padEnd(SEVERITY_WIDTH));
    return `  ${position}  ${severity}  ${oneLine(f.message)}  ${p.rule(f.ruleId)}`;
  });
}

export function summaryLine(report: ScanReport): string {
  const counts = countBySeverity(report.findings);
  const total = report.findings.length;
  const linted = report.files.filter((f) => f.format === 'cloudformation').length;
  const skippedFiles = report.files.filter((f) => f.skipped !== undefined);
  const severities = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
  if (counts.hint > 0) severities.push(plural(counts.hint, 'hint'));
  let skippedText = plural(skippedFiles.length, 'file') + ' skipped';
  const kinds = SKIP_ORDER.map((kind) => ({ kind, n: skippedFiles.filter((f) => f.skipped === kind).length })).filter((k) => k.n > 0);
  if (kinds.length === 1) skippedText += ` (${SKIP_LABELS[kinds[0]!.kind]})`;
  else if (kinds.length > 1) skippedText += ` (${kinds.map((k) => `${k.n} ${SKIP_LABELS[k.kind]}`).join(', ')})`;
  // "in 7 of 13 linted files": how many files have problems, and how many were looked at.
  const withProblems = new Set(report.findings.map((f) => f.file)).size;
  const where = total === 0 || withProblems === linted ? plural(linted, 'linted file') : `${withProblems} of ${plural(linted, 'linted file')}`;
  return `${plural(total, 'problem')} (${severities.join(', ')}) in ${where}; ${skippedText}`;
}

/** Files worth a note in the text report even without findings: those that could not be read. */
function noteFor(entry: FileEntry): string | undefined {
  if (entry.skipped === 'too-large' || entry.skipped === 'unreadable') return `skipped: ${entry.reason ?? SKIP_LABELS[entry.skipped]}`;
  return undefined;
}

export function formatText(report: ScanReport, options: TextOptions): string {
  const p = options.color ? COLORED : PLAIN;
  const byFile = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const blocks: string[] = [];
  for (const entry of report.files) {
    const findings = byFile.get(entry.file) ?? [];
    const note = noteFor(entry);
    if (findings.length === 0 && note === undefined) continue;
    const lines = [p.file(entry.file)];
    if (note !== undefined) lines.push(`  ${p.severity.warning(note)}`);
    for (const line of findings.length > 0 ? findingLines(findings, p) : []) lines.push(line);
    blocks.push(lines.join('\n'));
  }
  const counts = countBySeverity(report.findings);
  const summaryStyle = counts.error > 0 ? p.summary.error : report.findings.length > 0 ? p.summary.warning : p.summary.clean;
  blocks.push(summaryStyle(summaryLine(report)));
  return blocks.join('\n\n') + '\n';
}
