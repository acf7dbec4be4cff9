import { newUnit, spanOf, type Entry, type MapNode, type Node, type ScalarNode } from '../model/nodes';
import type { Span } from '../types';
import type { ParseError } from './errors';
import { parseYamlUnit, strayLineMessage, type ParsedUnit } from './yaml-unit';

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
  /** Spans of anchored values (whole parses only: aliases turn incremental parsing off). */
  anchoredSpans: Span[];
}

interface Cut {
  start: number;
  end: number;
  /**
   * Lines where a resource's key belongs that are not one: 'lead', lines before the first key at
   * the section's own indentation (a key typed half-way, see cutChildren); 'misplaced', a word
   * typed at column 0, which YAML rejects whatever follows it (see misplacedLead).
   */
  stray?: 'lead' | 'misplaced';
}

/** How a text differs from the one before: both share `prefix` characters at the start and `suffix` at the end. */
export interface TextEdit {
  before: string;
  prefix: number;
  suffix: number;
}

const TOP_KEY = /^(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"\-?:,[\]{}|>!&*%@`][^\n#]*?)[ \t]*:(?:[ \t]|$)/;
const CHILD_KEY = /^(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"\-?:,[\]{}|>!&*%@`][^\n#]*?)[ \t]*:(?:[ \t]|$)/;
const SECTION_HEADER_ONLY = /^Resources[ \t]*:[ \t]*(?:#.*)?$/;
/**
 * The first character of a value that can run over the next lines whatever their indentation says
 * (a block scalar, a flow collection, a quoted string), or of a tag, which applies to the node on
 * the next lines when nothing follows it on its own.
 */
const MULTI_LINE_VALUE_START = /^[|>[{"'!]/;
/** A line that starts or ends a document, or a directive: only at the top, or the document is parsed whole. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.|%)/;

/** One piece of the cut document: a top-level section, the `Resources:` header line(s), or one resource. */
interface LayoutUnit {
  start: number;
  end: number;
  text: string;
  role: 'section' | 'resources-header' | 'resource';
  parsed?: ParsedUnit;
  /** See Cut.stray. */
  stray?: Cut['stray'];
}

/** How the previous version of the document was cut, to find what an edit changed. */
interface Layout {
  text: string;
  units: LayoutUnit[];
  /** Indentation of the resources' keys (-1 when there are none). */
  resourceIndent: number;
}

export class YamlUnitCache {
  private units = new Map<string, ParsedUnit & { generation?: number }>();
  private current = 0;
  /** The last document's cut, re-used for the unchanged parts of the next version. */
  layout?: Layout;
  /** How many units were parsed (not re-used) so far: lets tests see that an edit re-parses little. */
  parsedCount = 0;
  /** What the last parse found changed since the one before (see TextEdit), for other per-text work. */
  lastEdit?: TextEdit;
  /** The cut of a text not parsed yet, planned by parseUnitsAhead; the parse of that text takes it over. */
  planned?: PlannedLayout;

  /**
   * A parse of `text` for a piece of the document being planned or parsed: a cached one that no
   * other piece of it has claimed, or a new one. One parse serves one piece only: its nodes'
   * offsets are relative to its unit's base, the start of that piece. (A parse taken ahead for a
   * version that a newer one overtook is dropped at the next beginParse, unless that one uses it.)
   */
  take(text: string, claimed: Set<ParsedUnit>, depth: number): ParsedUnit {
    const cached = this.units.get(text);
    // A parse serves only pieces at its own depth: the nesting limit falls elsewhere at another.
    if (cached && cached.depth === depth && !claimed.has(cached)) {
      claimed.add(cached);
      return cached;
    }
    this.parsedCount++;
    const fresh = parseYamlUnit(text, newUnit(0), depth);
    if (!cached) this.units.set(text, fresh);
    claimed.add(fresh);
    return fresh;
  }

  /** A whole document's parse (see parseWhole), cached by its text. */
  get(text: string, base: number): ParsedUnit {
    let parsed = this.units.get(text);
    if (parsed && (parsed.generation === this.current || parsed.depth !== 0)) {
      this.parsedCount++;
      return this.use(parseYamlUnit(text, newUnit(base)), base);
    }
    if (!parsed) {
      this.parsedCount++;
      parsed = parseYamlUnit(text, newUnit(base));
      this.units.set(text, parsed);
    }
    return this.use(parsed, base);
  }

  /** Marks a unit as used by this parse, at this offset: it stays cached for the next versions. */
  use(parsed: ParsedUnit & { generation?: number }, base: number): ParsedUnit {
    parsed.unit.base = base;
    parsed.generation = this.current;
    if (!this.units.has(parsed.text)) this.units.set(parsed.text, parsed);
    return parsed;
  }

  /** Starts a new parse; units not used by the previous one are dropped. */
  beginParse(): void {
    for (const [text, parsed] of this.units) {
      if ((parsed.generation ?? -1) < this.current) this.units.delete(text);
    }
    this.current++;
  }
}

/** How a text not parsed yet will be cut, and how far parseUnitsAhead got with parsing its pieces. */
interface PlannedLayout {
  text: string;
  layout: Layout | undefined;
  edit: TextEdit | undefined;
  /** Pieces before this index have their parse. */
  next: number;
  /** Parses given to pieces of this layout (one parse serves one piece only). */
  claimed: Set<ParsedUnit>;
}

/** The cut of `text`: derived from the last parsed document's where only part of it changed. */
function planLayout(text: string, cache: YamlUnitCache): PlannedLayout {
  if (cache.planned?.text === text) return cache.planned;
  let edit: TextEdit | undefined;
  const layout = (cache.layout && relayout(cache.layout, text, (e) => (edit = e))) ?? cutDocument(text);
  const claimed = new Set<ParsedUnit>();
  for (const piece of layout?.units ?? []) if (piece.parsed) claimed.add(piece.parsed);
  cache.planned = { text, layout, edit, next: 0, claimed };
  return cache.planned;
}

/**
 * Parses the pieces of `text` that have no parse yet, one at a time, until `stop()` says so. It is
 * asked only after a first piece, so every call makes progress. A host can then answer other
 * requests between slices of a large document's first parse, and drop the rest when a newer
 * version comes: the pieces parsed so far are re-used by it where their text is unchanged. True
 * when every piece is parsed, or when the document is to be parsed whole (anchors and aliases):
 * that parse is done in one go by parseYamlTemplate.
 */
export function parseUnitsAhead(text: string, cache: YamlUnitCache, stop: () => boolean): boolean {
  const plan = planLayout(text, cache);
  const units = plan.layout?.units ?? [];
  let parsedHere = 0;
  for (; plan.next < units.length; plan.next++) {
    const piece = units[plan.next];
    if (piece.parsed || piece.role === 'resources-header') continue;
    // At least one piece per call, whatever stop() says: every call makes progress.
    if (parsedHere > 0 && stop()) return false;
    piece.parsed = cache.take(piece.text, plan.claimed, depthOf(piece));
    parsedHere++;
    // Anchors and aliases: the document is parsed whole (parseYamlTemplate), not piece by piece.
    if (piece.parsed.usesAliases) return true;
  }
  return true;
}

export function parseYamlTemplate(text: string, cache: YamlUnitCache = new YamlUnitCache()): YamlParseResult {
  const plan = planLayout(text, cache);
  cache.planned = undefined;
  cache.beginParse();
  cache.lastEdit = plan.edit;
  const layout = plan.layout;
  cache.layout = layout;
  if (!layout) return parseWhole(text, cache);

  const sectionUnits = new Map<string, ParsedUnit>();
  const resourceUnits = new Map<string, ParsedUnit>();
  const errors: ParseError[] = [];
  const entries: Entry[] = [];
  const rootUnit = newUnit(0);
  let resourceEntries: Entry[] | undefined;
  let resourcesHeader: LayoutUnit | undefined;
  // Where the resources' mapping starts: its first piece's mapping (a `? key` starts before its key).
  let firstResourceMap: MapNode | undefined;
  // Keys seen so far, to catch one repeated across two pieces (a look-up, not a scan: 1,000 resources).
  const sectionKeys = new Set<string>();
  const resourceKeys = new Set<string>();

  for (const piece of layout.units) {
    if (piece.role === 'resources-header') {
      // A second `Resources:` (or one after a `Resources: value` section) is a duplicate key: the
      // whole-document parser reports it as such.
      if (resourcesHeader || sectionKeys.has('Resources')) return parseWhole(text, cache);
      resourcesHeader = piece;
      resourceEntries = [];
      const keyNode: ScalarNode = { kind: 'scalar', value: 'Resources', unit: rootUnit, start: piece.start, end: piece.start + 'Resources'.length };
      const value: MapNode = { kind: 'map', entries: resourceEntries, unit: rootUnit, start: piece.end, end: piece.end };
      entries.push({ key: 'Resources', keyNode, value });
      sectionKeys.add('Resources');
      continue;
    }
    // Unchanged pieces (and those parsed ahead) keep their parse: no slicing, no lookup by text.
    const parsed = cache.use(piece.parsed ?? cache.take(piece.text, plan.claimed, depthOf(piece)), piece.start);
    piece.parsed = parsed;
    for (const e of parsed.errors) {
      errors.push({ message: e.message, span: { start: e.span.start + piece.start, end: e.span.end + piece.start } });
    }
    if (parsed.usesAliases) return parseWhole(text, cache);
    const map = parsed.root?.kind === 'map' ? parsed.root : undefined;
    // (A tagged scalar, `!Ref X`, is a map in our model: only the parser's own mapping is one here.)
    if (piece.stray && (piece.stray === 'misplaced' || !parsed.rootKeys || parsed.errors.length > 0)) {
      // Not (yet) a key where a resource's key belongs: YAML has an error there, whatever follows.
      if (parsed.errors.length === 0) {
        const at = piece.start + firstContentOffset(piece.text);
        errors.push({ message: strayLineMessage(piece.text, at - piece.start), span: { start: at, end: lineEndAt(text, at) } });
      }
      continue;
    }
    if (!map) {
      // A top-level line that did not parse as a key: let the whole-document parser judge it.
      if (parsed.root && piece.role === 'section') return parseWhole(text, cache);
      continue;
    }
    for (const entry of map.entries) {
      // Pieces are parsed apart, so a key repeated across two of them is caught here, compared as
      // the whole-document parse compares keys.
      const siblings = piece.role === 'resource' ? resourceKeys : sectionKeys;
      const identity = parsed.rootKeys?.get(entry.keyNode.start);
      if (identity !== undefined && siblings.has(identity)) {
        errors.push({ message: `Duplicate key: "${entry.key}" appears twice in the same mapping.`, span: spanOf(entry.keyNode) });
      }
      if (identity !== undefined) siblings.add(identity);
      if (piece.role === 'resource') {
        firstResourceMap ??= map;
        resourceEntries!.push(entry);
        resourceUnits.set(entry.key, parsed);
      } else {
        entries.push(entry);
        sectionUnits.set(entry.key, parsed);
      }
    }
  }
  if (entries.length === 0) return parseWhole(text, cache);
  if (resourcesHeader) {
    // Spans as the whole-document parse gives them: the map from its first entry to the end of its last
    // value; no resource at all is a null value right after the colon.
    const resources = entries.find((e) => e.key === 'Resources')!;
    const last = resourceEntries![resourceEntries!.length - 1];
    if (firstResourceMap && last) {
      resources.value.start = spanOf(firstResourceMap).start;
      resources.value.end = spanOf(last.value).end;
    } else {
      const at = afterColon(text, resourcesHeader.start);
      resources.value = { kind: 'scalar', value: null, unit: rootUnit, start: at, end: at };
    }
  }
  const root: MapNode = { kind: 'map', entries, unit: rootUnit, start: spanOf(entries[0].keyNode).start, end: spanOf(entries[entries.length - 1].value).end };
  return { root, errors, resourceUnits, sectionUnits, incremental: true, anchoredSpans: [] };
}

/** Cuts the whole document into sections and resources, or undefined when it must be parsed whole. */
function cutDocument(text: string): Layout | undefined {
  const cuts = cutTopLevel(text);
  if (!cuts) return undefined;
  const units: LayoutUnit[] = [];
  let resourceIndent = -1;
  for (const cut of cuts) {
    const resources = cutResources(text, cut);
    if (!resources) {
      units.push({ start: cut.start, end: cut.end, text: text.slice(cut.start, cut.end), role: 'section' });
      continue;
    }
    const headerEnd = resources.cuts.length > 0 ? resources.cuts[0].start : cut.end;
    units.push({ start: cut.start, end: headerEnd, text: text.slice(cut.start, headerEnd), role: 'resources-header' });
    for (const rc of resources.cuts) units.push({ start: rc.start, end: rc.end, text: text.slice(rc.start, rc.end), role: 'resource', stray: rc.stray });
    resourceIndent = resources.indent;
  }
  return { text, units, resourceIndent };
}

/**
 * The new layout after an edit, from the previous one: pieces before the edit are found unchanged
 * at their offsets, pieces after it unchanged at offsets moved by the length difference, and only
 * the resources in between are cut again. Undefined when the edit touches anything else.
 */
function relayout(previous: Layout, text: string, onEdit: (edit: TextEdit) => void): Layout | undefined {
  const units = previous.units;
  const before = previous.text;
  const delta = text.length - before.length;
  const prefix = commonPrefixLength(before, text);
  if (prefix === before.length && delta === 0) {
    onEdit({ before, prefix, suffix: 0 });
    return { ...previous, text };
  }
  const suffix = commonSuffixLength(before, text, Math.min(before.length, text.length) - prefix);
  onEdit({ before, prefix, suffix });
  // The lines before the first piece (comments, a `---`) are in no piece: an edit there (with
  // others, in one version) is judged by cutting the document again.
  if (units.length === 0 || prefix < units[0].start) return undefined;
  // Pieces wholly in the common prefix are unchanged in place; wholly in the common suffix, moved by delta.
  let first = 0;
  while (first < units.length && units[first].end <= prefix) first++;
  let last = units.length - 1;
  while (last >= first && units[last].start >= before.length - suffix) last--;
  if (first >= units.length || last < first) return undefined;
  const role = units[first].role;
  for (let k = first; k <= last; k++) if (units[k].role !== role || role === 'resources-header') return undefined;
  const start = units[first].start;
  const end = units[last].end + delta;
  if (end <= start || (start > 0 && text.charCodeAt(start - 1) !== LF) || (end < text.length && text.charCodeAt(end - 1) !== LF)) return undefined;
  const region = role === 'resource' ? cutChildren(text, start, end, previous.resourceIndent) : cutSections(text, start, end);
  if (!region || region.length === 0 || region[0].start !== start) return undefined;
  // Stray lines start a piece only before a section's first key, where they may also change the
  // section's indentation: cut the document again (its pieces' parses are found again by their text).
  if (region[0].stray) return undefined;
  const moved = units.slice(last + 1).map((u) => ({ ...u, start: u.start + delta, end: u.end + delta }));
  const fresh = region.map((c): LayoutUnit => ({ start: c.start, end: c.end, text: text.slice(c.start, c.end), role, stray: c.stray }));
  return { text, units: [...units.slice(0, first), ...fresh, ...moved], resourceIndent: previous.resourceIndent };
}

/** Top-level sections in [start, end), none of them a `Resources:` header (that changes the layout). */
function cutSections(text: string, start: number, end: number): Cut[] | undefined {
  const cuts = cutTopLevel(text.slice(start, end));
  if (!cuts) return undefined;
  const shifted = cuts.map((c) => ({ start: c.start + start, end: c.end + start }));
  return shifted.some((c) => SECTION_HEADER_ONLY.test(text.slice(c.start, contentEnd(text, lineEndAt(text, c.start))))) ? undefined : shifted;
}

/** Compared a chunk at a time: string equality of slices is much faster than a loop over characters. */
const CHUNK = 2048;

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + CHUNK <= limit && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function parseWhole(text: string, cache: YamlUnitCache): YamlParseResult {
  const parsed = cache.get(text, 0);
  return {
    root: parsed.root,
    errors: parsed.errors.map((e) => ({ message: e.message, span: { ...e.span } })),
    resourceUnits: new Map(),
    sectionUnits: new Map(),
    incremental: false,
    anchoredSpans: parsed.anchoredSpans,
  };
}

/** Where the value of the key on the line at `lineStart` begins: after its colon and the blanks after it. */
function afterColon(text: string, lineStart: number): number {
  let at = text.indexOf(':', lineStart) + 1;
  while (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB) at++;
  return at;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const QUESTION = 63;
const CR = 13;
const LF = 10;

/**
 * Cuts the document at each top-level key line, or returns undefined when it must be parsed whole.
 * A line that cannot start a piece (not a key, or indented with a tab) belongs to the piece above
 * it, as in YAML: it continues that piece's last value (a sequence written at the key's own
 * indentation) or is a syntax error that the piece's own parse reports there. A text typed
 * half-way then keeps the rest of the document incremental.
 */
function cutTopLevel(text: string): Cut[] | undefined {
  const cuts: Cut[] = [];
  let pos = 0;
  let seenMarker = false;
  // Runs on every keystroke over the whole document: look at first characters, slice only column-0 lines.
  while (pos < text.length) {
    const lineEnd = lineEndAt(text, pos);
    const first = text.charCodeAt(pos);
    if (first === SPACE || first === HASH || first === LF || isLineBreakCR(text, pos) || pos === lineEnd) {
      // Indented content, blank lines and comments belong to the unit above. Before the first key
      // there is none: only the whole-document parse can say what indented content there is.
      if (cuts.length === 0 && first === SPACE && !/^[ \t]*(?:#.*)?$/.test(text.slice(pos, contentEnd(text, lineEnd)))) return undefined;
    } else if (first === TAB) {
      // A line of blanks with a tab is an error only in its place in the whole document.
      if (cuts.length === 0 || /^[ \t]*\r?$/.test(text.slice(pos, lineEnd))) return undefined;
    } else {
      const line = text.slice(pos, contentEnd(text, lineEnd));
      if (DOCUMENT_MARKER.test(line)) {
        // One `---` may open the document; any other marker makes more than one document.
        if (cuts.length > 0 || seenMarker || !/^---(?:[ \t]+#.*|[ \t]*)$/.test(line)) return undefined;
        seenMarker = true;
      } else if (first === QUESTION || first === COLON) {
        // An explicit key or value: the `yaml` package lets it take in the lines after it in ways
        // the cut does not follow.
        return undefined;
      } else if (TOP_KEY.test(line)) {
        if (cuts.length > 0) cuts[cuts.length - 1].end = pos;
        cuts.push({ start: pos, end: text.length });
      } else if (cuts.length === 0) {
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
function cutResources(text: string, section: Cut): { cuts: Cut[]; indent: number } | undefined {
  const headerEnd = lineEndAt(text, section.start);
  const header = text.slice(section.start, contentEnd(text, headerEnd));
  if (!SECTION_HEADER_ONLY.test(header)) return undefined;
  const firstLine = Math.min(headerEnd + 1, section.end);
  const lead = misplacedLead(text, firstLine, section.end);
  const indent = lead?.indent ?? firstContentIndent(text, firstLine, section.end);
  if (indent === undefined) return { cuts: [], indent: -1 };
  if (indent <= 0) return undefined;
  const cuts = cutChildren(text, lead?.end ?? firstLine, section.end, indent);
  if (!cuts) return undefined;
  return { cuts: lead ? [{ start: firstLine, end: lead.end, stray: 'misplaced' }, ...cuts] : cuts, indent };
}

/** A word at column 0, with nothing that could make YAML read it as part of a value above it. */
const COLUMN0_WORD = /^[A-Za-z0-9_][\w .-]*$/;

/**
 * Words typed at column 0 at the start of a `Resources:` section (`NewQueue`, before its colon and
 * its indentation), and the indentation of the resources after them. YAML rejects such lines
 * whatever follows them, and would take their indentation, 0, for the section's: the whole section
 * would then be one piece, parsed again on every keystroke. They are a piece of their own instead,
 * reported as an error. Undefined when the section does not start so.
 */
function misplacedLead(text: string, start: number, end: number): { end: number; indent: number } | undefined {
  let words = 0;
  let lead: { end: number; indent: number } | undefined;
  forEachContentLine(text, start, end, (pos, first, content) => {
    if (first > pos) {
      if (words > 0 && text.charCodeAt(first) !== TAB && CHILD_KEY.test(content)) lead = { end: pos, indent: first - pos };
      return false;
    }
    if (!COLUMN0_WORD.test(content)) return false;
    words++;
  });
  return lead;
}

/** Indentation of the first line with content (not blank, not a comment) in [start, end); -1 for a tab. */
function firstContentIndent(text: string, start: number, end: number): number | undefined {
  let indent: number | undefined;
  forEachContentLine(text, start, end, (pos, first) => {
    indent = text.charCodeAt(first) === TAB ? -1 : first - pos;
    return false;
  });
  return indent;
}

/**
 * Calls `visit` for each line with content (not blank, not a comment) in [start, end), until it
 * returns false: with where the line starts, where its content starts after the spaces, and that
 * content (without a CRLF line ending). Runs over a whole section on a cut: no slice for other lines.
 */
function forEachContentLine(text: string, start: number, end: number, visit: (pos: number, first: number, content: string) => boolean | void): void {
  for (let pos = start; pos < end; ) {
    const lineEnd = Math.min(lineEndAt(text, pos), end);
    let first = pos;
    while (first < lineEnd && text.charCodeAt(first) === SPACE) first++;
    const c = text.charCodeAt(first);
    if (first < lineEnd && c !== HASH && !isLineBreakCR(text, first)) {
      if (visit(pos, first, text.slice(first, contentEnd(text, lineEnd))) === false) return;
    }
    pos = lineEnd + 1;
  }
}

/**
 * Cuts [start, end) at every line holding a key at exactly `indent`. Lines before the first key
 * (text typed where a key belongs, `  NewBuck` before its colon), and a word typed at column 0
 * between two resources, are stray pieces of their own, so that the keys after them are still cut.
 * Undefined when no such key follows (the text is not a block mapping at that indentation), or
 * when a top-level key or a document marker is met (the document's layout changed). Any other line
 * that cannot start a piece belongs to the piece above it, as in cutTopLevel.
 */
function cutChildren(text: string, start: number, end: number, indent: number): Cut[] | undefined {
  const cuts: Cut[] = [];
  let cutAgain = false;
  const giveUp = () => {
    cutAgain = true;
    return false;
  };
  forEachContentLine(text, start, end, (pos, first, content) => {
    const lineIndent = first - pos;
    const c = text.charCodeAt(first);
    // (`content` has no CRLF line ending, as in cutTopLevel: a CRLF key line is a key line.)
    if (lineIndent === indent && c !== TAB && CHILD_KEY.test(content)) {
      if (cuts.length > 0) cuts[cuts.length - 1].end = pos;
      cuts.push({ start: pos, end });
    } else if (lineIndent === 0 && c !== TAB) {
      // Column 0 ends the section in YAML (a top-level key the key pattern may not know, `? key`,
      // a marker...): the document is cut again from the top. A word typed there between two
      // resources is an error whatever follows: a piece of its own keeps the others cut.
      if (cuts.length === 0 || !COLUMN0_WORD.test(content)) return giveUp();
      cuts[cuts.length - 1].end = pos;
      cuts.push({ start: pos, end, stray: 'misplaced' });
    } else if (c === TAB && /^[ \t]*$/.test(content)) {
      // A line of blanks with a tab: an error only in its place in the whole document.
      return giveUp();
    } else if (lineIndent <= indent && (c === COLON || c === QUESTION)) {
      // An explicit key or value at the resources' indentation or less: the `yaml` package lets
      // it take in the keys after it, or reads it as an entry of the mapping above.
      return giveUp();
    } else if (cuts.length === 0) {
      // Only at the section's own indentation (or deeper): less would end the section in YAML.
      // A block scalar, a flow collection or a quoted string there is the section's value, over
      // lines that look like keys: only the whole-document parse reads it right.
      if (lineIndent < indent || c === TAB || MULTI_LINE_VALUE_START.test(content)) return giveUp();
      cuts.push({ start: pos, end, stray: 'lead' });
    }
  });
  if (cutAgain || (cuts.length === 1 && cuts[0].stray)) return undefined;
  return cuts;
}

/**
 * A CR is a line break only before LF: YAML (as the `yaml` package reads it) takes a CR anywhere
 * else as content, even at the very end of the text.
 */
function isLineBreakCR(text: string, at: number): boolean {
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF;
}

/** Where the content of the line that ends at `lineEnd` (its LF, or the end of the text) ends. */
function contentEnd(text: string, lineEnd: number): number {
  return isLineBreakCR(text, lineEnd - 1) ? lineEnd - 1 : lineEnd;
}

/** How deep a piece's mapping is in the document: a resource's (and stray lines') is inside `Resources`. */
function depthOf(piece: LayoutUnit): number {
  return piece.role === 'resource' ? 1 : 0;
}

/** Offset of the first character that is not a blank or a line break. */
function firstContentOffset(text: string): number {
  const m = /[^\s]/.exec(text);
  return m ? m.index : 0;
}

function lineEndAt(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}
