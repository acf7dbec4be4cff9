import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Parser, type Node as YamlNode } from 'yaml';
import type { Entry, MapNode, Node, ScalarNode, Unit } from '../model/nodes';
import type { Span } from '../types';
import type { ParseError } from './errors';
import { flattenDeepNesting, matchingClose, MAX_NESTING } from './nesting';

/** CloudFormation short-form tags and the long-form key each stands for. */
const SHORT_FORM: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
};
for (const fn of [
  'And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAtt', 'GetAZs', 'If', 'ImportValue', 'Join', 'Not',
  'Or', 'Select', 'Split', 'Sub', 'Transform', 'Length', 'ToJsonString', 'ForEach',
]) {
  SHORT_FORM[`!${fn}`] = `Fn::${fn}`;
}


export interface ParsedUnit {
  unit: Unit;
  /** The unit's text; also its identity in the re-use cache. */
  text: string;
  root: Node | undefined;
  /** Errors with spans relative to the unit's start. */
  errors: ParseError[];
  /** True when the unit uses anchors or aliases (the whole document must then be parsed as one). */
  usesAliases: boolean;
  /** Spans of anchored values: editing one would change every alias of it too. */
  anchoredSpans: Span[];
  /**
   * When the text is a YAML mapping: each of its keys' identity as the parser compares keys (`1`
   * and `"1"` are two keys, `1` and `1.0` one), by the key's offset. Complex keys have none.
   */
  rootKeys?: Map<number, string>;
  /** How deep the unit's mapping is in the whole document (see parseYamlUnit). */
  depth: number;
}


/**
 * Parses one piece of YAML text into our node model. Node offsets and error spans are relative
 * to the start of `text`; `unit.base` says where that is in the whole document. `depth` is how deep
 * the piece's mapping is in the whole document (a resource's is inside `Resources`), so that the
 * nesting limit falls at the same place as in a whole-document parse.
 */
export function parseYamlUnit(text: string, unit: Unit, depth = 0): ParsedUnit {
  // Flow nesting too deep for the parser is blanked first; block nesting that deep is bounded below.
  const flattened = flattenDeepNesting(text, 'yaml');
  // The parser makes an Error for each problem, and a broken flow sequence can have thousands: their
  // stack traces, never read, took half the time of such a parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(flattened.text, {
      uniqueKeys: true,
      // `<<: *defaults` merge keys: packaging tools (aws cloudformation package, sam) resolve them.
      merge: true,
      prettyErrors: false,
      keepSourceTokens: false,
      strict: false,
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  // After the first syntax error the parser's further errors mostly follow from it: report the first.
  const errors: ParseError[] = flattened.error ? [flattened.error] : [];
  errors.push(...doc.errors.slice(0, 1).map((e) => {
    // An unclosed quote is reported where the parser gave up (the end): point at its opening quote.
    const opened = e.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(e.message) ? quotedScalarAround(flattened.text, e.pos[0]) : undefined;
    if (opened !== undefined) {
      return { message: `This quoted string is never closed: add the closing ${text[opened]} (the parser ran on to the end of the text).`, span: { start: opened, end: opened + 1 } };
    }
    // A `[` or `{` never closed is reported on the next line, where the parser gave up: point at the
    // bracket. (One closed later, on lines indented no further than its key, is what the parser says.)
    const bracket = e.code === 'BAD_INDENT' && /^Flow (map|sequence) in block collection/.test(e.message) ? openFlowCollectionBefore(flattened.text, e.pos[0]) : undefined;
    if (bracket !== undefined && matchingClose(flattened.text, 'yaml', bracket) === undefined) {
      const close = text[bracket] === '[' ? ']' : '}';
      return { message: `This "${text[bracket]}" is never closed: add the closing "${close}".`, span: { start: bracket, end: bracket + 1 } };
    }
    return {
      message: readableYamlError(e.code, e.message, text, e.pos[0]),
      span: { start: e.pos[0], end: Math.min(text.length, Math.max(e.pos[1], e.pos[0] + 1)) },
    };
  }));
  const converter = new Converter(flattened.text, unit);
  const root = doc.contents ? converter.convert(doc.contents as YamlNode, depth) : undefined;
  // The converter's own errors (unknown alias, too deep) come first in the text or are the only ones.
  if (errors.length === 0 && converter.errors.length > 0) errors.push(converter.errors[0]);
  const parsed: ParsedUnit = { unit, text, root, errors, usesAliases: converter.usesAliases, anchoredSpans: converter.anchoredSpans, depth };
  if (isMap(doc.contents)) parsed.rootKeys = rootKeyIdentities(doc.contents.items);
  return parsed;
}

function rootKeyIdentities(pairs: readonly { key: unknown }[]): Map<number, string> {
  const keys = new Map<number, string>();
  for (const { key } of pairs) {
    if (!isScalar(key) || !key.range) continue;
    const value = key.value;
    // NaN is never equal to itself: the parser finds no `.nan` key repeated.
    if (typeof value === 'number' && Number.isNaN(value)) continue;
    // Strings are themselves; other values are told apart from the string that spells them.
    keys.set(key.range[0], typeof value === 'string' ? value : `\0${typeof value}:${String(value)}`);
  }
  return keys;
}

/**
 * Where the quoted scalar that runs over `pos` opens, as the parser's own tokens say (only on the
 * error path: the text is tokenized once more, without building a document).
 */
function quotedScalarAround(text: string, pos: number): number | undefined {
  let opened: number | undefined;
  const visit = (token: unknown): void => {
    if (!token || typeof token !== 'object') return;
    const t = token as { type?: string; offset?: number; source?: string };
    if ((t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') && t.offset !== undefined && t.source !== undefined) {
      if (t.offset <= pos && pos <= t.offset + t.source.length) opened = t.offset;
      return;
    }
    for (const value of Object.values(token)) if (value && typeof value === 'object') visit(value);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return opened;
}

/** Where the last flow collection opened before `pos` and not closed by the parser's reading starts. */
function openFlowCollectionBefore(text: string, pos: number): number | undefined {
  let opened: number | undefined;
  const visit = (token: unknown): void => {
    if (!token || typeof token !== 'object') return;
    const t = token as { type?: string; start?: { offset?: number }; end?: unknown[] };
    const at = t.start?.offset;
    if (t.type === 'flow-collection' && at !== undefined && at < pos && (t.end?.length ?? 0) === 0) opened = Math.max(opened ?? at, at);
    for (const value of Object.values(token)) if (value && typeof value === 'object') visit(value);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return opened;
}

function readableYamlError(code: string, message: string, text: string, pos: number): string {
  const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'RESOURCE_EXHAUSTION') {
    return 'Values are nested too deeply here to be read.';
  }
  if (code === 'TAB_AS_INDENT' || /tab/i.test(firstLine)) {
    return 'Tabs are not allowed for indentation in YAML; indent with spaces.';
  }
  if (code === 'BAD_INDENT' && /^Flow (map|sequence)/.test(firstLine)) {
    return `${firstLine}: indent every line of a {...} or [...] value further than the key it belongs to.`;
  }
  if (code === 'MULTIPLE_DOCS') {
    return 'A template is one YAML document, but a second one starts here (after ---): remove the separator or split the file.';
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && firstLine.startsWith('Nested mappings are not allowed in compact mappings')) {
    // `Type: AWS:` while typing: the value reads as a key of a mapping inside the value.
    const word = /^\S*?:(?=\s|$)/.exec(text.slice(pos, pos + 100))?.[0];
    return `A plain value cannot end with ":" or hold ": "${word ? ` (here "${word}")` : ''}: quote the value if the colon belongs to it.`;
  }
  if (code === 'DUPLICATE_KEY') {
    const key = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^:\n]*?))[ \t]*:/.exec(text.slice(pos, pos + 300));
    const name = key ? key[1] ?? key[2] ?? key[3] : undefined;
    return name ? `Duplicate key: "${name}" appears twice in the same mapping.` : 'Duplicate key: a key appears twice in the same mapping.';
  }
  if (
    (code === 'UNEXPECTED_TOKEN' && firstLine.startsWith('Unexpected scalar at node end')) ||
    (code === 'MISSING_CHAR' && firstLine.startsWith('Implicit map keys need to be followed by map values')) ||
    code === 'MULTILINE_IMPLICIT_KEY'
  ) {
    const stray = strayLine(text, pos);
    if (stray) return stray;
  }
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  if (text.slice(lineStart, pos).includes('\t')) {
    return `${firstLine} (the line contains a tab; YAML indentation must use spaces).`;
  }
  return firstLine;
}

/** What is wrong with the line at `pos`, where a key belongs (see strayLine); a generic message when nothing more is known. */
export function strayLineMessage(text: string, pos: number): string {
  return strayLine(text, pos) ?? 'This line is not a `Key: value` line, where one belongs.';
}

/**
 * What is wrong with a line that is neither a key of the mapping it sits in nor part of the value
 * above it, as a user typing it would put it: a tab, a missing colon, or too little indentation.
 */
function strayLine(text: string, pos: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const lineEnd = text.indexOf('\n', pos);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const lead = /^[ \t]*/.exec(line)![0];
  if (lead.includes('\t')) return 'Tabs are not allowed for indentation in YAML; indent with spaces.';
  const content = line.slice(lead.length).replace(/\s+#.*$/, '').trim();
  if (!/:(\s|$)/.test(content)) {
    const word = content.length > 40 ? `${content.slice(0, 40)}…` : content;
    return `"${word}" is not a key: a key needs a colon after it (\`${word}: value\`), or indent the line further to continue the value above.`;
  }
  const keys = /^( *)[^ #\r\n]/m.exec(text);
  const indent = keys ? keys[1].length : 0;
  if (lead.length < indent) {
    const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
    return `This line is indented less than the keys above it (${spaces(lead.length)}, not ${indent}): line it up with the keys it belongs with, or indent it further to continue the value above.`;
  }
  return undefined;
}

class Converter {
  usesAliases = false;
  readonly errors: ParseError[] = [];
  readonly anchoredSpans: Span[] = [];
  /**
   * Converted anchored values by anchor name. The conversion goes in document order, so this holds
   * the latest definition before an alias, which is the one YAML refers to (the yaml library's own
   * lookup walks the whole document for each alias: quadratic on templates full of aliases).
   */
  private readonly anchors = new Map<string, Node>();

  constructor(private readonly text: string, private readonly unit: Unit) {}

  convert(node: YamlNode, depth: number): Node {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    if (isAlias(node)) {
      this.usesAliases = true;
      const target = this.anchors.get(node.source);
      if (!target) {
        this.errors.push({ message: `The alias *${node.source} refers to no anchor (&${node.source}) defined before it.`, span: { start, end: valueEnd } });
        return { kind: 'scalar', value: null, unit: this.unit, start, end: valueEnd };
      }
      // A scalar alias gets a node at its own place (a fix then replaces the alias, not the anchored
      // value); a collection is shared, so memory stays linear however often it is used.
      if (target.kind === 'scalar') return { kind: 'scalar', value: target.value, unit: this.unit, start, end: valueEnd };
      return target;
    }
    // Block nesting (by indentation) that deep needs a huge file, but must not overflow the stack either.
    if (depth > MAX_NESTING) {
      if (this.errors.length === 0) {
        this.errors.push({ message: `Values are nested more than ${MAX_NESTING} levels deep here; this part is not checked.`, span: { start, end: start + 1 } });
      }
      return { kind: 'scalar', value: null, unit: this.unit, start, end: valueEnd };
    }
    const plain = this.convertPlain(node, depth);
    const tagged = this.applyTag(node, plain);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      this.usesAliases = true;
      this.anchors.set(anchor, tagged);
      this.anchoredSpans.push({ start: tagged.start, end: tagged.end });
    }
    return tagged;
  }

  private convertPlain(node: YamlNode, depth: number): Node {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    if (isMap(node)) {
      const entries: Entry[] = [];
      const merged: Entry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const key = keyNode && isScalar(keyNode) ? keyNode.value : null;
        if (typeof key === 'symbol' && pair.value) {
          for (const e of this.mergedEntries(pair.value as YamlNode, depth + 1)) merged.push(e);
          continue;
        }
        const [ks, ke] = keyNode?.range ?? [start, start];
        const keyScalar: ScalarNode = {
          kind: 'scalar',
          value: key === null || key === undefined ? '' : String(key),
          unit: this.unit,
          start: ks,
          end: ke,
        };
        const value: Node = pair.value
          ? this.convert(pair.value as YamlNode, depth + 1)
          : { kind: 'scalar', value: null, unit: this.unit, start: ke, end: ke };
        entries.push({ key: String(keyScalar.value), keyNode: keyScalar, value });
      }
      // Keys written in the mapping win over merged ones, whatever their order.
      const own = new Set(entries.map((e) => e.key));
      const all = [...entries, ...merged.filter((e) => !own.has(e.key) && (own.add(e.key), true))];
      const lastValue = node.items.length > 0 ? (node.items[node.items.length - 1] as { value?: YamlNode | null }).value ?? undefined : undefined;
      return { kind: 'map', entries: all, unit: this.unit, start, end: this.contentEnd(node, valueEnd, entries.map((e) => e.value), lastValue) };
    }
    if (isSeq(node)) {
      const items = node.items.map((item) =>
        item ? this.convert(item as YamlNode, depth + 1) : ({ kind: 'scalar', value: null, unit: this.unit, start, end: start } as Node),
      );
      return { kind: 'seq', items, unit: this.unit, start, end: this.contentEnd(node, valueEnd, items, node.items[node.items.length - 1] as YamlNode | undefined) };
    }
    if (isScalar(node)) {
      const v = node.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
      return { kind: 'scalar', value, unit: this.unit, start, end: valueEnd };
    }
    return { kind: 'scalar', value: null, unit: this.unit, start, end: valueEnd };
  }

  /** The entries a merge key brings in: from one aliased mapping, or a list of them (the first wins). */
  private mergedEntries(value: YamlNode, depth: number): Entry[] {
    this.usesAliases = true;
    const sources = isSeq(value) ? (value.items as YamlNode[]) : [value];
    const out: Entry[] = [];
    const keys = new Set<string>();
    for (const source of sources) {
      const converted = this.convert(source, depth);
      if (converted.kind !== 'map') continue;
      for (const e of converted.entries) {
        if (!keys.has(e.key)) out.push(e), keys.add(e.key);
      }
    }
    return out;
  }

  /**
   * Where a collection's content ends. A block collection ends with its last item: the parser's
   * own end may run on over trailing blank lines and comments up to the next key, which depends on
   * what follows; a flow collection ends at its closing bracket. A last item that is an alias ends
   * where the alias is written: its converted node is the anchored value, somewhere before.
   */
  private contentEnd(node: YamlNode, valueEnd: number, children: Node[], lastItem: YamlNode | undefined): number {
    if ((node as { flow?: boolean }).flow || children.length === 0) return valueEnd;
    if (lastItem && isAlias(lastItem) && lastItem.range) return lastItem.range[1];
    return children[children.length - 1].end;
  }

  /** `!Ref X` becomes `{Ref: X}`: rules and the evaluator see only the long form. */
  private applyTag(node: YamlNode, plain: Node): Node {
    const tag = (node as { tag?: string }).tag;
    const longForm = tag ? SHORT_FORM[tag] : undefined;
    if (!longForm) return plain;
    const tagStart = this.text.lastIndexOf(tag!, plain.start);
    const start = tagStart >= 0 && plain.start - tagStart < 200 ? tagStart : plain.start;
    const keyNode: ScalarNode = { kind: 'scalar', value: longForm, unit: this.unit, start, end: start + tag!.length };
    return { kind: 'map', entries: [{ key: longForm, keyNode, value: plain }], unit: this.unit, start, end: plain.end };
  }
}
