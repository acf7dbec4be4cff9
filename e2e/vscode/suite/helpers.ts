import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/** A finding as e2e/cases.json and the CLI write it: 1-based lines and columns. */
export interface Finding {
  rule: string;
  resource?: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Case {
  file: string;
  name: string;
  languageId: string;
  findings: Finding[];
  /** Sorted rule ids the template must show (reviewed by hand): a broken rule cannot hide behind the CLI. */
  reviewedRules: string[];
  fix?: { rule: string; title: string; insertAfterLine: number; insertedLines: string[] };
}

export const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'no workspace folder is open');
  return folder;
}

/** The cases with their expected findings, resolved by the runner (cases.resolved.json beside the workspace). */
export function loadCases(): Case[] {
  const file = process.env.E2E_CASES ?? path.join(path.dirname(workspaceFolder()), 'cases.resolved.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).cases as Case[];
}

export function caseFor(cases: Case[], file: string): Case {
  const c = cases.find((x) => x.file === file);
  assert.ok(c, `no case for ${file} in cases.resolved.json`);
  return c;
}

/** The URI of a case's template inside the (temporary) workspace folder. */
export function uriOf(file: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceFolder(), file));
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

export function infralintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'infralint');
}

const sevName = (s: vscode.DiagnosticSeverity) => (['error', 'warning', 'info', 'hint'] as const)[s];

/** "rule@line:col-line:col severity" (1-based) for a diagnostic or a finding. */
export function keyOfDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${codeOf(d)}@${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${sevName(d.severity)}`;
}

export function keyOfFinding(f: Finding): string {
  return `${f.rule}@${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity}`;
}

export function keys(list: string[]): string {
  return JSON.stringify([...list].sort());
}

/**
 * Polls `check` (every 50 ms, never a fixed sleep) until it returns true, or throws after
 * `timeoutMs` with `describe()` saying what was last seen.
 */
export async function waitFor(what: string, check: () => boolean, describe: () => string, timeoutMs = 30_000): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (check()) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the document's diagnostics carry exactly the case's reviewed rule ids. */
export async function waitForReviewedRules(uri: vscode.Uri, c: Case, timeoutMs = 30_000): Promise<void> {
  const want = JSON.stringify(c.reviewedRules);
  const seen = () => JSON.stringify(infralintDiagnostics(uri).map(codeOf).sort());
  await waitFor(`the reviewed rule ids of ${c.file}`, () => seen() === want, () => `${seen()}\n  expected: ${want}`, timeoutMs);
}

/** Waits until the document's Infralint diagnostics are exactly `expected` (ranges and severities). */
export async function waitForFindings(uri: vscode.Uri, expected: Finding[], what: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  const want = keys(expected.map(keyOfFinding));
  const seen = () => keys(infralintDiagnostics(uri).map(keyOfDiagnostic));
  await waitFor(what, () => seen() === want, () => `${seen()}\n  expected: ${want}`, timeoutMs);
  return infralintDiagnostics(uri);
}

/** The findings after a case's fix: the fixed one gone, the lines below shifted. */
export function findingsAfterFix(c: Case): Finding[] {
  const fix = c.fix!;
  let removed = false;
  const out: Finding[] = [];
  for (const f of c.findings) {
    if (!removed && f.rule === fix.rule) {
      removed = true;
      continue;
    }
    const shift = f.line > fix.insertAfterLine ? fix.insertedLines.length : 0;
    out.push({ ...f, line: f.line + shift, endLine: f.endLine + shift });
  }
  return out;
}
