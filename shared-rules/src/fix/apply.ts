import { Linter, PARSE_ERROR, type LintOptions } from '../engine';
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
  /** Why nothing was applied although there were fixes, when so. */
  notApplied?: string;
}

export const NOT_FIXED_PARSE_ERROR = 'the template has a syntax error: fix it first, then the problems can be fixed';

/**
 * Applies every safe fix (suggestions are never applied in bulk). Fixes whose edits touch the
 * same place as one already taken wait for the next pass, which lints the new text again.
 * Nothing is applied to a template with a syntax error: what the parser made of the broken part is
 * a guess, and an unattended fix (CI's --fix, fix on save) must not build on a guess. A single
 * quick fix stays on offer there: the author sees what it does.
 */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const linter = new Linter();
  const fixed: Finding[] = [];
  let current = text;
  let firstPass: FixEdit[] | undefined;
  let passes = 0;
  for (let pass = 0; pass < (options.maxPasses ?? 10); pass++) {
    const result = linter.lint(current, options);
    if (result.findings.some((f) => f.ruleId === PARSE_ERROR)) {
      // After a pass, the fixes themselves broke it (a bug): the original text is given back, unfixed.
      if (pass > 0) return { text, fixed: [], notApplied: 'a fix would have broken the template (a bug in Infralint): nothing was applied' };
      const fixable = result.findings.some((f) => f.fix?.kind === 'safe' && (!options.ruleId || f.ruleId === options.ruleId));
      return fixable ? { text, fixed: [], notApplied: NOT_FIXED_PARSE_ERROR } : { text, fixed: [] };
    }
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
