import type { Position, Range, Span } from '../types';

/** Converts offsets to 0-based line / UTF-16 character positions (JS string indices are UTF-16). */
export class LineIndex {
  private lineStarts: number[] = [0];
  /** Whether a lone CR ends a line somewhere (such texts are always indexed whole). */
  private loneCr = false;

  constructor(readonly text: string) {
    if (hasLoneCarriageReturn(text)) {
      this.loneCr = true;
      // A lone CR also ends a line (as LSP counts lines): walk every character.
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
      }
    } else {
      // The common case, on every keystroke: let indexOf find the newlines.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
  }

  /**
   * The index of `text`, which shares `prefix` characters at the start and `suffix` at the end with
   * `previous`'s text: line starts in the prefix are kept, those in the suffix moved, and only the
   * part between is searched for line breaks (a keystroke does not walk the whole template).
   */
  static afterEdit(previous: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const changedEnd = text.length - suffix;
    // A CR in or next to the change may have become (or stopped being) a line break of its own.
    const touchesCr = text.slice(Math.max(0, prefix - 1), changedEnd + 1).includes('\r');
    if (previous.loneCr || touchesCr || prefix + suffix > Math.min(previous.text.length, text.length)) return new LineIndex(text);
    const index = Object.create(LineIndex.prototype) as LineIndex;
    (index as { text: string }).text = text;
    index.loneCr = false;
    const old = previous.lineStarts;
    // Kept: starts whose line break lies in the prefix (start - 1 < prefix).
    const starts = old.slice(0, upperBound(old, prefix));
    for (let i = text.indexOf('\n', prefix); i >= 0 && i < changedEnd; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    // Moved: starts whose line break lies in the suffix (start - 1 >= old length - suffix).
    const delta = text.length - previous.text.length;
    for (let k = upperBound(old, previous.text.length - suffix); k < old.length; k++) starts.push(old[k] + delta);
    index.lineStarts = starts;
    return index;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.lineStarts[lo] };
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** The first index whose value is greater than `value` (values ascending). */
function upperBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}
