import { spanOf, type MapNode, type Node } from '../model/nodes';
import type { Resource } from '../model/template';
import { LineIndex } from '../model/line-index';
import type { Syntax } from '../types';

export type Json = string | number | boolean | Json[] | { [key: string]: Json };

/** A replacement of the text between two offsets of the document. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

/**
 * Builds minimal, format-aware text changes: it writes YAML or JSON in the style of the document
 * (indentation width, quotes, line endings, flow or block) and touches nothing around the edit.
 */
export class EditBuilder {
  private readonly eol: string;
  private readonly indentUnit: string;
  private lines?: LineIndex;

  constructor(private readonly text: string, private readonly syntax: Syntax) {
    this.eol = /\r\n/.test(text) ? '\r\n' : '\n';
    this.indentUnit = detectIndentUnit(text);
  }

  /** Replaces a literal scalar with `value`, keeping its quoting; intrinsics are left alone. */
  setValue(node: Node, value: string | number | boolean): TextChange | undefined {
    if (node.kind !== 'scalar') return undefined;
    const { start, end } = spanOf(node);
    const old = this.text.slice(start, end);
    let newText: string;
    if (this.syntax === 'json') {
      newText = old.startsWith('"') ? JSON.stringify(String(value)) : JSON.stringify(value);
    } else if (old.startsWith("'")) {
      newText = `'${String(value).replace(/'/g, "''")}'`;
    } else if (old.startsWith('"')) {
      newText = JSON.stringify(String(value));
    } else {
      newText = yamlScalar(value);
    }
    return newText === old ? undefined : { start, end, newText };
  }

  /** Adds `key: value` as the last entry of a mapping. */
  insertProperty(map: MapNode, key: string, value: Json): TextChange | undefined {
    if (map.entries.some((e) => e.key === key)) return undefined;
    return this.syntax === 'json' ? this.insertJson(map, key, value) : this.insertYaml(map, key, value);
  }

  /** Adds a property to a resource's `Properties`, creating `Properties` when the resource has none. */
  insertResourceProperty(resource: Resource, key: string, value: Json): TextChange | undefined {
    if (resource.properties) return this.insertProperty(resource.properties, key, value);
    if (resource.node.kind !== 'map' || resource.node.entries.some((e) => e.key === 'Properties')) return undefined;
    return this.insertProperty(resource.node, 'Properties', { [key]: value });
  }

  private insertYaml(map: MapNode, key: string, value: Json): TextChange | undefined {
    const { start, end } = spanOf(map);
    // A short-form intrinsic (`!Ref X`) is read as the mapping `{Ref: X}`, but has no entries to add to.
    if (this.text[start] === '!') return undefined;
    if (this.text[start] === '{') {
      // Flow mapping: add before the closing brace.
      const close = this.text.lastIndexOf('}', end);
      if (close < start) return undefined;
      const entry = `${yamlKey(key)}: ${JSON.stringify(value)}`;
      const lastEntry = map.entries[map.entries.length - 1];
      if (!lastEntry) return { start: start + 1, end: close, newText: ` ${entry} ` };
      const after = spanOf(lastEntry.value).end;
      return { start: after, end: after, newText: `, ${entry}` };
    }
    const last = map.entries[map.entries.length - 1];
    if (!last) return undefined;
    // The first key's column: a later key may be empty or odd (`:` alone), the first sets the mapping's indentation.
    const indent = this.columnOf(spanOf(map.entries[0].keyNode).start);
    const lineEnd = this.endOfLineAfter(end);
    const prefix = lineEnd.atEndWithoutNewline ? this.eol : '';
    const body = renderYamlEntry(key, value, ' '.repeat(indent), this.indentUnit, this.eol);
    return { start: lineEnd.offset, end: lineEnd.offset, newText: `${prefix}${body}${lineEnd.atEndWithoutNewline ? '' : this.eol}` };
  }

  private insertJson(map: MapNode, key: string, value: Json): TextChange | undefined {
    const { start, end } = spanOf(map);
    const last = map.entries[map.entries.length - 1];
    const rendered = (indent: string) =>
      JSON.stringify(value, null, this.indentUnit).split('\n').join(this.eol + indent);
    if (!last) {
      // An unclosed `{` (a half-typed file) has no closing brace to write before.
      if (this.text[start] !== '{' || this.text[end - 1] !== '}' || end - start < 2) return undefined;
      const lineIndent = this.indentOfLine(start);
      const inner = lineIndent + this.indentUnit;
      return { start: start + 1, end: end - 1, newText: `${this.eol}${inner}${JSON.stringify(key)}: ${rendered(inner)}${this.eol}${lineIndent}` };
    }
    const lastEnd = spanOf(last.value).end;
    const keyStart = spanOf(last.keyNode).start;
    if (this.lineOf(keyStart) === this.lineOf(start)) {
      return { start: lastEnd, end: lastEnd, newText: `, ${JSON.stringify(key)}: ${JSON.stringify(value)}` };
    }
    const indent = this.indentOfLine(keyStart);
    return { start: lastEnd, end: lastEnd, newText: `,${this.eol}${indent}${JSON.stringify(key)}: ${rendered(indent)}` };
  }

  private columnOf(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  private lineOf(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset).line;
  }

  private indentOfLine(offset: number): string {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(this.text.slice(lineStart))![0];
  }

  /** The start of the line after the one holding offset `end - 1`. */
  private endOfLineAfter(end: number): { offset: number; atEndWithoutNewline: boolean } {
    if (end > 0 && this.text[end - 1] === '\n') return { offset: end, atEndWithoutNewline: false };
    const nl = this.text.indexOf('\n', end);
    return nl < 0 ? { offset: this.text.length, atEndWithoutNewline: true } : { offset: nl + 1, atEndWithoutNewline: false };
  }
}

/** The smallest indentation step used in the document (2 when nothing tells). */
function detectIndentUnit(text: string): string {
  if (/^\t+\S/m.test(text) && !/^ +\S/m.test(text)) return '\t';
  let best = 0;
  let previous = 0;
  const lines = text.split('\n').slice(0, 400);
  for (const line of lines) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const step = indent - previous;
    if (step > 0 && (best === 0 || step < best)) best = step;
    previous = indent;
  }
  return ' '.repeat(best >= 1 && best <= 8 ? best : 2);
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(key) ? key : JSON.stringify(key);
}

function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  // Plain when it cannot be read as anything else; double-quoted otherwise.
  const ambiguous =
    /^(true|false|yes|no|on|off|null|y|n|~)$/i.test(value) || Number.isFinite(Number(value)) || /^\d{4}-\d\d-\d\d/.test(value);
  return /^[\w/][\w./:-]*$/.test(value) && !ambiguous ? value : JSON.stringify(value);
}

function renderYamlEntry(key: string, value: Json, indent: string, unit: string, eol: string): string {
  if (value === null || typeof value !== 'object') return `${indent}${yamlKey(key)}: ${yamlScalar(value)}`;
  const lines = [`${indent}${yamlKey(key)}:`];
  lines.push(...renderYamlValue(value, indent + unit, unit));
  return lines.join(eol);
}

function renderYamlValue(value: Json, indent: string, unit: string): string[] {
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        const inner = Object.entries(item).flatMap(([k, v]) => renderYamlEntry(k, v, indent + '  ', unit, '\n').split('\n'));
        inner[0] = `${indent}- ${inner[0].slice(indent.length + 2)}`;
        out.push(...inner);
      } else {
        out.push(`${indent}- ${typeof item === 'object' ? JSON.stringify(item) : yamlScalar(item)}`);
      }
    }
    return out;
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => renderYamlEntry(k, v, indent, unit, '\n').split('\n'));
  }
  return [`${indent}${yamlScalar(value)}`];
}
