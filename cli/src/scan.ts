/** Scanning: reads each discovered file and lints it with the engine. */
import * as fs from 'node:fs';
import {
  DEFAULT_TIME_BUDGET_MS,
  fixAllWithinBudget,
  INTERNAL_ERROR,
  Linter,
  lintWithinBudget,
  withinTimeBudget,
  type BudgetedLint,
  type Finding,
  type LintOptions,
  type LintResult,
} from '@infralint/shared-rules';
import type { TargetConfig } from './config';
import type { Target } from './discover';
import type { FileEntry, ReportFinding, SkipKind } from './report';

/** Files larger than this are not read (templates are at most 1 MB in CloudFormation itself). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const TOO_LARGE_REASON = `larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB`;
const NOT_REGULAR_REASON = 'not a regular file';

export interface FileScan {
  entry: FileEntry;
  findings: ReportFinding[];
  /** With --fix: why the file's fixes were not applied, when they were not. */
  notFixed?: string;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, \w+ '.*'$/, '');
}

function skipped(file: string, kind: SkipKind, reason: string): FileScan {
  return { entry: { file, format: 'none', reason, skipped: kind }, findings: [] };
}

export function toReportFinding(file: string, f: Finding): ReportFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ...(f.resource !== undefined ? { resource: f.resource } : {}),
    ...(f.fix?.kind === 'safe' && f.fix.edits().length > 0 ? { fixable: true } : {}),
  };
}

/** Reads the file as UTF-8 text, or says why it was not read. */
export function readTemplate(absPath: string): { text: string; bom: boolean } | { kind: SkipKind; reason: string } {
  try {
    const stat = fs.statSync(absPath);
    if (!stat.isFile()) return { kind: 'unreadable', reason: NOT_REGULAR_REASON };
    if (stat.size > MAX_FILE_BYTES) return { kind: 'too-large', reason: TOO_LARGE_REASON };
    const buffer = fs.readFileSync(absPath);
    if (buffer.length > MAX_FILE_BYTES) return { kind: 'too-large', reason: TOO_LARGE_REASON };
    // Drop a byte-order mark, as editors do, so that columns on the first line match theirs.
    const text = buffer.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
  } catch (error) {
    return { kind: 'unreadable', reason: `unreadable (${errorText(error)})` };
  }
}

export interface ScanOptions {
  /** Apply the safe fixes to the file on disk, then report what is left. */
  fix?: boolean;
  /** The configuration of each file (see config.ts); none means the defaults. */
  configFor?(target: Target): TargetConfig;
}

/** How a file is linted: within its own time budget, or within the budget of the batch it is part of. */
type LintFn = (linter: Linter, text: string, options: LintOptions) => BudgetedLint;
const lintInOwnBudget: LintFn = (linter, text, options) => lintWithinBudget(linter, text, options);
const lintInBatchBudget: LintFn = (linter, text, options) => ({ result: linter.lint(text, options), linter });

export function scanFile(target: Target, options: ScanOptions = {}, lint: LintFn = lintInOwnBudget): FileScan {
  const targetConfig = options.configFor?.(target);
  if (targetConfig?.excludedBy !== undefined) return skipped(target.file, 'excluded', targetConfig.excludedBy);
  const config = targetConfig?.lint;
  const read = readTemplate(target.absPath);
  if (!('text' in read)) return skipped(target.file, read.kind, read.reason);
  let result: LintResult;
  let fixed = 0;
  let notFixed: string | undefined;
  try {
    // A fresh Linter per file: its caches only help when the same document is linted again. Within the
    // time budget: a rule stuck in a loop is stopped and named, the others still report.
    const linted = lint(new Linter(), read.text, { fileName: target.absPath, config });
    result = linted.result;
    if (options.fix && result.findings.some((f) => f.fix?.kind === 'safe')) {
      // Rules the budget stopped stay stopped while fixing and re-linting.
      const outcome = fixAllWithinBudget(read.text, { fileName: target.absPath, config, stoppedRules: linted.linter.stoppedRules });
      notFixed = outcome.notApplied;
      if (outcome.text !== read.text) {
        fs.writeFileSync(target.absPath, (read.bom ? '\uFEFF' : '') + outcome.text);
        fixed = outcome.fixed.length;
        result = lint(linted.linter, outcome.text, { fileName: target.absPath, config }).result;
      }
    }
  } catch (error) {
    const reason = `internal error: ${errorText(error)}`;
    return {
      entry: { file: target.file, format: 'none', reason, skipped: 'internal-error' },
      findings: [
        {
          ruleId: INTERNAL_ERROR,
          severity: 'error',
          message: `Infralint failed on this file and could not check it: ${errorText(error)}`,
          file: target.file,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
        },
      ],
    };
  }
  if (result.format !== 'cloudformation') {
    return skipped(target.file, 'not-cloudformation', result.skippedReason ?? 'not a CloudFormation template');
  }
  return {
    entry: { file: target.file, format: 'cloudformation', ...(fixed > 0 ? { fixed } : {}) },
    findings: result.findings.map((f) => toReportFinding(target.file, f)),
    ...(notFixed !== undefined ? { notFixed } : {}),
  };
}

/** Small files are linted in batches of about this many bytes, within one time budget. */
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 64;

/**
 * Scans files in order. Starting a time budget costs about 0.2 ms (Node starts a watchdog thread),
 * as much as linting a small template: small files are linted a batch at a time within one budget.
 * When a batch runs out of time (a rule stuck in a loop), the files it finished are kept, the file
 * it was on is scanned alone within its own budget (which stops that rule and names it, as scanning
 * it alone would), and the rest of the batch goes on in a new budget. With --fix every file has
 * its own budget, as a file once written must not be fixed a second time. `onRedo` is told of each
 * file scanned again alone.
 */
export function scanFilesInOrder(
  targets: readonly Target[],
  options: ScanOptions = {},
  budgetMs = DEFAULT_TIME_BUDGET_MS,
  onRedo?: (target: Target) => void,
): FileScan[] {
  if (options.fix) return targets.map((t) => scanFile(t, options));
  const scans: FileScan[] = [];
  for (const batch of batchesOf(targets)) {
    const batchStart = scans.length;
    for (;;) {
      // Where the batch is: the count of its scans pushed so far (a push is never cut half-way).
      const from = scans.length - batchStart;
      if (from >= batch.length) break;
      const done = withinTimeBudget(() => {
        for (let k = from; k < batch.length; k++) scans.push(scanFile(batch[k], options, lintInBatchBudget));
      }, budgetMs);
      // Out of time after its last file (before the batch returned) is done too.
      if (done || scans.length - batchStart >= batch.length) break;
      const stuck = batch[scans.length - batchStart];
      onRedo?.(stuck);
      scans.push(scanFile(stuck, options));
    }
  }
  return scans;
}

function batchesOf(targets: readonly Target[]): Target[][] {
  const batches: Target[][] = [];
  let batch: Target[] = [];
  let bytes = 0;
  for (const target of targets) {
    const size = sizeOf(target.absPath);
    if (batch.length > 0 && (bytes + size > BATCH_BYTES || batch.length >= BATCH_FILES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(target);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
