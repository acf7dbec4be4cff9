import * as assert from 'assert';
import { LineIndex } from '../../src/model/line-index';

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
});
