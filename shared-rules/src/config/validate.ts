import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../model/line-index';
import { allRules } from '../rules/index';
import { SUPPRESSION_REPORT_IDS } from '../suppress/ids';
import type { Range, Severity } from '../types';
import { isGlob, ruleGlobMatches } from './glob';
import {
  SEVERITIES,
  SEVERITY_OVERRIDES,
  TEMPLATE_FORMATS,
  type ConfigLayer,
  type ConfigProblem,
  type RuleCustomization,
  type SeverityOverride,
} from './types';

/**
 * Validation of the two configuration sources, `.infralint.yaml` and the `infralint.*` editor
 * settings. They have the same shape (the settings are the file's keys under `infralint.`). A bad
 * value is never replaced silently: it is reported with its key and value and left out, and the
 * message says so; the valid values around it are kept.
 */

type Path = (string | number)[];

/** Rule ids a customization may name: every rule, plus the suppression reports. */
export function knownRuleIds(): string[] {
  return [...allRules.map((r) => r.meta.id), ...SUPPRESSION_REPORT_IDS];
}

/** `rules.customizations[1].severity` */
export function keyName(path: Path, prefix = ''): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/** A value as a message shows it: strings in quotes, the rest as JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'nothing';
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}

function oneOf(list: readonly string[]): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Context {
  prefix: string;
  file?: string;
  /** Where a key (`at: 'key'`) or its value is in the file. */
  rangeOf?: (path: Path, at: 'key' | 'value') => Range | undefined;
  ruleIds: readonly string[];
  problems: ConfigProblem[];
  /** Unknown keys are errors in a file (typos); editor settings may carry keys of other versions. */
  strictKeys: boolean;
}

/** `reason; what was done about it.` -> both parts (the CLI, which stops, shows only the reason). */
function splitConsequence(text: string): { reason: string; consequence?: string } {
  const i = text.lastIndexOf('; ');
  if (i < 0) return { reason: text };
  return { reason: text.slice(0, i), consequence: text.slice(i + 2) };
}

function report(ctx: Context, path: Path, value: unknown, message: string, at: 'key' | 'value' = 'value'): void {
  const key = keyName(path, ctx.prefix);
  const range = ctx.rangeOf?.(path, at);
  const { reason, consequence } = splitConsequence(message);
  ctx.problems.push({
    key,
    value,
    message: `${key}: ${reason}`,
    ...(consequence !== undefined ? { consequence } : {}),
    ...(ctx.file !== undefined ? { file: ctx.file } : {}),
    ...(range ? { range } : {}),
  });
}

function checkKeys(ctx: Context, path: Path, obj: Record<string, unknown>, allowed: readonly string[]): void {
  if (!ctx.strictKeys) return;
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      report(ctx, [...path, key], obj[key], `unknown setting (expected ${oneOf(allowed)}); it is ignored.`, 'key');
    }
  }
}

function validateCustomization(ctx: Context, path: Path, entry: unknown): RuleCustomization | undefined {
  if (!isObject(entry)) {
    report(ctx, path, entry, `${showValue(entry)} is not a { rule, severity } entry; it is ignored.`);
    return undefined;
  }
  checkKeys(ctx, path, entry, ['rule', 'severity']);
  const { rule, severity } = entry;
  let ok = true;
  if (typeof rule !== 'string' || rule.replace(/^!/, '').trim() === '') {
    report(ctx, [...path, 'rule'], rule, `${showValue(rule)} is not a rule id or glob; this customization is ignored.`);
    ok = false;
  } else {
    const glob = rule.replace(/^!/, '');
    if (!isGlob(glob) && !ctx.ruleIds.includes(glob)) {
      report(ctx, [...path, 'rule'], rule, `${showValue(rule)} names no Infralint rule (see \`infralint rules\`); this customization is ignored.`);
      ok = false;
    } else if (isGlob(glob) && !ctx.ruleIds.some((id) => ruleGlobMatches(glob, id))) {
      report(ctx, [...path, 'rule'], rule, `${showValue(rule)} matches no Infralint rule (see \`infralint rules\`); this customization is ignored.`);
      ok = false;
    }
  }
  if (typeof severity !== 'string' || !(SEVERITY_OVERRIDES as readonly string[]).includes(severity)) {
    report(
      ctx,
      [...path, 'severity'],
      severity,
      `${showValue(severity)} is not a severity (expected ${oneOf(SEVERITY_OVERRIDES)}); this customization is ignored.`,
    );
    ok = false;
  }
  return ok ? { rule: rule as string, severity: severity as SeverityOverride } : undefined;
}

/** The keys both sources share. `extraKeys` are the settings-only keys (validated by the caller). */
function validateLayer(ctx: Context, obj: Record<string, unknown>, extraKeys: readonly string[], inheritValue?: string): ConfigLayer {
  const layer: ConfigLayer = {};
  checkKeys(ctx, [], obj, ['rules', 'minimumSeverity', 'exclude', 'formats', 'suppressions', ...extraKeys]);

  const rules = obj.rules;
  if (rules !== undefined && rules !== null) {
    if (!isObject(rules)) {
      report(ctx, ['rules'], rules, `${showValue(rules)} is not a mapping with a \`customizations\` list; it is ignored.`);
    } else {
      checkKeys(ctx, ['rules'], rules, ['customizations']);
      const list = rules.customizations;
      if (list !== undefined && list !== null) {
        if (!Array.isArray(list)) {
          report(ctx, ['rules', 'customizations'], list, `${showValue(list)} is not a list of { rule, severity } entries; it is ignored.`);
        } else {
          layer.customizations = [];
          list.forEach((entry, i) => {
            const c = validateCustomization(ctx, ['rules', 'customizations', i], entry);
            if (c) layer.customizations!.push(c);
          });
        }
      }
    }
  }

  const minimum = obj.minimumSeverity;
  if (minimum !== undefined && minimum !== null && minimum !== inheritValue) {
    if (typeof minimum === 'string' && (SEVERITIES as readonly string[]).includes(minimum)) {
      layer.minimumSeverity = minimum as Severity;
    } else {
      const allowed = inheritValue !== undefined ? [...SEVERITIES, inheritValue] : SEVERITIES;
      report(ctx, ['minimumSeverity'], minimum, `${showValue(minimum)} is not a severity (expected ${oneOf(allowed)}); it is ignored.`);
    }
  }

  const exclude = obj.exclude;
  if (exclude !== undefined && exclude !== null) {
    if (!Array.isArray(exclude)) {
      report(ctx, ['exclude'], exclude, `${showValue(exclude)} is not a list of path globs; it is ignored.`);
    } else {
      layer.exclude = [];
      exclude.forEach((pattern, i) => {
        if (typeof pattern === 'string' && pattern.replace(/^!/, '').trim() !== '') layer.exclude!.push(pattern);
        else report(ctx, ['exclude', i], pattern, `${showValue(pattern)} is not a path glob; it is ignored.`);
      });
    }
  }

  const formats = obj.formats;
  if (formats !== undefined && formats !== null) {
    if (!isObject(formats)) {
      report(ctx, ['formats'], formats, `${showValue(formats)} is not a mapping of format to true/false; it is ignored.`);
    } else {
      checkKeys(ctx, ['formats'], formats, TEMPLATE_FORMATS);
      for (const format of TEMPLATE_FORMATS) {
        const v = formats[format];
        if (v === undefined || v === null) continue;
        if (typeof v === 'boolean') (layer.formats ??= {})[format] = v;
        else report(ctx, ['formats', format], v, `${showValue(v)} is not true or false; it is ignored.`);
      }
    }
  }

  const suppressions = obj.suppressions;
  if (suppressions !== undefined && suppressions !== null) {
    if (!isObject(suppressions)) {
      report(ctx, ['suppressions'], suppressions, `${showValue(suppressions)} is not a mapping; it is ignored.`);
    } else {
      checkKeys(ctx, ['suppressions'], suppressions, ['allowInline']);
      const allow = suppressions.allowInline;
      if (typeof allow === 'boolean') layer.allowInlineSuppressions = allow;
      else if (allow !== undefined && allow !== null) {
        report(ctx, ['suppressions', 'allowInline'], allow, `${showValue(allow)} is not true or false; it is ignored.`);
      }
    }
  }
  return layer;
}

// ---------------------------------------------------------------------------------------------
// .infralint.yaml

export const CONFIG_FILE_NAMES: readonly string[] = ['.infralint.yaml', '.infralint.yml'];

export interface ParsedConfigFile {
  layer: ConfigLayer;
  problems: ConfigProblem[];
}

/** Parses and validates the text of a `.infralint.yaml`; `file` names it in the problems. */
export function parseConfigFile(text: string, file?: string, ruleIds: readonly string[] = knownRuleIds()): ParsedConfigFile {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const problems: ConfigProblem[] = [];
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    problems.push({
      key: '',
      value: text.slice(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
      message: `not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      consequence: 'the whole file is ignored.',
      ...(file !== undefined ? { file } : {}),
      range: lines.rangeOf({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }),
    });
    return { layer: {}, problems };
  }
  const value: unknown = doc.toJS();
  const rangeOf = (path: Path, at: 'key' | 'value'): Range | undefined => {
    let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
    let keyNode: YamlNode | undefined;
    for (const step of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        keyNode = pair.key as YamlNode;
        node = pair.value as YamlNode | null;
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step] as YamlNode | undefined;
      } else {
        break;
      }
    }
    const target = at === 'key' && keyNode ? keyNode : (node ?? keyNode);
    const r = target?.range;
    return r ? lines.rangeOf({ start: r[0], end: r[1] }) : undefined;
  };
  const ctx: Context = { prefix: '', file, rangeOf, ruleIds, problems, strictKeys: true };
  if (value === null || value === undefined) return { layer: {}, problems };
  if (!isObject(value)) {
    problems.push({
      key: '',
      value,
      message: `${showValue(value)} is not a mapping of settings`,
      consequence: 'the whole file is ignored.',
      ...(file !== undefined ? { file } : {}),
      ...(rangeOf([], 'value') ? { range: rangeOf([], 'value') } : {}),
    });
    return { layer: {}, problems };
  }
  const layer = validateLayer(ctx, value, []);
  problems.sort((a, b) => (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) || (a.range?.start.character ?? 0) - (b.range?.start.character ?? 0));
  return { layer, problems };
}

// ---------------------------------------------------------------------------------------------
// Editor settings

export type RunMode = 'onType' | 'onSave';

/** The settings only the editor has. */
export interface EditorOptions {
  enable: boolean;
  run: RunMode;
}

export const DEFAULT_EDITOR_OPTIONS: EditorOptions = { enable: true, run: 'onType' };

/** `infralint.minimumSeverity: inherit` (the default): whatever `.infralint.yaml` says. */
export const INHERIT = 'inherit';

export interface ValidatedSettings {
  editor: EditorOptions;
  layer: ConfigLayer;
  problems: ConfigProblem[];
}

/** `{ "rules.customizations": [...] }` (flat keys, as some clients send them) becomes `{ rules: { customizations: [...] } }`. */
function expandDottedKeys(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const parts = key.split('.');
    let target = out;
    for (const part of parts.slice(0, -1)) {
      if (!isObject(target[part])) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    target[last] = isObject(value) && isObject(target[last]) ? { ...(target[last] as object), ...expandDottedKeys(value) } : isObject(value) ? expandDottedKeys(value) : value;
  }
  return out;
}

/**
 * Validates the `infralint` settings section as a client sends it (`workspace/configuration` or
 * `didChangeConfiguration`). `null` or `undefined` (clients without such settings) means defaults.
 */
export function validateSettings(raw: unknown, ruleIds: readonly string[] = knownRuleIds()): ValidatedSettings {
  const problems: ConfigProblem[] = [];
  const editor: EditorOptions = { ...DEFAULT_EDITOR_OPTIONS };
  if (raw === null || raw === undefined) return { editor, layer: {}, problems };
  const ctx: Context = { prefix: 'infralint', ruleIds, problems, strictKeys: false };
  if (!isObject(raw)) {
    problems.push({ key: 'infralint', value: raw, message: `infralint: ${showValue(raw)} is not a settings object`, consequence: 'the defaults are used.' });
    return { editor, layer: {}, problems };
  }
  const obj = expandDottedKeys(raw);
  if (obj.enable !== undefined && obj.enable !== null) {
    if (typeof obj.enable === 'boolean') editor.enable = obj.enable;
    else report(ctx, ['enable'], obj.enable, `${showValue(obj.enable)} is not true or false; it is ignored (Infralint stays enabled).`);
  }
  if (obj.run !== undefined && obj.run !== null) {
    if (obj.run === 'onType' || obj.run === 'onSave') editor.run = obj.run;
    else report(ctx, ['run'], obj.run, `${showValue(obj.run)} is not onType or onSave; it is ignored (linting on type).`);
  }
  const layer = validateLayer(ctx, obj, ['enable', 'run', 'trace'], INHERIT);
  return { editor, layer, problems };
}

/**
 * `file:3:7: key: reason; consequence` (1-based line and column, as editors and terminals show
 * them). Without the consequence for a caller that refuses the whole configuration (the CLI).
 */
export function formatProblem(problem: ConfigProblem, withConsequence = true): string {
  const where = problem.file !== undefined
    ? `${problem.file}${problem.range ? `:${problem.range.start.line + 1}:${problem.range.start.character + 1}` : ''}: `
    : '';
  const consequence = withConsequence && problem.consequence ? `; ${problem.consequence}` : '';
  return `${where}${problem.message}${consequence}`;
}

