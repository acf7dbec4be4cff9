import { buildTemplate, type Resource, type Template } from './model/template';
import { newUnit, spanOf, type ScalarNode } from './model/nodes';
import { LineIndex } from './model/line-index';
import { parseJson } from './parse/json';
import { limitParseErrors } from './parse/errors';
import { parseUnitsAhead, parseYamlTemplate, YamlUnitCache } from './parse/yaml-document';
import {
  isResourceCheck,
  makeResourceContext,
  makeTemplateContext,
  type CloudFormationTemplateCheck,
  type Report,
  type Rule,
} from './rules/rule';
import { allRules } from './rules/index';
import { EditBuilder, type TextChange } from './fix/edit-builder';
import { compareFindings, type Finding, type LintResult, type Severity, type Syntax } from './types';
import { finalizeFindings } from './config/finalize';
import { suppressionEdits } from './suppress/quick-fix';
import type { LintConfig } from './config/types';

export const PARSE_ERROR = 'parse-error';
export const INTERNAL_ERROR = 'internal-error';

/**
 * Texts longer than this (in characters) are not parsed. CloudFormation itself takes templates of
 * at most 1 MB; parsing 20 MB would hold an editor for seconds on every keystroke.
 */
export const MAX_TEMPLATE_LENGTH = 5 * 1024 * 1024;
export const TOO_LARGE_REASON = `larger than ${MAX_TEMPLATE_LENGTH / (1024 * 1024)} MB, not checked (CloudFormation accepts templates of at most 1 MB)`;

export interface LintOptions {
  /** Used to choose the parser (`.json` is JSON) when `syntax` is not given. */
  fileName?: string;
  syntax?: Syntax;
  /** Rule severities, minimum severity, suppression settings: applied after the rules ran (see config/). */
  config?: LintConfig;
  /**
   * Rules not to run on this document, each with why (see host/time-budget.ts: a rule that ran past
   * the time budget): each is reported once as an internal-error naming it; the others run as usual.
   */
  stoppedRules?: ReadonlyMap<string, string>;
}

interface RawFinding extends Report {
  ruleId: string;
  severity: Severity;
}

interface CachedResourceFindings {
  contextKey: string;
  findings: RawFinding[];
}

/** Chooses JSON or YAML: a `.json` name, or text whose first non-blank character opens a JSON object. */
export function detectSyntax(text: string, fileName?: string): Syntax {
  if (fileName && /\.json$/i.test(fileName)) return 'json';
  if (fileName && /\.ya?ml$/i.test(fileName)) return 'yaml';
  return /^\uFEFF?\s*\{/.test(text) ? 'json' : 'yaml';
}

/**
 * Lints one document at a time. Keep one Linter per open document: it re-uses the parse of
 * unchanged template sections and the findings of unchanged resources between versions.
 */
export class Linter {
  private readonly yamlCache = new YamlUnitCache();
  private resourceFindings = new Map<string, CachedResourceFindings>();
  private templateFindings = new Map<Rule, CachedResourceFindings>();
  private readonly rulesByType = new Map<string, Rule[]>();
  private readonly templateRules: Rule[] = [];
  private running: string | undefined;
  /** How long each rule's checks took on the text being prepared (see slowestRule). */
  private ruleMs = new Map<string, number>();
  /** Rules stopped on this document (see host/time-budget.ts), with why: they stay stopped for its later versions. */
  private readonly stopped = new Map<string, string>();
  /** The last text's line index: the next one is derived from it where only part of the text changed. */
  private lines?: LineIndex;
  /** The stopped rules the cached findings were computed without (sorted ids). */
  private cachedWithout = '';
  /**
   * The template prepare() built for a text, and how far it got with its resources' rules. The
   * findings of resources without a parse of their own (a template parsed whole, JSON) are kept
   * here: the lint of that text takes them, computed without the same stopped rules.
   */
  private prepared?: {
    text: string;
    syntax: Syntax;
    template: Template;
    nextResource: number;
    without: string;
    findings: Map<Resource, RawFinding[]>;
  };

  constructor(private readonly rules: readonly Rule[] = allRules) {
    for (const rule of rules) {
      const check = rule.cloudformation;
      if (isResourceCheck(check)) {
        for (const type of check.resourceTypes) {
          const list = this.rulesByType.get(type) ?? [];
          list.push(rule);
          this.rulesByType.set(type, list);
        }
      } else {
        this.templateRules.push(rule);
      }
    }
  }

  /** A Linter with the same rules and stopped rules, and empty caches. */
  fresh(): Linter {
    const linter = new Linter(this.rules);
    for (const [id, reason] of this.stopped) linter.stop(id, reason);
    return linter;
  }

  /** Stops a rule on this document from now on; it is reported once per lint as an internal-error. */
  stop(ruleId: string, reason: string): void {
    this.stopped.set(ruleId, reason);
  }

  get stoppedRules(): ReadonlyMap<string, string> {
    return this.stopped;
  }

  /** The id of the rule whose check is running now (read when a time budget interrupts a lint). */
  get ruleInProgress(): string | undefined {
    return this.running;
  }

  /**
   * The rule whose checks took longest on the text prepare() works on, and how long, over all
   * its steps. When a version's time budget runs out between two rules, this names the rule
   * that used it (a rule slow on every resource runs in many short steps).
   */
  get slowestRule(): { id: string; ms: number } | undefined {
    let slowest: { id: string; ms: number } | undefined;
    for (const [id, ms] of this.ruleMs) if (!slowest || ms > slowest.ms) slowest = { id, ms };
    return slowest;
  }

  /** How much work the caches saved, for tests and benchmarks. */
  get stats(): { parsedUnits: number } {
    return { parsedUnits: this.yamlCache.parsedCount };
  }

  /**
   * Does ahead, in steps, the work of lint(text): parses the pieces of a YAML template one by one,
   * builds the template, then runs the rules of one resource after the other. Between two steps it
   * stops when `stop()` says so (asked after the first step, so each call makes progress), and
   * returns true once what is left for lint(text) is quick. A host calls it in slices, with other
   * work in between, before the lint: the first lint of a large template then never holds it for
   * long, and a newer version can replace it half-way (what was done for unchanged pieces is
   * re-used). Not split: the parse of a template that is parsed whole (JSON, YAML with aliases).
   */
  prepare(text: string, options: Pick<LintOptions, 'fileName' | 'syntax' | 'stoppedRules'>, stop: () => boolean): boolean {
    const syntax = options.syntax ?? detectSyntax(text, options.fileName);
    if (text.length > MAX_TEMPLATE_LENGTH) return true;
    const stopped = this.stoppedWith(options.stoppedRules);
    const without = stoppedKey(stopped);
    // Each call does at least one step of work (a piece, the template, a resource) before stop() is asked.
    let worked = false;
    if (this.prepared?.text !== text || this.prepared.syntax !== syntax || this.prepared.without !== without) {
      this.ruleMs.clear();
      const parsedBefore = this.yamlCache.parsedCount;
      if (syntax === 'yaml' && !parseUnitsAhead(text, this.yamlCache, stop)) return false;
      worked = this.yamlCache.parsedCount > parsedBefore;
      if (worked && stop()) return false;
      // Cleared first: should the parse throw, no template of an older text may be left for lint().
      this.prepared = undefined;
      this.prepared = { text, syntax, template: this.parse(text, syntax), nextResource: 0, without, findings: new Map() };
      worked = true;
    }
    const prepared = this.prepared;
    const template = prepared.template;
    if (!template.isCloudFormation) return true;
    this.keepCacheFor(stopped);
    for (; prepared.nextResource < template.resources.length; prepared.nextResource++) {
      const resource = template.resources[prepared.nextResource];
      const rules = resource.type ? this.rulesByType.get(resource.type) : undefined;
      if (!rules) continue;
      if (resource.parseId !== undefined && this.resourceFindings.get(resource.parseId)?.contextKey === template.contextKey) continue;
      if (worked && stop()) return false;
      const findings = this.checkResource(template, resource, rules, stopped);
      if (resource.parseId !== undefined) this.resourceFindings.set(resource.parseId, { contextKey: template.contextKey, findings });
      else prepared.findings.set(resource, findings);
      worked = true;
    }
    return true;
  }

  lint(text: string, options: LintOptions = {}): LintResult {
    const syntax = options.syntax ?? detectSyntax(text, options.fileName);
    if (text.length > MAX_TEMPLATE_LENGTH) return { syntax, findings: [], skippedReason: TOO_LARGE_REASON, tooLarge: true };
    const prepared = this.prepared?.text === text && this.prepared.syntax === syntax ? this.prepared : undefined;
    this.prepared = undefined;
    const template = prepared?.template ?? this.parse(text, syntax);
    const edit = syntax === 'yaml' ? this.yamlCache.lastEdit : undefined;
    const lines =
      this.lines && edit && edit.before === this.lines.text ? LineIndex.afterEdit(this.lines, text, edit.prefix, edit.suffix) : new LineIndex(text);
    this.lines = lines;
    let builder: EditBuilder | undefined;
    const toFinding = (raw: RawFinding): Finding => {
      const span = spanOf(raw.at);
      // Assigned, not spread: this runs for every finding on every keystroke.
      const finding: Finding = { ruleId: raw.ruleId, severity: raw.severity, message: raw.message, span, range: lines.rangeOf(span) };
      if (raw.resource !== undefined) finding.resource = raw.resource;
      // Where inline suppressions are forbidden, none is offered either.
      if (raw.ruleId !== PARSE_ERROR && raw.ruleId !== INTERNAL_ERROR && options.config?.allowInlineSuppressions !== false) {
        finding.suppress = (scope, reason) =>
          suppressionEdits(text, syntax, template, finding, scope, reason).map((c) => ({
            span: { start: c.start, end: c.end },
            range: lines.rangeOf(c),
            newText: c.newText,
          }));
      }
      const fix = raw.fix;
      if (fix) {
        finding.fix = {
          title: fix.title,
          kind: fix.kind,
          edits: () => {
            builder ??= new EditBuilder(text, syntax);
            const changes = fix.edits(builder).filter((c): c is TextChange => c !== undefined);
            // A fix inside an anchored value would also change every place that aliases it: none then.
            if (changes.some((c) => touchesAnchoredValue(template, c))) return [];
            // The last guard of "a fix never damages a template": no edit outside the text or backwards.
            if (changes.some((c) => c.start < 0 || c.end < c.start || c.end > text.length)) return [];
            return changes.map((c) => ({ span: { start: c.start, end: c.end }, range: lines.rangeOf(c), newText: c.newText }));
          },
        };
      }
      return finding;
    };

    if (!template.isCloudFormation) {
      return { syntax, findings: [], skippedReason: 'not a CloudFormation template' };
    }
    const documentUnit = newUnit(0);
    const raw: RawFinding[] = limitParseErrors(template.errors).map((e) => ({
      ruleId: PARSE_ERROR,
      severity: 'error' as const,
      message: e.message,
      at: { unit: documentUnit, start: e.span.start, end: e.span.end },
    }));
    const stopped = this.stoppedWith(options.stoppedRules);
    for (const [id, reason] of stopped ?? []) raw.push(stoppedRuleFinding(id, reason));
    // Not push(...): a template of 40,000 resources has more findings than a call has arguments.
    const ready = prepared && prepared.without === stoppedKey(stopped) ? prepared.findings : undefined;
    for (const finding of this.runRules(template, stopped, ready)) raw.push(finding);
    const findings = raw.map(toFinding);
    findings.sort(compareFindings);
    // Configuration and suppressions apply to the results, never to the cached per-resource findings.
    const final = finalizeFindings({ text, syntax, template, lines, rules: this.rules, findings, config: options.config });
    if (final.skippedReason) return { syntax, findings: [], skippedReason: final.skippedReason };
    return { format: 'cloudformation', syntax, findings: final.findings, suppressions: final.suppressions };
  }

  private parse(text: string, syntax: Syntax): Template {
    if (syntax === 'json') {
      const parsed = parseJson(text);
      return buildTemplate('json', parsed.root, parsed.errors);
    }
    const parsed = parseYamlTemplate(text, this.yamlCache);
    if (!parsed.incremental) {
      const template = buildTemplate('yaml', parsed.root, parsed.errors);
      if (parsed.anchoredSpans.length > 0) template.anchoredSpans = parsed.anchoredSpans;
      return template;
    }
    const ids = (units: Map<string, { unit: { id: number } }>) => new Map([...units].map(([k, u]) => [k, u.unit.id]));
    return buildTemplate('yaml', parsed.root, parsed.errors, {
      sectionUnitIds: ids(parsed.sectionUnits),
      resourcesParsedApart: true,
    });
  }

  /** The rules stopped on this document, with those the host stops too. */
  private stoppedWith(also?: ReadonlyMap<string, string>): ReadonlyMap<string, string> | undefined {
    return this.stopped.size === 0 ? also : new Map([...(also ?? []), ...this.stopped]);
  }

  /** Cached findings hold for the same set of stopped rules only: drops them when it changed. */
  private keepCacheFor(stopped?: ReadonlyMap<string, string>): void {
    const without = stoppedKey(stopped);
    if (without !== this.cachedWithout) {
      this.resourceFindings = new Map();
      this.templateFindings = new Map();
      this.cachedWithout = without;
    }
  }

  /** Runs a resource's rules (those not stopped); a rule that throws is reported, not fatal. */
  private checkResource(template: Template, resource: Resource, rules: readonly Rule[], stopped?: ReadonlyMap<string, string>): RawFinding[] {
    const findings: RawFinding[] = [];
    // One context for all the resource's rules (it holds no state but the sink, emptied per rule).
    const sink: Report[] = [];
    const ctx = makeResourceContext(template, resource, sink);
    for (const rule of rules) {
      if (stopped?.has(rule.meta.id)) continue;
      sink.length = 0;
      this.running = rule.meta.id;
      const started = performance.now();
      try {
        const check = rule.cloudformation;
        if (isResourceCheck(check)) check.check(ctx);
        for (const r of sink) findings.push({ ...r, ruleId: rule.meta.id, severity: rule.meta.severity });
      } catch (error) {
        findings.push(internalError(rule, error, resource.keyNode, resource.logicalId));
      } finally {
        this.running = undefined;
        this.ruleMs.set(rule.meta.id, (this.ruleMs.get(rule.meta.id) ?? 0) + performance.now() - started);
      }
    }
    return findings;
  }

  /** The rules' findings; `ready` holds those prepare() found for resources without a parse of their own. */
  private runRules(template: Template, stopped?: ReadonlyMap<string, string>, ready?: Map<Resource, RawFinding[]>): RawFinding[] {
    this.keepCacheFor(stopped);
    const runs = (rule: Rule) => !stopped?.has(rule.meta.id);
    const out: RawFinding[] = [];
    const nextCache = new Map<string, CachedResourceFindings>();
    for (const resource of template.resources) {
      const rules = resource.type ? this.rulesByType.get(resource.type) : undefined;
      if (!rules) continue;
      const cached = resource.parseId !== undefined ? this.resourceFindings.get(resource.parseId) : undefined;
      // Spans of cached findings are re-read from their nodes' units, so they follow the unit's new base.
      if (cached && cached.contextKey === template.contextKey) {
        for (const f of cached.findings) out.push(f);
        nextCache.set(resource.parseId!, cached);
        continue;
      }
      const findings = ready?.get(resource) ?? this.checkResource(template, resource, rules, stopped);
      for (const f of findings) out.push(f);
      if (resource.parseId !== undefined) nextCache.set(resource.parseId, { contextKey: template.contextKey, findings });
    }
    this.resourceFindings = nextCache;
    const nextTemplateCache = new Map<Rule, CachedResourceFindings>();
    for (const rule of this.templateRules) {
      const check = rule.cloudformation;
      if (isResourceCheck(check) || !runs(rule)) continue;
      const key = templateCheckKey(template, check.reads);
      const cached = this.templateFindings.get(rule);
      if (key !== undefined && cached?.contextKey === key) {
        for (const f of cached.findings) out.push(f);
        nextTemplateCache.set(rule, cached);
        continue;
      }
      const findings: RawFinding[] = [];
      const sink: Report[] = [];
      this.running = rule.meta.id;
      try {
        check.checkTemplate(makeTemplateContext(template, sink));
        for (const r of sink) findings.push({ ...r, ruleId: rule.meta.id, severity: rule.meta.severity });
      } catch (error) {
        findings.push(internalError(rule, error, { kind: 'scalar', value: null, unit: newUnit(0), start: 0, end: 0 }));
      } finally {
        this.running = undefined;
      }
      for (const f of findings) out.push(f);
      if (key !== undefined) nextTemplateCache.set(rule, { contextKey: key, findings });
    }
    this.templateFindings = nextTemplateCache;
    return out;
  }
}

/** The stopped rules as a key (sorted ids): findings computed without them hold for the same key only. */
function stoppedKey(stopped?: ReadonlyMap<string, string>): string {
  return stopped ? [...stopped.keys()].sort().join(',') : '';
}

/**
 * Identity of everything a template check declares it reads: the parsed units of those sections
 * and of the resources of those types. Undefined (never cached) when the check declares nothing or
 * the template was parsed whole.
 */
function templateCheckKey(template: Template, reads: CloudFormationTemplateCheck['reads']): string | undefined {
  const sections = template.sectionUnitIds;
  if (!reads || !sections) return undefined;
  const parts = (reads.sections ?? []).map((name) => `${name}:${sections.get(name) ?? '-'}`);
  for (const type of reads.resourceTypes ?? []) {
    for (const resource of template.resourcesByType.get(type) ?? []) {
      if (resource.parseId === undefined) return undefined;
      parts.push(`${resource.logicalId}:${resource.parseId}`);
    }
  }
  return parts.join('|');
}

function internalError(rule: Rule, error: unknown, at: ScalarNode, resource?: string): RawFinding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR,
    severity: 'error',
    message: `Rule ${rule.meta.id} failed${resource ? ` on ${resource}` : ''} and could not check it: ${reason}`,
    at,
    resource,
  };
}

function stoppedRuleFinding(ruleId: string, reason: string): RawFinding {
  return {
    ruleId: INTERNAL_ERROR,
    severity: 'error',
    message: `Rule ${ruleId} was stopped on this template (${reason}); its findings here are missing. This is a bug in Infralint: please report it.`,
    at: { unit: newUnit(0), start: 0, end: 0 },
  };
}

function touchesAnchoredValue(template: Template, change: TextChange): boolean {
  return template.anchoredSpans?.some((s) => change.start <= s.end && change.end >= s.start) ?? false;
}

/** Lints a text once, without keeping caches (the CLI's path). */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  return new Linter().lint(text, options);
}
