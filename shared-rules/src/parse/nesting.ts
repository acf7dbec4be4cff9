import type { Syntax } from '../types';
import type { ParseError } from './errors';

/**
 * Deeper than this, brackets are not given to the parsers: real templates nest a few dozen levels,
 * while both parsers recurse once per level and run out of stack somewhere between 1,000 and
 * 10,000 levels, at a place that depends on how deep the caller's stack already is.
 */
export const MAX_NESTING = 200;

export interface Flattened {
  /** The text with the too-deep part replaced by a null value of the same length (offsets keep). */
  text: string;
  error?: ParseError;
}

/**
 * Finds every `[`/`{` nested deeper than MAX_NESTING (outside strings and comments) and blanks each
 * out to its matching close, keeping line breaks, so that the parsers see a shallow document and
 * every other position stays where it was. The first is reported; blanking only that one would leave
 * the next to the parser, which fails on it at a depth that depends on its caller's stack.
 */
export function flattenDeepNesting(text: string, syntax: Syntax): Flattened {
  const spans = findTooDeep(text, syntax);
  if (spans.length === 0) return { text };
  const filler = syntax === 'json' ? 'null' : '~';
  let flattened = '';
  let at = 0;
  for (const { start, end } of spans) {
    const blank = text.slice(start, end).replace(/[^\r\n]/g, ' ');
    const replaced = blank.length >= filler.length && !/[\r\n]/.test(blank.slice(0, filler.length)) ? filler + blank.slice(filler.length) : blank;
    flattened += text.slice(at, start) + replaced;
    at = end;
  }
  return {
    text: flattened + text.slice(at),
    error: {
      message: `Values are nested more than ${MAX_NESTING} levels deep here; this part is not checked.`,
      span: { start: spans[0].start, end: spans[0].start + 1 },
    },
  };
}

/** Calls `onBracket` for each bracket outside strings and comments; stops when it returns true. */
function scanBrackets(text: string, syntax: Syntax, from: number, onBracket: (ch: string, at: number) => boolean): void {
  const yaml = syntax === 'yaml';
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' && (!yaml || startsToken(text, i))) {
      i = skipDoubleQuoted(text, i, yaml);
    } else if (ch === "'" && yaml && startsToken(text, i)) {
      i = skipSingleQuoted(text, i);
    } else if (ch === '#' && yaml && (i === 0 || /\s/.test(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (ch === '[' || ch === '{' || ch === ']' || ch === '}') {
      if (onBracket(ch, i)) return;
    }
  }
}

/** The spans, from the too-deep bracket to just after its matching close, in text order. */
function findTooDeep(text: string, syntax: Syntax): { start: number; end: number }[] {
  // Cheap exit for the usual template: too few brackets to nest that deep.
  let brackets = 0;
  for (let i = 0; i < text.length && brackets <= MAX_NESTING; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  if (brackets <= MAX_NESTING) return [];
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  let from = 0;
  for (;;) {
    let found: number | undefined;
    scanBrackets(text, syntax, from, (ch, at) => {
      if (ch === '[' || ch === '{') {
        depth++;
        if (depth > MAX_NESTING) found = at;
      } else if (depth > 0) {
        depth--;
      }
      return found !== undefined;
    });
    if (found === undefined) return spans;
    const end = matchingCloseEnd(text, syntax, found);
    spans.push({ start: found, end });
    // The skipped part is balanced (or runs to the end): after it, the depth is that before it.
    depth = MAX_NESTING;
    from = end;
  }
}

/** The offset just after the bracket that closes the one at `open`, or the end of the text. */
function matchingCloseEnd(text: string, syntax: Syntax, open: number): number {
  const close = matchingClose(text, syntax, open);
  return close === undefined ? text.length : close + 1;
}

/** The offset of the bracket that closes the one at `open` (outside strings and comments), if any. */
export function matchingClose(text: string, syntax: Syntax, open: number): number | undefined {
  let depth = 0;
  let close: number | undefined;
  scanBrackets(text, syntax, open, (ch, at) => {
    depth += ch === '[' || ch === '{' ? 1 : -1;
    if (depth === 0) close = at;
    return depth === 0;
  });
  return close;
}

/** In YAML a quote opens a quoted scalar only where a value or key can start. */
function startsToken(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text[i - 1];
  return /\s/.test(before) || before === '[' || before === '{' || before === ',' || before === ':' || before === '-';
}

/** A JSON string ends at a line break, as the JSON scanner ends it (unterminated); a YAML one may span lines. */
function skipDoubleQuoted(text: string, i: number, multiline: boolean): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j;
    else if (!multiline && (c === '\n' || c === '\r')) return j;
  }
  return text.length;
}

function skipSingleQuoted(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "'") {
      if (text[j + 1] === "'") j++;
      else return j;
    }
  }
  return text.length;
}
