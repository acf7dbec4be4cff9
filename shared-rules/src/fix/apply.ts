import { Linter, type LintOptions } from '../engine';
import type { Finding, FixEdit, Span } from '../types';

/** Applies non-overlapping edits to a text (they are given against the same original text). */
export function applyEdits(text: string, edits: readonly { span: Span; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor) throw new Error(`overlapping edits at offset ${edit.span.start}`);
    out += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return out + text.slice(cursor);
}

export interface FixAllOptions extends LintOptions {
  /** Only fixes of this rule. */
  ruleId?: string;
  /** Passes of lint-and-fix; each pass fixes what does not overlap, the next sees the result. */
  maxPasses?: number;
}

export interface FixAllResult {
  text: string;
  /** The findings whose fixes were applied, as found in the pass that fixed them. */
  fixed: Finding[];
  /** The edits against the original text, when one pass did everything (else only `text` says it). */
  edits?: FixEdit[];
}

/**
 * Applies every safe fix (suggestions are never applied in bulk). Fixes whose edits touch the
 * same place as one already taken wait for the next pass, which lints the new text again.
 */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const linter = new Linter();
  const fixed: Finding[] = [];
  let current = text;
  let firstPass: FixEdit[] | undefined;
  let passes = 0;
  for (let pass = 0; pass < (options.maxPasses ?? 10); pass++) {
    const result = linter.lint(current, options);
    const taken: FixEdit[] = [];
    for (const finding of result.findings) {
      if (finding.fix?.kind !== 'safe' || (options.ruleId && finding.ruleId !== options.ruleId)) continue;
      const edits = finding.fix.edits();
      if (edits.length === 0 || edits.some((e) => taken.some((t) => touches(e.span, t.span)))) continue;
      taken.push(...edits);
      fixed.push(finding);
    }
    if (taken.length === 0) break;
    if (pass === 0) firstPass = taken;
    passes++;
    current = applyEdits(current, taken);
  }
  return passes === 1 ? { text: current, fixed, edits: firstPass } : { text: current, fixed };
}

/** Overlapping, or two insertions at one offset (their order would be a guess). */
function touches(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end || a.start === b.start;
}
