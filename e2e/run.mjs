#!/usr/bin/env node
// `npm run test:e2e`: the integration stage, one step.
//   0. prerequisites: e2e/install-prereqs.sh (Debian packages; quick when installed; fails loudly)
//   1. build: npm run build (tsc -b + esbuild bundles dist/client.js, dist/server.js)
//   2. editors: the server standalone (--stdio) under Neovim, Emacs (eglot) and Vim (ALE)
//   3. vscode: the extension-host mocha suites in code-server's VS Code (headless Chromium)
//   4. vsix: the packaged VSIX installed in code-server, quick fix applied through the UI
// Each stage runs as its own process with a time bound; the closing line counts every check:
// "N passed, N failed". Exit 0 only if every check passed and some ran.
// Env: E2E_STAGES=editors,vscode,vsix (default all), E2E_SKIP_PREREQS=1 / E2E_SKIP_BUILD=1 (for
// local iteration; each stage still fails loudly on anything missing), E2E_BUDGET_S (default 1080:
// the whole run is cut there, so a hang cannot eat CI's time; a cold run took about 3.5 minutes here).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, E2E, ARTIFACTS, killGroup } from './lib/common.mjs';

// Time bounds per stage (a cold vscode stage installs code-server first, about 2 minutes).
const STAGES = {
  editors: { script: 'editors/run.mjs', timeoutMs: 5 * 60_000, what: 'LSP server under Neovim, Emacs, Vim' },
  vscode: { script: 'vscode/run-code-server.mjs', timeoutMs: 12 * 60_000, what: 'extension-host suites in VS Code (code-server)' },
  vsix: { script: 'vsix/run.mjs', timeoutMs: 8 * 60_000, what: 'packaged VSIX through the UI' },
};
const DEADLINE = Date.now() + Number(process.env.E2E_BUDGET_S ?? 1080) * 1000;
/** A step's bound: its own, or what is left of the whole run's budget if that is less. */
const bound = (ms) => Math.max(0, Math.min(ms, DEADLINE - Date.now()));
const selected = (process.env.E2E_STAGES ?? Object.keys(STAGES).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
const summary = []; // { stage, passed, failed, seconds, note }
const t0 = Date.now();

/** Runs a command with inherited output in its own process group; resolves { code, timedOut, seconds }. */
function step(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 'SIGTERM');
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
    }, timeoutMs);
    const forward = () => killGroup(child.pid, 'SIGTERM');
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('error', (e) => console.error(String(e)));
    child.on('close', (code) => {
      clearTimeout(timer);
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
      killGroup(child.pid); // nothing of the stage outlives it
      resolve({ code, timedOut, seconds: Math.round((Date.now() - started) / 100) / 10 });
    });
  });
}

async function main() {
  const unknown = selected.filter((s) => !STAGES[s]);
  if (unknown.length) {
    console.error(`unknown stage(s) in E2E_STAGES: ${unknown.join(', ')} (known: ${Object.keys(STAGES).join(', ')})`);
    summary.push({ stage: 'config', passed: 0, failed: 1, seconds: 0 });
    return;
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  if (process.env.E2E_SKIP_PREREQS !== '1') {
    console.log('== e2e: prerequisites (e2e/install-prereqs.sh)');
    const r = await step('bash', [path.join(E2E, 'install-prereqs.sh')], bound(10 * 60_000));
    summary.push({ stage: 'prerequisites', passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1, seconds: r.seconds });
    if (r.code !== 0) return console.error('ERROR: the prerequisites could not be installed (see above); the e2e stage fails.');
  }
  if (process.env.E2E_SKIP_BUILD !== '1') {
    console.log('== e2e: build (npm run build)');
    const r = await step('npm', ['run', 'build', '--silent'], bound(5 * 60_000));
    summary.push({ stage: 'build', passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1, seconds: r.seconds });
    if (r.code !== 0) return console.error('ERROR: npm run build failed; the e2e stage fails.');
  }

  for (const name of selected) {
    const stage = STAGES[name];
    const resultsFile = path.join(ARTIFACTS, `results-${name}.json`);
    fs.rmSync(resultsFile, { force: true });
    const timeoutMs = bound(stage.timeoutMs);
    if (timeoutMs === 0) {
      summary.push({ stage: name, passed: 0, failed: 1, seconds: 0, note: 'not run: the e2e time budget (E2E_BUDGET_S) is used up', what: stage.what });
      continue;
    }
    const r = await step(process.execPath, [path.join(E2E, stage.script)], timeoutMs);
    let tests = [];
    try {
      tests = JSON.parse(fs.readFileSync(resultsFile, 'utf8')).tests;
    } catch {
      /* the stage died before writing its results */
    }
    let passed = tests.filter((t) => t.ok).length;
    let failed = tests.filter((t) => !t.ok).length;
    let note = '';
    if (r.timedOut) {
      failed++;
      note = `killed after ${Math.round(timeoutMs / 1000)} s`;
    } else if (r.code !== 0 && failed === 0) {
      failed++;
      note = `exited ${r.code} without a failed check`;
    } else if (r.code === 0 && passed === 0) {
      failed++;
      note = 'ran no check';
    }
    summary.push({ stage: name, passed, failed, seconds: r.seconds, note, what: stage.what, failures: tests.filter((t) => !t.ok).map((t) => t.name) });
  }
}

try {
  await main();
} catch (e) {
  console.error(e);
  summary.push({ stage: 'runner', passed: 0, failed: 1, seconds: 0, note: String(e) });
}
const passed = summary.reduce((n, s) => n + s.passed, 0);
const failed = summary.reduce((n, s) => n + s.failed, 0);
console.log(`\n== e2e summary (${Math.round((Date.now() - t0) / 1000)} s; artifacts in ${path.relative(ROOT, ARTIFACTS)}/)`);
for (const s of summary) {
  console.log(`  ${s.failed ? 'FAIL' : 'ok  '} ${s.stage.padEnd(13)} ${String(s.passed).padStart(3)} passed ${String(s.failed).padStart(3)} failed  ${String(s.seconds).padStart(6)} s${s.what ? `  ${s.what}` : ''}${s.note ? `  (${s.note})` : ''}`);
  for (const f of s.failures ?? []) console.log(`         \u2717 ${f}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
