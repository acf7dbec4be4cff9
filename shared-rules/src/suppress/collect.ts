import type { LineIndex } from '../model/line-index';
import { isMap, isSeq, scalarString, spanOf, valueOf, visitNodesOnce, type MapNode, type Node } from '../model/nodes';
import type { Resource, Template } from '../model/template';
import type { Rule } from '../rules/rule';
import type { Span, Syntax } from '../types';
import { peerMap, rulesForPeer, rulesWithPeer, type PeerMap } from './peers';
import { isValidDate, parseDirective } from './syntax';
import type { Suppression, SuppressionProblem, SuppressionScope, SuppressionSource } from './types';

/**
 * Finds the suppressions written in a template: Infralint's comments and `Metadata`, and the
 * other tools' forms it honours (see README, "Configuration and suppressions").
 */
export interface CollectInput {
  text: string;
  syntax: Syntax;
  template: Template;
  lines: LineIndex;
  rules: readonly Rule[];
  /** `YYYY-MM-DD`, for expiry. */
  today: string;
}

export interface Collected {
  suppressions: Suppression[];
  problems: SuppressionProblem[];
}

/** Words that make a comment worth a closer look; a text without any has no suppression comment. */
const MARKERS = /infralint-|checkov:skip|tfsec:ignore|trivy:ignore|kics-scan/g;

export function collectSuppressions(input: CollectInput): Collected {
  const out: Collected = { suppressions: [], problems: [] };
  const collector = new Collector(input, out);
  collector.metadata();
  if (input.syntax === 'yaml') collector.comments();
  return out;
}

interface Comment {
  /** Offset of `#`. */
  start: number;
  /** End of the comment (end of line, trailing blanks excluded). */
  end: number;
  /** Text after `#`. */
  body: string;
  line: number;
  column: number;
  /** Nothing but blanks before it on its line. */
  ownLine: boolean;
}

interface Target {
  scope: SuppressionScope;
  line?: number;
  covers?: Span;
  resource?: string;
}

class Collector {
  private readonly peers: PeerMap;
  private readonly ruleIds: Set<string>;
  private lineStarts?: number[];
  private scalarSpans?: Span[];
  private entriesByLine?: Map<number, Span>;
  private resourcesByKeyLine?: Map<number, Resource>;
  private resourcesByStart?: Resource[];

  constructor(private readonly input: CollectInput, private readonly out: Collected) {
    this.peers = peerMap(input.rules);
    this.ruleIds = new Set(input.rules.map((r) => r.meta.id));
  }

  // -------------------------------------------------------------------------------------------
  // Metadata (YAML and JSON)

  metadata(): void {
    const { template } = this.input;
    if (isMap(template.root)) {
      const meta = valueOf(template.root, 'Metadata');
      if (isMap(meta)) this.metadataOf(meta, { scope: 'file' });
    }
    for (const resource of template.resources) {
      if (!isMap(resource.node)) continue;
      const meta = valueOf(resource.node, 'Metadata');
      if (isMap(meta)) this.metadataOf(meta, this.resourceTarget(resource), resource.logicalId);
    }
  }

  private metadataOf(meta: MapNode, target: Target, resource?: string): void {
    // Infralint: Metadata.infralint.suppress: [{ rule, reason?, until? }]
    const own = valueOf(meta, 'infralint');
    if (own !== undefined) {
      const list = isMap(own) ? valueOf(own, 'suppress') : undefined;
      if (!isSeq(list)) {
        this.problem(own, 'Metadata.infralint must be a mapping with a `suppress` list of { rule, reason, until } entries; it is ignored.', resource);
      } else {
        for (const item of list.items) this.ownMetadataEntry(item, target, resource);
      }
    }
    // checkov: Metadata.checkov.skip: [{ id, comment }]
    const checkov = valueOf(meta, 'checkov');
    const skips = isMap(checkov) ? valueOf(checkov, 'skip') : undefined;
    if (isSeq(skips) && target.scope === 'resource') {
      for (const item of skips.items) {
        const id = isMap(item) ? scalarString(valueOf(item, 'id')) : undefined;
        if (id) this.peer('checkov', 'metadata', [id], item, target, scalarString(isMap(item) ? valueOf(item, 'comment') : undefined));
      }
    }
    // cfn_nag: Metadata.cfn_nag.rules_to_suppress: [{ id, reason }]
    const nag = valueOf(meta, 'cfn_nag');
    const nagList = isMap(nag) ? valueOf(nag, 'rules_to_suppress') : undefined;
    if (isSeq(nagList) && target.scope === 'resource') {
      for (const item of nagList.items) {
        const id = isMap(item) ? scalarString(valueOf(item, 'id')) : undefined;
        if (id) this.peer('cfn_nag', 'metadata', [id], item, target, scalarString(isMap(item) ? valueOf(item, 'reason') : undefined));
      }
    }
    // cfn-lint: Metadata.cfn-lint.config.ignore_checks: [W3005, ...] (resource or template)
    const lint = valueOf(meta, 'cfn-lint');
    const lintConfig = isMap(lint) ? valueOf(lint, 'config') : undefined;
    const ignore = isMap(lintConfig) ? valueOf(lintConfig, 'ignore_checks') : undefined;
    if (isSeq(ignore)) {
      for (const item of ignore.items) {
        const id = scalarString(item);
        if (id) this.peer('cfn-lint', 'metadata', [id], item, target);
      }
    }
  }

  private ownMetadataEntry(item: Node, target: Target, resource?: string): void {
    if (!isMap(item)) {
      this.problem(item, 'Each Metadata.infralint.suppress entry must be a mapping { rule, reason, until }; it is ignored.', resource);
      return;
    }
    const rule = scalarString(valueOf(item, 'rule'));
    const reason = scalarString(valueOf(item, 'reason'));
    const untilNode = valueOf(item, 'until');
    const until = untilNode !== undefined ? scalarString(untilNode) : undefined;
    for (const e of item.entries) {
      if (!['rule', 'reason', 'until'].includes(e.key)) {
        this.problem(e.keyNode, `Unknown key '${e.key}' in a Metadata.infralint.suppress entry (expected rule, reason, until); the entry is ignored.`, resource);
        return;
      }
    }
    if (!rule) {
      this.problem(item, 'This Metadata.infralint.suppress entry names no `rule`; it is ignored.', resource);
      return;
    }
    if (untilNode !== undefined && (until === undefined || !isValidDate(until))) {
      this.problem(untilNode, `'${until ?? ''}' is not a valid expiry date (expected YYYY-MM-DD); the suppression is ignored.`, resource);
      return;
    }
    this.own('metadata', [rule], item, target, reason, until, resource);
  }

  // -------------------------------------------------------------------------------------------
  // Comments (YAML)

  comments(): void {
    const { text } = this.input;
    MARKERS.lastIndex = 0;
    let lastLine = -1;
    for (let m = MARKERS.exec(text); m; m = MARKERS.exec(text)) {
      const line = this.lineOf(m.index);
      if (line === lastLine) continue;
      lastLine = line;
      const comment = this.commentOnLine(line);
      if (comment && comment.start < m.index) this.comment(comment);
    }
  }

  private comment(c: Comment): void {
    const body = c.body.trim();
    const span = { start: c.start, end: c.end };
    const directive = parseDirective(body);
    if (directive) {
      const resource = directive.scope === 'resource' ? this.resourceForComment(c) : undefined;
      if (directive.problems.length > 0) {
        for (const p of directive.problems) this.problemAt(span, p);
        return;
      }
      let target: Target | undefined;
      switch (directive.scope) {
        case 'line':
          target = { scope: 'line', line: c.line };
          break;
        case 'next-line':
          target = { scope: 'next-line', line: this.nextCodeLine(c.line) ?? c.line + 1 };
          break;
        case 'resource':
          if (!resource) {
            this.problemAt(span, 'infralint-disable-resource must be inside a resource, or on the lines just above its key; it is ignored.');
            return;
          }
          target = this.resourceTarget(resource);
          break;
        default:
          target = { scope: 'file' };
      }
      this.own('comment', directive.ids, span, target, directive.reason, directive.until, target.resource);
      return;
    }

    // checkov:skip=CKV_AWS_18[:reason] — for the resource it is in (or just above).
    const checkov = /checkov:skip=([A-Za-z0-9_,]+)(?::(.*))?/.exec(body);
    if (checkov) {
      const resource = this.resourceForComment(c);
      if (resource) this.peer('checkov', 'comment', checkov[1].split(','), span, this.resourceTarget(resource), checkov[2]?.trim() || undefined);
    }
    // tfsec:ignore:<id>[:exp:YYYY-MM-DD] / trivy:ignore:<id>[...] — this line, or the next one (or resource).
    const ignoreRe = /\b(tfsec|trivy):ignore:([^\s:]+)((?::[^\s:]+:[^\s:]+)*)/g;
    for (let m = ignoreRe.exec(body); m; m = ignoreRe.exec(body)) {
      const exp = /:exp:(\d{4}-\d{2}-\d{2})/.exec(m[3]);
      const source = m[1] as 'tfsec' | 'trivy';
      // tfsec and trivy share their check ids (trivy took over tfsec's); both map through `trivy` references.
      const ruleIds = rulesForPeer(this.peers, 'trivy', m[2]);
      this.add({ source, origin: 'comment', ids: [m[2]], ruleIds, span, until: exp?.[1] }, this.lineOrNextTarget(c));
    }
    // kics-scan ignore-line | ignore-block | ignore | disable=<id>,<id>
    const kics = /kics-scan\s+(ignore-line|ignore-block|ignore|disable=(\S+))(?:\s|$)/.exec(body);
    if (kics) {
      const all = rulesWithPeer(this.peers, 'kics');
      if (kics[1] === 'ignore-line') {
        this.add({ source: 'kics', origin: 'comment', ids: ['ignore-line'], ruleIds: all, span }, c.ownLine ? { scope: 'next-line', line: this.nextCodeLine(c.line) ?? c.line + 1 } : { scope: 'line', line: c.line });
      } else if (kics[1] === 'ignore-block') {
        this.add({ source: 'kics', origin: 'comment', ids: ['ignore-block'], ruleIds: all, span }, this.blockTarget(c));
      } else if (kics[1] === 'ignore') {
        this.add({ source: 'kics', origin: 'comment', ids: ['ignore'], ruleIds: all, span }, { scope: 'file' });
      } else {
        const ids = kics[2]!.split(',').filter(Boolean);
        this.peer('kics', 'comment', ids, span, { scope: 'file' });
      }
    }
  }

  /** tfsec/trivy: a trailing comment covers its line; one on its own line the next line, or the resource whose key that is. */
  private lineOrNextTarget(c: Comment): Target {
    if (!c.ownLine) return { scope: 'line', line: c.line };
    const next = this.nextCodeLine(c.line);
    const resource = next !== undefined ? this.resourceKeyLines().get(next) : undefined;
    if (resource && this.indentOf(next!) >= c.column) return this.resourceTarget(resource);
    return { scope: 'next-line', line: next ?? c.line + 1 };
  }

  /** kics ignore-block: the mapping entry that starts on the next line, with everything under it. */
  private blockTarget(c: Comment): Target {
    const next = this.nextCodeLine(c.line);
    if (next === undefined) return { scope: 'next-line', line: c.line + 1 };
    const resource = this.resourceKeyLines().get(next);
    if (resource) return this.resourceTarget(resource);
    const entry = this.entryLines().get(next);
    return entry ? { scope: 'block', covers: entry } : { scope: 'next-line', line: next };
  }

  private resourceTarget(resource: Resource): Target {
    const key = spanOf(resource.keyNode);
    return { scope: 'resource', resource: resource.logicalId, covers: { start: key.start, end: Math.max(key.end, spanOf(resource.node).end) } };
  }

  // -------------------------------------------------------------------------------------------
  // Building suppressions

  private own(origin: 'comment' | 'metadata', ids: string[], at: Node | Span, target: Target, reason?: string, until?: string, resource?: string): void {
    const span = 'kind' in at ? spanOf(at) : at;
    const known: string[] = [];
    for (const id of ids) {
      if (this.ruleIds.has(id)) known.push(id);
      else this.problemAt(span, `'${id}' is not an Infralint rule id (see \`infralint rules\`); it is not suppressed.`, resource);
    }
    if (known.length === 0) return;
    this.add({ source: 'infralint', origin, ids: known, ruleIds: known, span, reason, until }, target);
  }

  private peer(source: SuppressionSource, origin: 'comment' | 'metadata', ids: string[], at: Node | Span, target: Target, reason?: string): void {
    const tool = source === 'tfsec' ? 'trivy' : (source as 'checkov' | 'cfn_nag' | 'cfn-lint' | 'kics' | 'trivy');
    const ruleIds = [...new Set(ids.flatMap((id) => rulesForPeer(this.peers, tool, id)))];
    const span = 'kind' in at ? spanOf(at) : at;
    this.add({ source, origin, ids, ruleIds, span, reason }, target);
  }

  private add(
    s: { source: SuppressionSource; origin: 'comment' | 'metadata'; ids: string[]; ruleIds: string[]; span: Span; reason?: string; until?: string },
    target: Target,
  ): void {
    const expired = s.until !== undefined && s.until < this.input.today;
    this.out.suppressions.push({
      source: s.source,
      origin: s.origin,
      scope: target.scope,
      ids: s.ids,
      ruleIds: s.ruleIds,
      ...(s.reason !== undefined ? { reason: s.reason } : {}),
      ...(s.until !== undefined ? { until: s.until } : {}),
      expired,
      span: s.span,
      range: this.input.lines.rangeOf(s.span),
      ...(target.line !== undefined ? { line: target.line } : {}),
      ...(target.covers !== undefined ? { covers: target.covers } : {}),
      ...(target.resource !== undefined ? { resource: target.resource } : {}),
      suppressed: [],
    });
  }

  private problem(node: Node | { unit: Node['unit']; start: number; end: number }, message: string, resource?: string): void {
    this.problemAt(spanOf(node), message, resource);
  }

  private problemAt(span: Span, message: string, resource?: string): void {
    this.out.problems.push({ span, message, ...(resource !== undefined ? { resource } : {}) });
  }

  // -------------------------------------------------------------------------------------------
  // Text helpers (YAML)

  private starts(): number[] {
    if (!this.lineStarts) {
      const { text } = this.input;
      const starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  private lineOf(offset: number): number {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private lineBounds(line: number): { start: number; end: number } {
    const starts = this.starts();
    const start = starts[line];
    let end = line + 1 < starts.length ? starts[line + 1] - 1 : this.input.text.length;
    if (this.input.text[end - 1] === '\r') end--;
    return { start, end };
  }

  private indentOf(line: number): number {
    const { start, end } = this.lineBounds(line);
    let i = start;
    while (i < end && (this.input.text[i] === ' ' || this.input.text[i] === '\t')) i++;
    return i - start;
  }

  /** Scalars (keys and values) of the parsed template, sorted: a `#` inside one is text, not a comment. */
  private spans(): Span[] {
    if (!this.scalarSpans) {
      const spans: Span[] = [];
      visitNodesOnce(this.input.template.root, (node, entry) => {
        if (entry) spans.push(spanOf(entry.keyNode));
        if (node.kind === 'scalar') spans.push(spanOf(node));
      });
      spans.sort((a, b) => a.start - b.start);
      this.scalarSpans = spans;
    }
    return this.scalarSpans;
  }

  private insideScalar(offset: number): boolean {
    const spans = this.spans();
    let lo = 0;
    let hi = spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // Spans do not nest; look back a little in case of zero-width or touching spans.
    for (let i = found; i >= 0 && i >= found - 2; i--) if (spans[i].start <= offset && offset < spans[i].end) return true;
    return false;
  }

  /** The real YAML comment on a line: a `#` at the line start or after a blank, outside every scalar. */
  private commentOnLine(line: number): Comment | undefined {
    const { text } = this.input;
    const { start, end } = this.lineBounds(line);
    for (let p = text.indexOf('#', start); p >= 0 && p < end; p = text.indexOf('#', p + 1)) {
      if (p > start && text[p - 1] !== ' ' && text[p - 1] !== '\t') continue;
      if (this.insideScalar(p)) continue;
      let e = end;
      while (e > p && /\s/.test(text[e - 1])) e--;
      return { start: p, end: e, body: text.slice(p + 1, e), line, column: p - start, ownLine: text.slice(start, p).trim() === '' };
    }
    return undefined;
  }

  /** The first line after `line` that is neither blank nor only a comment. */
  private nextCodeLine(line: number): number | undefined {
    const count = this.starts().length;
    for (let l = line + 1; l < count; l++) {
      const { start, end } = this.lineBounds(l);
      const content = this.input.text.slice(start, end).trim();
      if (content === '') continue;
      if (content.startsWith('#') && !this.insideScalar(start + this.indentOf(l))) continue;
      return l;
    }
    return undefined;
  }

  private resourceKeyLines(): Map<number, Resource> {
    if (!this.resourcesByKeyLine) {
      this.resourcesByKeyLine = new Map();
      for (const r of this.input.template.resources) {
        const line = this.lineOf(spanOf(r.keyNode).start);
        if (!this.resourcesByKeyLine.has(line)) this.resourcesByKeyLine.set(line, r);
      }
    }
    return this.resourcesByKeyLine;
  }

  /** Mapping entries by the line their key is on: key start to value end. */
  private entryLines(): Map<number, Span> {
    if (!this.entriesByLine) {
      const map = new Map<number, Span>();
      visitNodesOnce(this.input.template.root, (node, entry) => {
        if (!entry) return;
        const key = spanOf(entry.keyNode);
        const line = this.lineOf(key.start);
        if (!map.has(line)) map.set(line, { start: key.start, end: Math.max(key.end, spanOf(node).end) });
      });
      this.entriesByLine = map;
    }
    return this.entriesByLine;
  }

  /**
   * The resource a comment is about: the one whose key is on the next code line (when the comment
   * is on its own line, indented no further than that key), else the one the comment is inside.
   */
  private resourceForComment(c: Comment): Resource | undefined {
    if (c.ownLine) {
      const next = this.nextCodeLine(c.line);
      const below = next !== undefined ? this.resourceKeyLines().get(next) : undefined;
      if (below && c.column <= this.indentOf(next!)) return below;
    }
    if (!this.resourcesByStart) {
      this.resourcesByStart = [...this.input.template.resources].sort((a, b) => spanOf(a.keyNode).start - spanOf(b.keyNode).start);
    }
    let candidate: Resource | undefined;
    for (const r of this.resourcesByStart) {
      if (spanOf(r.keyNode).start <= c.start) candidate = r;
      else break;
    }
    if (!candidate) return undefined;
    const key = spanOf(candidate.keyNode);
    if (c.start <= spanOf(candidate.node).end) return candidate;
    // After the resource's last value (a trailing comment): inside while indented deeper than the
    // key and no less-indented content came in between.
    const keyLine = this.lineOf(key.start);
    const keyIndent = this.indentOf(keyLine);
    if (c.column <= keyIndent) return undefined;
    for (let l = keyLine + 1; l < c.line; l++) {
      const { start, end } = this.lineBounds(l);
      const content = this.input.text.slice(start, end).trim();
      if (content === '' || content.startsWith('#')) continue;
      if (this.indentOf(l) <= keyIndent) return undefined;
    }
    return candidate;
  }
}

