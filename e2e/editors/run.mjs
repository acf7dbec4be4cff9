#!/usr/bin/env node
// Stage "editors": the language server standalone (`node server/out/src/server.js --stdio`) under
// real LSP clients, through the headless harnesses of ../shared/tools/lsp-clients: Neovim (built-in
// LSP), Emacs (eglot) and Vim (ALE). For each template of e2e/cases.json it checks the findings
// (rule ids, positions, severities), the code actions, and applying the first quick fix (the
// buffer change, and the fixed finding gone from the diagnostics that follow).
//
// Installs nothing: a missing editor, eglot, ALE, harness or server build fails the stage loudly
// (run e2e/install-prereqs.sh and `npm run build`).
// Env: E2E_EDITORS=nvim,emacs,vim (default all three); E2E_LSP_CLIENTS (default ../shared/tools/lsp-clients).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, ARTIFACTS, Results, run, jsonLines, check, linesOf, lineDiff } from '../lib/common.mjs';
import { loadCases, findingsAfterFix, LSP_SEVERITY, describeFinding } from '../lib/cases.mjs';

const results = new Results('editors');
const HARNESSES = path.resolve(process.env.E2E_LSP_CLIENTS ?? path.join(ROOT, '..', 'shared', 'tools', 'lsp-clients'));
const SERVER = path.join(ROOT, 'server', 'out', 'src', 'server.js');
const EDITORS = (process.env.E2E_EDITORS ?? 'nvim,emacs,vim').split(',').map((s) => s.trim()).filter(Boolean);
const TIMEOUT_MS = 15_000; // each wait inside a harness
const RUN_MS = 90_000; // a whole harness run
const shq = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
const LSP_CMD = `${shq(process.execPath)} ${shq(SERVER)} --stdio`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'infralint-e2e-editors-'));
const logDir = path.join(ARTIFACTS, 'editors');
fs.rmSync(logDir, { recursive: true, force: true });
fs.mkdirSync(logDir, { recursive: true });

/** How each editor is started, and what its harness prints. */
const editors = {
  nvim: {
    label: 'Neovim',
    harness: 'harness.lua',
    args: (h, file) => ['--headless', '--clean', '-u', h, file],
    env: (c) => ({ LSP_LANGUAGE_ID: c.languageId }),
    // 0-based positions with ends; LSP severities; all code actions; diagnostics after the fix.
    positions: 'lsp-full',
    afterFix: 'list',
  },
  emacs: {
    label: 'Emacs eglot',
    harness: 'eglot-harness.el',
    args: (h, file) => ['--batch', '-l', h, file],
    env: (c) => ({ LSP_LANGUAGE_ID: c.languageId }),
    positions: 'lsp-start',
    afterFix: 'count',
  },
  vim: {
    label: 'Vim ALE',
    harness: 'ale-harness.vim',
    args: (h, file) => ['-N', '-u', h, '-i', 'NONE', '-n', '-es', file],
    env: () => ({ LSP_SERVER: SERVER }),
    // ALE: 1-based loclist, E/W/I types, actions of the first diagnostic only, no re-lint after the fix.
    positions: 'vim',
    afterFix: 'none',
  },
};

async function prerequisites() {
  const problems = [];
  const probe = async (what, cmd, args, test) => {
    const r = await run(cmd, args, { timeoutMs: 30_000, env: { ...process.env, HOME: process.env.HOME ?? os.homedir() } });
    const out = r.stdout + r.stderr;
    if (r.code !== 0 || (test && !test(out))) problems.push(`${what}: \`${cmd} ${args.join(' ')}\` ${r.error ? 'not found' : `exited ${r.code}`}: ${out.trim().split('\n').slice(-3).join(' | ')}`);
    return out;
  };
  if (!fs.existsSync(SERVER)) problems.push(`server build missing: ${SERVER} (run \`npm run build\`)`);
  for (const e of EDITORS) {
    const ed = editors[e];
    if (!ed) {
      problems.push(`unknown editor '${e}' in E2E_EDITORS (known: ${Object.keys(editors).join(', ')})`);
      continue;
    }
    if (!fs.existsSync(path.join(HARNESSES, ed.harness))) problems.push(`harness missing: ${path.join(HARNESSES, ed.harness)} (set E2E_LSP_CLIENTS)`);
  }
  if (EDITORS.includes('nvim')) {
    const v = await probe('Neovim (Debian neovim)', 'nvim', ['--version']);
    const m = /NVIM v(\d+)\.(\d+)/.exec(v);
    if (m && Number(m[1]) === 0 && Number(m[2]) < 7) problems.push(`Neovim ${m[0]} is older than 0.7`);
  }
  if (EDITORS.includes('emacs')) {
    await probe('Emacs with eglot (Debian emacs-nox elpa-eglot)', 'emacs', ['--batch', '--eval', "(progn (require 'eglot) (princ \"eglot-ok\"))"], (o) => o.includes('eglot-ok'));
  }
  if (EDITORS.includes('vim')) {
    await probe('Vim with ALE (Debian vim-nox vim-ale)', 'vim', ['--version'], (o) => o.includes('+job') && o.includes('+timers'));
    if (!fs.existsSync('/usr/share/vim-ale/plugin/ale.vim')) problems.push('ALE missing: /usr/share/vim-ale/plugin/ale.vim (Debian vim-ale)');
  }
  return problems;
}

/** Runs one harness on a fresh copy of the case's template; returns the parsed events. */
async function runHarness(editor, c, extraEnv = {}, tag = '', extraFiles = {}) {
  const ed = editors[editor];
  const dir = fs.mkdtempSync(path.join(work, `${editor}-`));
  const file = path.join(dir, c.name);
  fs.writeFileSync(file, c.text);
  for (const [name, text] of Object.entries(extraFiles)) fs.writeFileSync(path.join(dir, name), text);
  const stderrFile = path.join(dir, 'server-stderr.log');
  const env = {
    ...process.env,
    LSP_CMD,
    LSP_TIMEOUT_MS: String(TIMEOUT_MS),
    LSP_TOTAL_MS: String(RUN_MS - 10_000),
    LSP_STDERR: stderrFile,
    LSP_ROOT: dir,
    ...ed.env(c),
    ...extraEnv,
  };
  const base = `${editor}-${c.name}${tag}`;
  const r = await run(editor, ed.args(path.join(HARNESSES, ed.harness), file), { cwd: dir, env, timeoutMs: RUN_MS, stdoutFile: path.join(logDir, `${base}.jsonl`) });
  fs.writeFileSync(path.join(logDir, `${base}.stderr.log`), r.stderr + (fs.existsSync(stderrFile) ? `\n--- server stderr ---\n${fs.readFileSync(stderrFile, 'utf8')}` : ''));
  const events = jsonLines(r.stdout);
  const exit = events.find((e) => e.event === 'exit');
  check(!r.timedOut, `${ed.label} did not finish within ${RUN_MS} ms (log: ${path.join(logDir, base)}.*)`);
  check(r.code === 0 && exit && exit.code === 0, () => `${ed.label} harness exited ${r.code}${exit ? ` (${exit.reason})` : ''}; stderr: ${r.stderr.trim().split('\n').slice(-5).join(' | ')} (log: ${path.join(logDir, base)}.*)`);
  return { events, file };
}

/** A harness diagnostic in the expected findings' terms (1-based line/column). */
function normalize(editor, d) {
  const pos = editors[editor].positions;
  // ALE shows LSP information and hints as warnings ('W'), so only error/not-error is compared.
  if (pos === 'vim') return { rule: d.code, line: d.line, column: d.col, severity: d.type === 'E' ? 'error' : d.type === 'W' ? 'warning' : `type ${d.type}` };
  const sev = Object.keys(LSP_SEVERITY).find((k) => LSP_SEVERITY[k] === d.severity) ?? String(d.severity);
  const n = { rule: d.code, line: d.line + 1, column: d.col + 1, severity: sev, source: d.source };
  if (pos === 'lsp-full') Object.assign(n, { endLine: d.end_line + 1, endColumn: d.end_col + 1 });
  return n;
}

function key(editor, f) {
  const full = editors[editor].positions === 'lsp-full';
  const severity = editors[editor].positions === 'vim' && (f.severity === 'info' || f.severity === 'hint') ? 'warning' : f.severity;
  return `${f.rule}@${f.line}:${f.column}${full ? `-${f.endLine}:${f.endColumn}` : ''} ${severity}`;
}

function compareFindings(editor, got, expected, what) {
  const g = got.map((f) => key(editor, f)).sort();
  const e = expected.map((f) => key(editor, f)).sort();
  check(JSON.stringify(g) === JSON.stringify(e), () => `${what} differ:\n  expected ${JSON.stringify(e)}\n  got      ${JSON.stringify(g)}`);
}

async function testCase(editor, c) {
  const ed = editors[editor];
  const prefix = `${ed.label}: ${c.file}`;
  let events;
  const started = await results.test(`${prefix}: harness runs${c.fix ? ' (LSP_APPLY_FIX=1)' : ''}`, async () => {
    ({ events } = await runHarness(editor, c, c.fix ? { LSP_APPLY_FIX: '1' } : {}));
    const first = events.find((e) => e.event === 'firstDiagnostics');
    return first ? `first diagnostics after ${Math.round(first.t_ms)} ms` : '';
  });
  if (!started) return;
  const diags = events.filter((e) => e.event === 'diagnostic').map((d) => normalize(editor, d));

  await results.test(`${prefix}: findings (${c.findings.map(describeFinding).join(', ')})`, () => {
    const rules = JSON.stringify(diags.map((d) => d.rule).sort());
    check(rules === JSON.stringify(c.reviewedRules), () => `rule ids differ from the reviewed expectation:\n  expected ${JSON.stringify(c.reviewedRules)}\n  got      ${rules}`);
    compareFindings(editor, diags, c.findings, 'diagnostics');
    if (ed.positions !== 'vim') check(diags.every((d) => d.source === 'infralint'), 'a diagnostic without source "infralint"');
  });

  await results.test(`${prefix}: code actions`, () => {
    const actions = events.filter((e) => e.event === 'codeAction');
    if (ed.positions === 'vim') {
      // ALE asks for the actions at the first diagnostic, sending back only code, message and range.
      check(actions.length > 0, 'no code action for the first diagnostic');
      if (c.fix) check(actions[0].title === c.fix.title, () => `first action is ${JSON.stringify(actions[0].title)}, expected ${JSON.stringify(c.fix.title)}`);
      return;
    }
    // Every diagnostic offers its documentation and at least one edit (a fix or a suppression).
    for (let i = 1; i <= diags.length; i++) {
      const mine = actions.filter((a) => (editor === 'nvim' ? a.diagnostic === i : true));
      if (editor === 'nvim') {
        check(mine.some((a) => a.edit), `no action with an edit for diagnostic ${i} (${diags[i - 1].rule})`);
        check(mine.some((a) => a.title === `Show documentation for '${diags[i - 1].rule}'`), `no documentation action for diagnostic ${i}`);
      }
    }
    const docs = actions.filter((a) => /^Show documentation for /.test(a.title));
    check(docs.length === diags.length, `expected ${diags.length} documentation actions, got ${docs.length}`);
    if (c.fix) {
      const fix = actions.find((a) => a.title === c.fix.title);
      check(fix, () => `no action titled ${JSON.stringify(c.fix.title)}; titles: ${JSON.stringify(actions.map((a) => a.title))}`);
      check(fix.kind === 'quickfix', `fix kind ${fix.kind}`);
      if (editor === 'nvim') check(fix.isPreferred === true, 'the safe fix is not marked preferred');
    }
  });

  if (!c.fix) return;
  await results.test(`${prefix}: quick fix '${c.fix.title}' applied`, () => {
    const applied = events.find((e) => e.event === 'appliedFix');
    check(applied, 'no appliedFix event');
    if (applied.title !== undefined) check(applied.title === c.fix.title, `applied ${JSON.stringify(applied.title)}, expected ${JSON.stringify(c.fix.title)}`);
    const before = linesOf(c.text);
    const after = [...applied.buffer];
    if (after.length > 0 && after[after.length - 1] === '' && before[before.length - 1] !== '') after.pop(); // Emacs: final newline
    const d = lineDiff(before, after);
    check(
      d.removed.length === 0 && JSON.stringify(d.inserted) === JSON.stringify(c.fix.insertedLines) && d.at === c.fix.insertAfterLine,
      () => `buffer change: expected ${JSON.stringify(c.fix.insertedLines)} inserted after line ${c.fix.insertAfterLine}; got removed ${JSON.stringify(d.removed)}, inserted ${JSON.stringify(d.inserted)} after line ${d.at}`,
    );
    const expected = findingsAfterFix(c);
    if (ed.afterFix === 'list') {
      const got = events.filter((e) => e.event === 'diagnosticAfterFix').map((x) => normalize(editor, x));
      compareFindings(editor, got, expected, 'diagnostics after the fix');
    } else if (ed.afterFix === 'count') {
      const after = events.find((e) => e.event === 'diagnosticsAfterFix');
      check(after, 'no diagnostics after the fix');
      check(after.count === expected.length, `expected ${expected.length} diagnostics after the fix (${c.fix.rule} gone), got ${after.count}`);
    }
    return ed.afterFix === 'none' ? 'buffer only: the ALE harness does not wait for a re-lint' : '';
  });
}

/**
 * Customizations in a `.infralint.yaml` beside the template change severities in the editor.
 * (Neovim 0.7 neither declares workspace/configuration nor sends didChangeConfiguration, and the
 * Emacs harness has no settings: the configuration file is how their users configure the server.)
 */
async function testConfigFile(editor, c) {
  const first = c.findings[0].rule;
  const config = ['rules:', '  customizations:', `    - rule: ${first}`, '      severity: error', '    - rule: "aws-ec2-*"', '      severity: "off"', ''].join('\n');
  await results.test(`${editors[editor].label}: ${c.file}: rules.customizations from .infralint.yaml change severities`, async () => {
    const { events } = await runHarness(editor, c, {}, '-config', { '.infralint.yaml': config });
    const got = events.filter((e) => e.event === 'diagnostic').map((d) => normalize(editor, d));
    const expected = c.findings.filter((f) => !f.rule.startsWith('aws-ec2-')).map((f) => (f.rule === first ? { ...f, severity: 'error' } : f));
    check(expected.length < c.findings.length, 'the case has no aws-ec2-* finding to turn off');
    compareFindings(editor, got, expected, 'diagnostics with the customizations');
  });
}

async function main() {
  console.log(`== e2e stage: editors (${EDITORS.join(', ')}) with ${path.relative(ROOT, SERVER)} --stdio`);
  const problems = await prerequisites();
  if (problems.length > 0) {
    for (const p of problems) results.fail(`prerequisite: ${p.split(':')[0]}`, `${p}\n(install them with: sudo bash e2e/install-prereqs.sh)`);
    return results.finish();
  }
  let cases;
  const ok = await results.test('cases: expected findings resolved (e2e/cases.json, cli/test/test-workspace-expected.json, CLI positions)', async () => {
    cases = await loadCases();
    return cases.map((c) => `${c.name}: ${c.findings.length}`).join(', ');
  });
  if (!ok) return results.finish();
  for (const c of cases.filter((x) => x.expected === 'test-workspace')) {
    await results.test(`CLI: ${c.file}: findings equal cli/test/test-workspace-expected.json (the reference for positions)`, () => check(!c.cliMismatch, c.cliMismatch));
  }
  for (const editor of EDITORS) {
    for (const c of cases) await testCase(editor, c);
  }
  for (const editor of EDITORS.filter((e) => e !== 'vim')) await testConfigFile(editor, cases[0]);
  return results.finish();
}

let code = 1;
try {
  code = await main();
} catch (e) {
  results.fail('editors stage crashed', e.stack ?? e);
  code = results.finish();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(code);
