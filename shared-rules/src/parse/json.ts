import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError as JsonParseError } from 'jsonc-parser';
import { newUnit, type Entry, type Node, type Unit } from '../model/nodes';
import type { ParseError } from './errors';
import { flattenDeepNesting } from './nesting';

export interface ParsedJson {
  root: Node | undefined;
  errors: ParseError[];
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'A property name in double quotes is expected',
  ValueExpected: 'A value is expected',
  ColonExpected: 'A colon is expected after the property name',
  CommaExpected: 'A comma is expected between items',
  CloseBraceExpected: 'A closing brace "}" is expected',
  CloseBracketExpected: 'A closing bracket "]" is expected',
  EndOfFileExpected: 'Unexpected content after the end of the JSON value',
  InvalidCommentToken: 'Comments are not allowed in JSON templates',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped)',
};

/** Parses a JSON template into the node model, keeping every syntax error with its offset. */
export function parseJson(text: string): ParsedJson {
  const unit: Unit = newUnit(0);
  const rawErrors: JsonParseError[] = [];
  // A byte-order mark is not JSON, but editors keep it: read it as a space, so offsets stay.
  const flattened = flattenDeepNesting(text.replace(/^\uFEFF/, ' '), 'json');
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(flattened.text, rawErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  } catch (error) {
    // The nesting pre-scan reads strings as the parser does; should they ever disagree, the parser's
    // recursion may still run out of stack: report that, never throw.
    if (!(error instanceof RangeError)) throw error;
    return { root: undefined, errors: [{ message: 'Values are nested too deeply here to be read.', span: { start: 0, end: Math.min(1, text.length) } }] };
  }
  // The JSON scanner can report several problems at one place (a trailing comma: a name expected,
  // then a value expected): the first says it.
  const seen = new Set<number>();
  const errors: ParseError[] = flattened.error ? [flattened.error] : [];
  for (const e of rawErrors) {
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    const code = printParseErrorCode(e.error);
    errors.push({
      message: `${MESSAGES[code] ?? code}.`,
      // At the end of the text an error is zero-width: a span must not run past the text.
      span: { start: e.offset, end: Math.min(text.length, e.offset + Math.max(e.length, 1)) },
    });
  }
  const seenKeys = new WeakSet<JsonNode>();
  const convert = (node: JsonNode): Node => {
    const start = node.offset;
    const end = node.offset + node.length;
    switch (node.type) {
      case 'object': {
        const entries: Entry[] = [];
        const keys = new Map<string, JsonNode>();
        for (const prop of node.children ?? []) {
          const [keyJson, valueJson] = prop.children ?? [];
          if (!keyJson) continue;
          const key = String(keyJson.value);
          if (keys.has(key) && !seenKeys.has(keyJson)) {
            seenKeys.add(keyJson);
            errors.push({
              message: `Duplicate key "${key}": CloudFormation keeps only one of them.`,
              span: { start: keyJson.offset, end: keyJson.offset + keyJson.length },
            });
          }
          keys.set(key, keyJson);
          const keyNode = { kind: 'scalar' as const, value: key, unit, start: keyJson.offset, end: keyJson.offset + keyJson.length };
          const value: Node = valueJson
            ? convert(valueJson)
            : { kind: 'scalar', value: null, unit, start: keyNode.end, end: keyNode.end };
          entries.push({ key, keyNode, value });
        }
        return { kind: 'map', entries, unit, start, end };
      }
      case 'array':
        return { kind: 'seq', items: (node.children ?? []).map(convert), unit, start, end };
      case 'string':
      case 'number':
      case 'boolean':
        return { kind: 'scalar', value: node.value as string | number | boolean, unit, start, end };
      default:
        return { kind: 'scalar', value: null, unit, start, end };
    }
  };
  return { root: tree ? convert(tree) : undefined, errors };
}
