import type { LineIndex } from '../model/line-index';
import type { Finding, Severity, Span } from '../types';
import type { Collected } from './collect';
import { EXPIRED_SUPPRESSION, INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from './ids';
import type { Suppression } from './types';

export interface ApplyOptions {
  lines: LineIndex;
  /** Report Infralint suppressions that silenced nothing (off while the template has syntax errors). */
  reportUnused: boolean;
  /** Rules turned off by the configuration: a suppression of them is not "unused". */
  isOff(ruleId: string): boolean;
}

export interface Applied {
  /** The findings no suppression silenced. */
  findings: Finding[];
  /** Reports about the suppressions themselves: unused, expired, invalid. */
  reports: Finding[];
}

function within(span: Span, covers: Span | undefined): boolean {
  return covers !== undefined && span.start >= covers.start && span.start < covers.end;
}

/** Does the suppression (not expired) silence this finding? */
export function suppresses(s: Suppression, f: Finding): boolean {
  if (s.expired || !s.ruleIds.includes(f.ruleId)) return false;
  switch (s.scope) {
    case 'line':
    case 'next-line':
      return f.range.start.line === s.line;
    case 'block':
      return within(f.span, s.covers);
    case 'resource':
      return f.resource !== undefined ? f.resource === s.resource : within(f.span, s.covers);
    case 'file':
      return true;
  }
}

function listIds(ids: readonly string[]): string {
  return ids.join(', ');
}

function where(s: Suppression): string {
  switch (s.scope) {
    case 'line':
      return 'on this line';
    case 'next-line':
      return `on line ${(s.line ?? 0) + 1}`;
    case 'block':
      return 'in this block';
    case 'resource':
      return `in resource ${s.resource}`;
    case 'file':
      return 'in this file';
  }
}

function report(ruleId: string, severity: Severity, message: string, span: Span, lines: LineIndex, resource?: string): Finding {
  return { ruleId, severity, message, span, range: lines.rangeOf(span), ...(resource !== undefined ? { resource } : {}) };
}

/**
 * Removes the findings the suppressions silence (recording them on the suppression), and reports
 * the Infralint suppressions that are malformed, expired, or silence nothing. Other tools'
 * suppressions are honoured but never reported: those tools may still need them.
 */
export function applySuppressions(findings: readonly Finding[], collected: Collected, options: ApplyOptions): Applied {
  const { suppressions } = collected;
  // Indexed, so that many findings and many suppressions do not cost their product.
  const byLine = new Map<number, Suppression[]>();
  const byRule = new Map<string, Suppression[]>();
  for (const s of suppressions) {
    if (s.expired) continue;
    if (s.line !== undefined) {
      const list = byLine.get(s.line) ?? [];
      list.push(s);
      byLine.set(s.line, list);
    } else {
      for (const id of s.ruleIds) {
        const list = byRule.get(id) ?? [];
        list.push(s);
        byRule.set(id, list);
      }
    }
  }
  const none: Suppression[] = [];
  const used = new Map<Suppression, Set<string>>();
  const kept: Finding[] = [];
  for (const f of findings) {
    let silenced = false;
    const onLine = byLine.get(f.range.start.line) ?? none;
    const forRule = byRule.get(f.ruleId) ?? none;
    for (const s of onLine.length === 0 ? forRule : forRule.length === 0 ? onLine : [...onLine, ...forRule]) {
      if (!suppresses(s, f)) continue;
      if (!silenced) s.suppressed.push(f);
      silenced = true;
      let ids = used.get(s);
      if (!ids) used.set(s, (ids = new Set()));
      ids.add(f.ruleId);
    }
    if (!silenced) kept.push(f);
  }

  const { lines } = options;
  const reports: Finding[] = collected.problems.map((p) => report(INVALID_SUPPRESSION, 'warning', p.message, p.span, lines, p.resource));
  for (const s of suppressions) {
    if (s.source !== 'infralint') continue;
    if (s.expired) {
      const verb = s.ruleIds.length === 1 ? 'is' : 'are';
      reports.push(
        report(
          EXPIRED_SUPPRESSION,
          'info',
          `Suppression expired on ${s.until}: ${listIds(s.ruleIds)} ${verb} reported again. Fix the finding, or renew the date if the exception still holds.`,
          s.span,
          lines,
          s.resource,
        ),
      );
      continue;
    }
    if (!options.reportUnused) continue;
    const usedIds = used.get(s);
    const unused = s.ruleIds.filter((id) => !usedIds?.has(id) && !options.isOff(id));
    if (unused.length === 0) continue;
    const what = s.origin === 'comment' ? (unused.length === s.ruleIds.length ? 'the comment' : `${listIds(unused)} from the comment`) : 'the Metadata entry';
    reports.push(
      report(
        UNUSED_SUPPRESSION,
        'info',
        `Unused suppression: no ${listIds(unused)} finding ${where(s)}. Remove ${what}: stale suppressions hide future problems.`,
        s.span,
        lines,
        s.resource,
      ),
    );
  }
  return { findings: kept, reports };
}
