import * as assert from 'assert';
import { LineIndex } from '../../src/model/line-index';

/** How many characters two texts share at the start, and then at the end (not overlapping). */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < Math.min(a.length, b.length) - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

describe('line index', () => {
  it('counts LF, CRLF and lone CR as line ends, like LSP', () => {
    for (const [text, offset, expected] of [
      ['a\nb\nc', 4, { line: 2, character: 0 }],
      ['a\r\nb\r\nc', 6, { line: 2, character: 0 }],
      ['a\rb\rc', 4, { line: 2, character: 0 }],
      ['a\r\nb\rc\nd', 7, { line: 3, character: 0 }],
      ['ab', 5, { line: 0, character: 2 }],
    ] as const) {
      assert.deepStrictEqual(new LineIndex(text).positionAt(offset), expected, JSON.stringify(text));
    }
  });

  it('after an edit next to a CR, counts the lines as an index of the whole new text does', () => {
    const cases: [string, string][] = [
      ['a\r\nb', 'a\rb'], // the LF of a CRLF deleted: the CR now ends a line alone
      ['a\rb', 'a\r\nb'], // an LF added after a lone CR
      ['a\nb', 'a\r\nb'], // a CR added before an LF
      ['a\r\nb', 'a\nb'], // the CR of a CRLF deleted
      ['ab\ncd', 'a\rb\ncd'], // a lone CR typed
    ];
    for (const [before, after] of cases) {
      const { prefix, suffix } = commonEnds(before, after);
      const index = LineIndex.afterEdit(new LineIndex(before), after, prefix, suffix);
      const fresh = new LineIndex(after);
      for (let offset = 0; offset <= after.length; offset++) {
        assert.deepStrictEqual(index.positionAt(offset), fresh.positionAt(offset), `${JSON.stringify(before)} -> ${JSON.stringify(after)}, offset ${offset}`);
      }
    }
  });

  it('after an edit, gives the same positions as an index of the whole new text (random edits, with CR and LF)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', '  key: value\n', ''];
    let text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n';
    let index = new LineIndex(text);
    for (let step = 0; step < 3000; step++) {
      const start = random(text.length + 1);
      const end = Math.min(text.length, start + random(4));
      const next = text.slice(0, start) + pieces[random(pieces.length)] + text.slice(end);
      const { prefix, suffix } = commonEnds(text, next);
      index = LineIndex.afterEdit(index, next, prefix, suffix);
      const fresh = new LineIndex(next);
      for (let offset = 0; offset <= next.length; offset++) {
        assert.deepStrictEqual(index.positionAt(offset), fresh.positionAt(offset), `step ${step}, offset ${offset} of ${JSON.stringify(next)}`);
      }
      text = next.length > 400 ? next.slice(0, 200) : next;
      if (text !== next) index = new LineIndex(text);
    }
  });
});
