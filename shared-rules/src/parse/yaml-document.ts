import { newUnit, type Entry, type MapNode, type Node, type ScalarNode } from '../model/nodes';
import type { ParseError } from './errors';
import { parseYamlUnit, type ParsedUnit } from './yaml-unit';

/**
 * Incremental YAML parsing for templates.
 *
 * A block-style template is cut, by indentation alone, into units: each top-level section and
 * each entry of `Resources`. Each unit is parsed on its own and cached by its text, so after an
 * edit inside one resource only that resource is parsed again; the others are re-used with a new
 * base offset. Documents the cut cannot represent faithfully (anchors and aliases, several
 * documents, flow style or a sequence at the top, directives, odd indentation) are parsed whole.
 */
export interface YamlParseResult {
  root: Node | undefined;
  errors: ParseError[];
  /** The units the document was cut into, by resource logical id (only in incremental mode). */
  resourceUnits: Map<string, ParsedUnit>;
  /** Units of the top-level sections, by key. */
  sectionUnits: Map<string, ParsedUnit>;
  incremental: boolean;
}

interface Cut {
  start: number;
  end: number;
}

const TOP_KEY = /^(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"\-?:,[\]{}|>!&*%@`][^\n#]*?)[ \t]*:(?:[ \t]|$)/;
const CHILD_KEY = /^(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"\-?:,[\]{}|>!&*%@`][^\n#]*?)[ \t]*:(?:[ \t]|$)/;
const SECTION_HEADER_ONLY = /^Resources[ \t]*:[ \t]*(?:#.*)?$/;

export class YamlUnitCache {
  private units = new Map<string, ParsedUnit>();
  private generation = new Map<string, number>();
  private current = 0;
  /** How many units were parsed (not re-used) so far: lets tests see that an edit re-parses little. */
  parsedCount = 0;

  get(text: string, base: number): ParsedUnit {
    let parsed = this.units.get(text);
    if (!parsed) {
      this.parsedCount++;
      parsed = parseYamlUnit(text, newUnit(base));
      this.units.set(text, parsed);
    }
    parsed.unit.base = base;
    this.generation.set(text, this.current);
    return parsed;
  }

  /** Starts a new parse; units not used by the previous one are dropped. */
  beginParse(): void {
    for (const [text, gen] of this.generation) {
      if (gen < this.current) {
        this.units.delete(text);
        this.generation.delete(text);
      }
    }
    this.current++;
  }
}

export function parseYamlTemplate(text: string, cache: YamlUnitCache = new YamlUnitCache()): YamlParseResult {
  cache.beginParse();
  const cuts = cutTopLevel(text);
  if (!cuts) return parseWhole(text, cache);

  const sectionUnits = new Map<string, ParsedUnit>();
  const resourceUnits = new Map<string, ParsedUnit>();
  const errors: ParseError[] = [];
  const entries: Entry[] = [];
  const rootUnit = newUnit(0);
  const addErrors = (parsed: ParsedUnit) => {
    for (const e of parsed.errors) {
      errors.push({ message: e.message, span: { start: e.span.start + parsed.unit.base, end: e.span.end + parsed.unit.base } });
    }
  };

  for (const cut of cuts) {
    const resourceCuts = cutResources(text, cut);
    if (resourceCuts) {
      const headerEnd = text.indexOf(':', cut.start);
      const keyNode: ScalarNode = { kind: 'scalar', value: 'Resources', unit: rootUnit, start: cut.start, end: cut.start + 'Resources'.length };
      const resourceEntries: Entry[] = [];
      for (const rc of resourceCuts) {
        const parsed = cache.get(text.slice(rc.start, rc.end), rc.start);
        addErrors(parsed);
        if (parsed.usesAliases) return parseWhole(text, cache);
        if (parsed.root?.kind === 'map') {
          for (const entry of parsed.root.entries) {
            resourceEntries.push(entry);
            resourceUnits.set(entry.key, parsed);
          }
        }
      }
      const first = resourceCuts[0];
      const last = resourceCuts[resourceCuts.length - 1];
      const value: MapNode = {
        kind: 'map',
        entries: resourceEntries,
        unit: rootUnit,
        start: first ? first.start : headerEnd + 1,
        end: last ? trimEnd(text, last.end) : headerEnd + 1,
      };
      entries.push({ key: 'Resources', keyNode, value });
      continue;
    }
    const parsed = cache.get(text.slice(cut.start, cut.end), cut.start);
    addErrors(parsed);
    if (parsed.usesAliases) return parseWhole(text, cache);
    if (parsed.root?.kind === 'map') {
      for (const entry of parsed.root.entries) {
        entries.push(entry);
        sectionUnits.set(entry.key, parsed);
      }
    } else if (parsed.root) {
      // A top-level line that did not parse as a key: let the whole-document parser judge it.
      return parseWhole(text, cache);
    }
  }
  if (entries.length === 0) return parseWhole(text, cache);
  const root: MapNode = {
    kind: 'map',
    entries,
    unit: rootUnit,
    start: cuts[0].start,
    end: trimEnd(text, cuts[cuts.length - 1].end),
  };
  return { root, errors, resourceUnits, sectionUnits, incremental: true };
}

function parseWhole(text: string, cache: YamlUnitCache): YamlParseResult {
  const parsed = cache.get(text, 0);
  return {
    root: parsed.root,
    errors: parsed.errors.map((e) => ({ message: e.message, span: { ...e.span } })),
    resourceUnits: new Map(),
    sectionUnits: new Map(),
    incremental: false,
  };
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const CR = 13;
const LF = 10;

/** Cuts the document at each top-level key line, or returns undefined when it must be parsed whole. */
function cutTopLevel(text: string): Cut[] | undefined {
  const cuts: Cut[] = [];
  let pos = 0;
  let seenContent = false;
  // Runs on every keystroke over the whole document: look at first characters, slice only column-0 lines.
  while (pos < text.length) {
    const lineEnd = lineEndAt(text, pos);
    const first = text.charCodeAt(pos);
    if (first === SPACE || first === HASH || first === LF || first === CR || pos === lineEnd) {
      // Indented content, blank lines and comments belong to the unit above.
    } else if (first === TAB) {
      return undefined;
    } else {
      const line = text.slice(pos, text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd);
      if (line.startsWith('---') || line.startsWith('...') || line[0] === '%') {
        if (seenContent) return undefined;
        if (line.replace(/^(---|\.\.\.)/, '').trim() !== '' && !line.startsWith('--- #')) return undefined;
      } else if (TOP_KEY.test(line)) {
        if (cuts.length > 0) cuts[cuts.length - 1].end = pos;
        cuts.push({ start: pos, end: text.length });
        seenContent = true;
      } else {
        return undefined;
      }
    }
    pos = lineEnd + 1;
  }
  return cuts.length > 0 ? cuts : undefined;
}

/**
 * Cuts a `Resources:` section into one unit per resource, by the indentation of its first
 * child. Returns undefined when the section is not a plain block mapping of that shape.
 */
function cutResources(text: string, section: Cut): Cut[] | undefined {
  const headerEnd = lineEndAt(text, section.start);
  const header = text.slice(section.start, headerEnd).replace(/\r$/, '');
  if (!SECTION_HEADER_ONLY.test(header)) return undefined;
  const cuts: Cut[] = [];
  let indent = -1;
  let pos = headerEnd + 1;
  while (pos < section.end) {
    const lineEnd = Math.min(lineEndAt(text, pos), section.end);
    let first = pos;
    while (first < lineEnd && text.charCodeAt(first) === SPACE) first++;
    const c = text.charCodeAt(first);
    if (first < lineEnd && c !== HASH && c !== CR) {
      if (c === TAB) return undefined;
      const lineIndent = first - pos;
      if (indent < 0) indent = lineIndent;
      if (lineIndent < indent) return undefined;
      if (lineIndent === indent) {
        if (!CHILD_KEY.test(text.slice(first, lineEnd))) return undefined;
        if (cuts.length > 0) cuts[cuts.length - 1].end = pos;
        cuts.push({ start: pos, end: section.end });
      }
    }
    pos = lineEnd + 1;
  }
  return cuts;
}

function lineEndAt(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}
