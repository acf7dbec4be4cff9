/**
 * Entry point of the extension tests (`extensionTestsPath`): runs the mocha suites of this folder
 * inside the extension host, against the real `vscode` API and the Infralint extension loaded from
 * `extensionDevelopmentPath` (the repository). Used by both runners: run-code-server.mjs (code-server's
 * bundled VS Code, in headless Chromium) and run-test-electron.mjs (@vscode/test-electron).
 *
 * Results go to the console (spec-like lines) and, as JSON, to `results-vscode.json` in the parent
 * folder of the opened workspace (the runner's temporary folder), which the runner reads.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

// mocha is the repository's own devDependency (e2e/out/vscode/suite -> repository root).
const ROOT = path.resolve(__dirname, '../../../..');

interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require(path.join(ROOT, 'node_modules', 'mocha')) as typeof import('mocha');
  const grep = process.env.E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false, reporter: 'dot', ...(grep ? { grep } : {}) });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));

  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const resultsFile = process.env.E2E_VSCODE_RESULTS ?? (folder ? path.join(path.dirname(folder), 'results-vscode.json') : undefined);
  const results: TestResult[] = [];
  const write = (extra: object = {}) => {
    if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ vscode: vscode.version, tests: results, ...extra }, null, 2));
  };
  write({ running: true });

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      write({ done: true, failures });
      console.log(`[e2e] ${results.filter((r) => r.ok).length} passing, ${failures} failing (VS Code ${vscode.version})`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else if (results.length === 0) reject(new Error('no extension test ran'));
      else resolve();
    });
    runner.on('pass', (test) => {
      results.push({ name: test.fullTitle(), ok: true, ms: test.duration ?? 0 });
      console.log(`[e2e] \u2713 ${test.fullTitle()} (${test.duration ?? 0} ms)`);
      write({ running: true });
    });
    runner.on('fail', (test, err: Error) => {
      results.push({ name: test.fullTitle(), ok: false, ms: test.duration ?? 0, error: err?.stack ?? String(err) });
      console.log(`[e2e] \u2717 ${test.fullTitle()}: ${err?.stack ?? err}`);
      write({ running: true });
    });
  });
}
