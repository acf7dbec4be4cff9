import type { SuppressionScope } from './types';

/**
 * Infralint's own suppression comments (YAML):
 *
 *     # infralint-disable-next-line <rule>[, <rule>...] [until=YYYY-MM-DD] [-- <reason>]
 *     # infralint-disable-line ...      (at the end of the line it silences)
 *     # infralint-disable-resource ...  (inside a resource, or on the lines just above its key)
 *     # infralint-disable-file ...      (anywhere)
 *
 * Rule ids are separated by commas or spaces; `until=` is the last day (UTC) the suppression
 * applies; everything after ` -- ` is the reason.
 */
export const DIRECTIVE_PREFIX = 'infralint-';

export const DIRECTIVES: Readonly<Record<string, SuppressionScope>> = {
  'disable-line': 'line',
  'disable-next-line': 'next-line',
  'disable-resource': 'resource',
  'disable-file': 'file',
};

const DIRECTIVE_NAMES = Object.keys(DIRECTIVES).map((d) => `${DIRECTIVE_PREFIX}${d}`);

export interface ParsedDirective {
  scope: SuppressionScope;
  ids: string[];
  until?: string;
  reason?: string;
  /** What is wrong with it (no rule named, bad date...); a directive with problems silences nothing. */
  problems: string[];
}

/** `2025-06-30` that is a real day. */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Today in UTC as `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Splits `a, b -- reason` into the part before ` -- ` and the reason. */
export function splitReason(rest: string): { head: string; reason?: string } {
  const m = /(?:^|\s)--(?:\s|$)/.exec(rest);
  if (!m) return { head: rest };
  const reason = rest.slice(m.index + m[0].length).trim();
  return { head: rest.slice(0, m.index), ...(reason !== '' ? { reason } : {}) };
}

/**
 * Parses the text of a comment (after `#`). Returns undefined when it is no Infralint directive,
 * and a directive with `problems` when it is a malformed one.
 */
export function parseDirective(body: string): ParsedDirective | undefined {
  const text = body.trim();
  if (!text.startsWith(DIRECTIVE_PREFIX)) return undefined;
  const m = /^infralint-(\S*)(.*)$/s.exec(text);
  if (!m) return undefined;
  const scope = DIRECTIVES[m[1]];
  if (!scope) {
    return {
      scope: 'line',
      ids: [],
      problems: [`Unknown suppression comment '${DIRECTIVE_PREFIX}${m[1]}' (expected ${DIRECTIVE_NAMES.join(', ')}).`],
    };
  }
  const { head, reason } = splitReason(m[2]);
  const ids: string[] = [];
  const problems: string[] = [];
  let until: string | undefined;
  for (const token of head.split(/[\s,]+/).filter(Boolean)) {
    const date = /^until=(.*)$/.exec(token);
    if (date) {
      if (isValidDate(date[1])) until = date[1];
      else problems.push(`'${token}' is not a valid expiry date (expected until=YYYY-MM-DD); the suppression is ignored.`);
    } else {
      ids.push(token);
    }
  }
  if (ids.length === 0) problems.push(`${DIRECTIVE_PREFIX}${m[1]} names no rule: list the rule ids it silences.`);
  return { scope, ids, problems, ...(until !== undefined ? { until } : {}), ...(reason !== undefined ? { reason } : {}) };
}

export interface SuppressionCommentOptions {
  /** Default `next-line`: the comment goes on its own line above the finding. */
  scope?: SuppressionScope;
  /** `YYYY-MM-DD`. */
  until?: string;
}

/**
 * The text of a suppression comment line, for a "Suppress" quick fix to insert above the line of
 * a finding: `suppressionComment('aws-s3-bucket-logging', 'logs go to the central bucket', '    ')`
 * gives `    # infralint-disable-next-line aws-s3-bucket-logging -- logs go to the central bucket`.
 * No line break is added.
 */
export function suppressionComment(
  ruleId: string | readonly string[],
  reason?: string,
  indentation = '',
  options: SuppressionCommentOptions = {},
): string {
  const ids = typeof ruleId === 'string' ? [ruleId] : [...ruleId];
  const scope = options.scope ?? 'next-line';
  const directive = Object.keys(DIRECTIVES).find((d) => DIRECTIVES[d] === scope) ?? 'disable-next-line';
  const cleanReason = reason?.replace(/\s+/g, ' ').trim();
  return (
    `${indentation}# ${DIRECTIVE_PREFIX}${directive} ${ids.join(', ')}` +
    (options.until ? ` until=${options.until}` : '') +
    (cleanReason ? ` -- ${cleanReason}` : '')
  );
}

/**
 * The JSON-template equivalent: one entry of a resource's `Metadata.infralint.suppress` list.
 */
export function metadataSuppression(ruleId: string, reason?: string, until?: string): { rule: string; reason?: string; until?: string } {
  return { rule: ruleId, ...(reason ? { reason } : {}), ...(until ? { until } : {}) };
}
