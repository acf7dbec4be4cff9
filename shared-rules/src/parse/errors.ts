import type { Span } from '../types';

/** A syntax error, with a message a person understands and where it is. */
export interface ParseError {
  message: string;
  span: Span;
}

/**
 * At most this many syntax errors are reported for one text. After the first few, errors are
 * mostly echoes of an earlier one, and a broken 100 KB line can make tens of thousands of them:
 * more than an editor's problem list or a CI log can show usefully.
 */
export const MAX_REPORTED_PARSE_ERRORS = 100;

/** The first errors by position, the last of them saying how many more there are. */
export function limitParseErrors(errors: readonly ParseError[]): readonly ParseError[] {
  if (errors.length <= MAX_REPORTED_PARSE_ERRORS) return errors;
  const first = [...errors].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end).slice(0, MAX_REPORTED_PARSE_ERRORS);
  const last = first[first.length - 1];
  const more = errors.length - MAX_REPORTED_PARSE_ERRORS;
  first[first.length - 1] = { ...last, message: `${last.message} (${more} more syntax errors after this one are not listed)` };
  return first;
}
