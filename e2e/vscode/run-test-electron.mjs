#!/usr/bin/env node
// The same extension-host suites (e2e/vscode/suite) with @vscode/test-electron's runTests: for
// machines that can download VS Code (a developer's machine, a CI with internet). It cannot run on
// this project's CI machines, which reach no VS Code or Electron download: there the code-server
// runner (run-code-server.mjs, `npm run test:e2e`) runs these suites. Not part of `npm run test:e2e`.
//
//   npm run build && npm run test:e2e:electron
//   (Linux without a display: xvfb-run -a npm run test:e2e:electron)
//
// Env: E2E_VSCODE_VERSION (default 'stable'; e.g. '1.82.0', the oldest version package.json's
// engines.vscode accepts), INFRALINT_E2E_CACHE (where @vscode/test-electron and the downloaded VS
// Code builds are kept; default ~/.cache/infralint-e2e).
//
// @vscode/test-electron is installed into the cache folder, not the repository: 2.5.2, since 3.x
// requires Node >= 22 and the project runs on Node 20. runTests downloads VS Code into cachePath
// (once), starts it with --extensionDevelopmentPath=<repo> --extensionTestsPath=<suite/index.js>
// and the workspace folder as the first launch argument, and rejects (TestRunFailedError) when
// VS Code exits non-zero, which it does when run() (suite/index.js) rejects.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, ARTIFACTS, Results } from '../lib/common.mjs';
import { CACHE, ensure, TEST_ELECTRON_SPEC } from './cache.mjs';
import { compileSuites, checkExtensionBuilt, prepareWorkspace, readSuiteResults, SUITE_INDEX } from './prepare.mjs';

const results = new Results('vscode-electron');

async function main() {
  console.log(`== e2e: extension-host suites with ${TEST_ELECTRON_SPEC} (cache ${CACHE})`);
  const dir = path.join(CACHE, 'test-electron');
  await ensure('test-electron', TEST_ELECTRON_SPEC, { verify: () => fs.existsSync(path.join(dir, 'node_modules', '@vscode', 'test-electron', 'package.json')) });
  const { runTests } = createRequire(path.join(dir, 'package.json'))('@vscode/test-electron');
  checkExtensionBuilt();
  await compileSuites();
  const prepared = await prepareWorkspace('infralint-e2e-electron-');

  let error;
  try {
    await runTests({
      version: process.env.E2E_VSCODE_VERSION ?? 'stable',
      cachePath: path.join(CACHE, 'vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_INDEX,
      // The first launch argument is the folder to open. Fresh profile folders (outside the
      // repository: runTests' default is <its own package>/.vscode-test) keep the run independent
      // of anything installed or set on this machine.
      launchArgs: [
        prepared.ws,
        `--user-data-dir=${path.join(prepared.base, 'user-data')}`,
        `--extensions-dir=${path.join(prepared.base, 'extensions')}`,
        '--disable-gpu',
      ],
      extensionTestsEnv: { E2E_VSCODE_RESULTS: prepared.resultsFile, ...(process.env.E2E_GREP ? { E2E_GREP: process.env.E2E_GREP } : {}) },
    });
  } catch (e) {
    error = e;
  }
  const suite = readSuiteResults(prepared.resultsFile);
  if (suite) {
    fs.mkdirSync(path.join(ARTIFACTS, 'vscode-electron'), { recursive: true });
    fs.copyFileSync(prepared.resultsFile, path.join(ARTIFACTS, 'vscode-electron', 'results-suites.json'));
  }
  for (const t of suite?.tests ?? []) {
    if (t.ok) results.pass(`VS Code ${suite.vscode} (Electron): ${t.name}`, t.ms);
    else results.fail(`VS Code ${suite.vscode} (Electron): ${t.name}`, t.error, t.ms);
  }
  if (error && (!suite || suite.failures === 0)) results.fail('runTests', error.stack ?? error);
  if (!error && (!suite || !suite.done)) results.fail('runTests', 'VS Code exited 0 but the suites wrote no final results');
  fs.rmSync(prepared.base, { recursive: true, force: true });
}

try {
  await main();
} catch (e) {
  results.fail('test-electron runner', e.stack ?? e);
}
process.exit(results.finish());
