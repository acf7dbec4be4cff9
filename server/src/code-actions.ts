import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllWithinBudget, PARSE_ERROR, INTERNAL_ERROR, ruleDocUrl, type Finding } from '@infralint/shared-rules';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.infralint`;
export const SHOW_DOCUMENTATION_COMMAND = 'infralint.showDocumentation';

/** What a fix-all action left to resolve carries: its edit is computed only when it is chosen. */
interface FixAllData {
  infralintFixAll: true;
  uri: string;
  version: number;
  ruleId?: string;
}

/**
 * Code actions for Infralint diagnostics: the rule's fix (preferred when safe), fix all of this
 * rule, fix all, show documentation; and the `source.fixAll.infralint` action for fix-on-save.
 * With `lazyFixAll` (the client resolves code actions' edits), the fix-all actions of the menu come
 * without their edit, which resolveCodeAction computes: fixing a whole file re-lints it, and
 * editors ask for the menu's actions whenever the cursor stops on a problem.
 */
export function codeActions(
  params: CodeActionParams,
  document: TextDocument,
  findings: Finding[],
  /** Rules the time budget stopped on this document: fix-all does not run them either. */
  stoppedRules?: ReadonlyMap<string, string>,
  lazyFixAll = false,
): CodeAction[] {
  // Fix-all applies nothing to a template that does not parse (see fixAll): then it is not offered.
  const parses = !findings.some((f) => f.ruleId === PARSE_ERROR);
  const fixAllInMenu = (title: string, ruleId?: string): CodeAction | undefined =>
    !lazyFixAll
      ? fixAllAction(document, stoppedRules, title, CodeActionKind.QuickFix, ruleId)
      : parses
        ? { title, kind: CodeActionKind.QuickFix, data: { infralintFixAll: true, uri: document.uri, version: document.version, ruleId } satisfies FixAllData }
        : undefined;
  const only = params.context.only;
  const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.SourceFixAll));
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k)) && !wantsFixAll) return [];
  if (wantsFixAll) {
    const action = fixAllAction(document, stoppedRules, 'Fix all auto-fixable Infralint problems', FIX_ALL_KIND);
    return action ? [action] : [];
  }

  const actions: CodeAction[] = [];
  const seenRules = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== 'infralint') continue;
    const finding = findingFor(diagnostic, findings);
    if (!finding || finding.ruleId === PARSE_ERROR || finding.ruleId === INTERNAL_ERROR) continue;
    const edits = finding.fix?.edits() ?? [];
    if (finding.fix && edits.length > 0) {
      actions.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: finding.fix.kind === 'safe',
        edit: { changes: { [document.uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      });
    }
    actions.push(...suppressActions(document, diagnostic, finding));
    if (seenRules.has(finding.ruleId)) continue;
    seenRules.add(finding.ruleId);
    const sameRuleFixable = findings.filter((f) => f.ruleId === finding.ruleId && f.fix?.kind === 'safe').length;
    if (sameRuleFixable > 1) {
      const action = fixAllInMenu(`Fix all '${finding.ruleId}' problems in this file`, finding.ruleId);
      if (action) actions.push(action);
    }
    actions.push({
      title: `Show documentation for '${finding.ruleId}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for '${finding.ruleId}'`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [ruleDocUrl(finding.ruleId)] },
    });
  }
  if (findings.filter((f) => f.fix?.kind === 'safe').length > 1 && actions.length > 0) {
    const action = fixAllInMenu('Fix all auto-fixable problems');
    if (action) actions.push(action);
  }
  return actions;
}

/**
 * The edit of a fix-all action that codeActions left to resolve, for the document it was offered
 * on; none when that document has changed since (the action is then offered again for the new one).
 */
export function resolveCodeAction(action: CodeAction, documentFor: (uri: string) => TextDocument | undefined, stoppedRules: (uri: string) => ReadonlyMap<string, string> | undefined): CodeAction {
  const data = action.data as Partial<FixAllData> | undefined;
  if (!data?.infralintFixAll || typeof data.uri !== 'string') return action;
  const document = documentFor(data.uri);
  if (!document || document.version !== data.version) return action;
  const resolved = fixAllAction(document, stoppedRules(data.uri), action.title, action.kind ?? CodeActionKind.QuickFix, data.ruleId);
  return resolved ? { ...action, edit: resolved.edit } : action;
}

/** "Suppress" actions: for the line (YAML) and for the resource, with a reason to fill in. */
function suppressActions(document: TextDocument, diagnostic: Diagnostic, finding: Finding): CodeAction[] {
  const actions: CodeAction[] = [];
  const scopes: ['line' | 'resource', string][] = [['line', 'this line']];
  if (finding.resource) scopes.push(['resource', `resource ${finding.resource}`]);
  for (const [scope, what] of scopes) {
    const edits = finding.suppress?.(scope) ?? [];
    if (edits.length === 0) continue;
    actions.push({
      title: `Suppress '${finding.ruleId}' for ${what}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } },
    });
  }
  return actions;
}

/**
 * The finding a diagnostic stands for. Some clients send back only code, message and range, so
 * those are what is matched.
 */
function findingFor(diagnostic: Diagnostic, findings: Finding[]): Finding | undefined {
  return findings.find(
    (f) =>
      f.ruleId === diagnostic.code &&
      f.message === diagnostic.message &&
      f.range.start.line === diagnostic.range.start.line &&
      f.range.start.character === diagnostic.range.start.character &&
      f.range.end.line === diagnostic.range.end.line &&
      f.range.end.character === diagnostic.range.end.character,
  );
}

/** One action applying every safe fix (of one rule, if given) as a single minimal edit. */
function fixAllAction(document: TextDocument, stoppedRules: ReadonlyMap<string, string> | undefined, title: string, kind: string, ruleId?: string): CodeAction | undefined {
  const text = document.getText();
  const result = fixAllWithinBudget(text, { fileName: fileNameOf(document.uri), ruleId, stoppedRules });
  if (result.fixed.length === 0 || result.text === text) return undefined;
  // The fixes' own edits when they all applied at once; else the changed lines as one edit.
  const edits = result.edits
    ? result.edits.map((e) => ({ range: e.range, newText: e.newText }))
    : [minimalEdit(document, text, result.text)];
  return { title, kind, edit: { changes: { [document.uri]: edits } } };
}

/**
 * The changed lines only: common leading and trailing lines are left untouched, and the edit
 * never starts or ends inside a word (which would disturb cursors and undo).
 */
export function minimalEdit(document: TextDocument, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  start = before.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = before.indexOf('\n', endBefore);
  const extend = (lineEnd < 0 ? before.length : lineEnd) - endBefore;
  endBefore += extend;
  endAfter += extend;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(endBefore) },
    newText: after.slice(start, endAfter),
  };
}

export function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
