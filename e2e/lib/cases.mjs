// The templates of e2e/cases.json with their expected findings resolved (see the $comment there).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, E2E, run, check } from './common.mjs';

export const LSP_SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 };

/** Findings of the CLI's JSON report for one file (1-based positions). */
export async function cliFindings(file) {
  const r = await run(process.execPath, [path.join(ROOT, 'cli/bin/infralint.js'), 'scan', file, '--format', 'json'], { timeoutMs: 60_000 });
  check(r.code === 0 || r.code === 1, () => `infralint scan ${file} exited ${r.code}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  return report.findings.map((f) => ({
    rule: f.ruleId,
    resource: f.resource,
    severity: f.severity,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
  }));
}

const multiset = (list) => list.map((s) => String(s)).sort();

/**
 * The cases, each with `findings` (1-based, sorted by position) and `text`. For 'test-workspace'
 * cases, `findings` are the CLI's (the positions CI reports) and `reviewedRules` the sorted rule ids
 * of cli/test/test-workspace-expected.json; `cliMismatch` says how the CLI differs from that list
 * (a broken rule shows there, and in every editor's check against `reviewedRules`).
 */
export async function loadCases() {
  const spec = JSON.parse(fs.readFileSync(path.join(E2E, 'cases.json'), 'utf8'));
  const expectedFile = JSON.parse(fs.readFileSync(path.join(ROOT, 'cli/test/test-workspace-expected.json'), 'utf8')).files;
  const cases = [];
  for (const c of spec.templates) {
    const abs = path.join(ROOT, c.file);
    const text = fs.readFileSync(abs, 'utf8');
    let findings = c.findings;
    let reviewedRules;
    let cliMismatch = null;
    if (c.expected === 'test-workspace') {
      const key = path.relative(path.join(ROOT, 'test-workspace'), abs).split(path.sep).join('/');
      const reviewed = expectedFile[key];
      check(Array.isArray(reviewed), `${key} is not in cli/test/test-workspace-expected.json`);
      reviewedRules = reviewed.map((r) => r.split(' ')[0]).sort();
      findings = await cliFindings(abs);
      const got = multiset(findings.map((f) => `${f.rule} ${f.resource ?? ''}`.trim()));
      const want = multiset(reviewed.map((r) => r.trim()));
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        cliMismatch = `the CLI's findings for ${key} differ from cli/test/test-workspace-expected.json:\n  expected ${JSON.stringify(want)}\n  got      ${JSON.stringify(got)}`;
      }
    } else {
      reviewedRules = findings.map((f) => f.rule).sort();
    }
    findings = [...findings].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
    cases.push({ ...c, abs, name: path.basename(c.file), text, findings, reviewedRules, cliMismatch });
  }
  return cases;
}

/** The findings expected after the case's fix: the fixed one gone, later lines shifted. */
export function findingsAfterFix(c) {
  const n = c.fix.insertedLines.length;
  let removed = false;
  const out = [];
  for (const f of c.findings) {
    if (!removed && f.rule === c.fix.rule) {
      removed = true;
      continue;
    }
    const shift = f.line > c.fix.insertAfterLine ? n : 0;
    out.push({ ...f, line: f.line + shift, endLine: f.endLine + shift });
  }
  return out;
}

export const describeFinding = (f) => `${f.rule}@${f.line}:${f.column}`;
