#!/usr/bin/env node
// Stage "vscode": the extension-host suites (e2e/vscode/suite) in a real VS Code that needs no
// download of VS Code or Electron: code-server's bundled VS Code server (server-main.js, on Node 24)
// with the extension loaded from the repository (extensionDevelopmentPath), opened by headless
// Chromium (playwright-core + Debian's chromium). The test run is started by the page URL's
// payload (extensionDevelopmentPath, extensionTestsPath); the page reports the end by calling
// window.codeAutomationExit(code) (--enable-smoke-test-driver), exposed with page.exposeFunction.
//
// Installs code-server, Node 24 and playwright-core into the cache folder when missing (see
// cache.mjs); fails loudly when anything is missing. Env: E2E_VSCODE_TIMEOUT_MS (default 480000).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, ARTIFACTS, Results, check } from '../lib/common.mjs';
import { ensureCodeServer, ensurePlaywright, CACHE } from './cache.mjs';
import { compileSuites, checkExtensionBuilt, prepareWorkspace, readSuiteResults, SUITE_INDEX } from './prepare.mjs';
import { startServer, launchBrowser, closeBrowser, tail } from './code-server.mjs';

const results = new Results('vscode');
const TIMEOUT_MS = Number(process.env.E2E_VSCODE_TIMEOUT_MS ?? 480_000);
const artifacts = path.join(ARTIFACTS, 'vscode');
let prepared; // the temporary workspace, removed at the end

async function main() {
  console.log(`== e2e stage: vscode (extension-host suites in code-server's VS Code; cache ${CACHE})`);
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });

  let vscodeVersion;
  let playwright;
  const ready = await results.test('prerequisites: code-server, Node 24, playwright-core, chromium, extension build, compiled suites', async () => {
    ({ vscodeVersion } = await ensureCodeServer());
    playwright = await ensurePlaywright();
    checkExtensionBuilt();
    await compileSuites();
    prepared = await prepareWorkspace();
    return `VS Code ${vscodeVersion}`;
  });
  if (!ready) return;

  const serverLog = path.join(artifacts, 'server.log');
  const consoleLog = path.join(artifacts, 'browser-console.log');
  let server;
  let browser;
  let consoleOut;
  let exitCode;
  const t0 = Date.now();
  try {
    server = await startServer({ dataDir: path.join(prepared.base, 'vscode-data'), logFile: serverLog });
    const remote = (p) => `vscode-remote://${server.authority}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(SUITE_INDEX)],
    ];
    const url = `http://${server.authority}/?folder=${encodeURIComponent(prepared.ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    fs.writeFileSync(path.join(artifacts, 'url.txt'), url + '\n');
    let page;
    ({ browser, page } = await launchBrowser(playwright));
    consoleOut = fs.createWriteStream(consoleLog);
    page.on('console', (m) => {
      const text = m.text();
      consoleOut.write(`[${m.type()}] ${text}\n`);
      if (text.includes('[e2e]')) console.log(`    ${text.slice(text.indexOf('[e2e]'))}`);
    });
    page.on('pageerror', (e) => consoleOut.write(`[pageerror] ${e.stack ?? e}\n`));
    // Exposed (awaited) before the page loads: the workbench looks it up when the tests end.
    let reportExit;
    const exited = new Promise((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    // The first of: the page reports the end, the time bound, the server dies.
    let timer;
    let poll;
    exitCode = await Promise.race([
      exited,
      new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS))),
      new Promise((resolve) => (poll = setInterval(() => server.exited() && resolve('server-exited'), 500))),
    ]);
    clearTimeout(timer);
    clearInterval(poll);
    await page.screenshot({ path: path.join(artifacts, 'after-tests.png') }).catch(() => {});
  } catch (e) {
    results.fail('code-server session', `${e.stack ?? e}\n--- server log ---\n${tail(serverLog, 20)}`);
  } finally {
    consoleOut?.end();
    await closeBrowser(browser);
    await server?.stop();
  }
  if (exitCode === undefined) return;
  const seconds = Math.round((Date.now() - t0) / 1000);

  // Per-test results as the suites wrote them.
  const suite = readSuiteResults(prepared.resultsFile);
  if (suite) fs.copyFileSync(prepared.resultsFile, path.join(artifacts, 'results-suites.json'));
  for (const t of suite?.tests ?? []) {
    if (t.ok) results.pass(`VS Code ${suite.vscode}: ${t.name}`, t.ms);
    else results.fail(`VS Code ${suite.vscode}: ${t.name}`, t.error, t.ms);
  }
  const hint = `(server log: ${serverLog}; browser console: ${consoleLog})`;
  if (exitCode === 'timeout') results.fail('extension tests finished', `no codeAutomationExit within ${TIMEOUT_MS} ms ${hint}`);
  else if (exitCode === 'server-exited') results.fail('extension tests finished', `the VS Code server exited ${JSON.stringify(server.exited())} ${hint}\n${tail(serverLog, 20)}`);
  else if (!suite || !suite.done) results.fail('extension tests finished', `codeAutomationExit(${exitCode}) but the suites wrote no final results ${hint}\n${tail(consoleLog, 20)}`);
  else if (exitCode !== 0 && suite.failures === 0) results.fail('extension tests finished', `codeAutomationExit(${exitCode}) although no test failed ${hint}`);
  else if (exitCode === 0 && suite.failures > 0) results.fail('extension tests finished', `codeAutomationExit(0) although ${suite.failures} test(s) failed`);
  else console.log(`  extension host run: codeAutomationExit(${exitCode}) after ${seconds} s`);
}

let code = 1;
try {
  await main();
} catch (e) {
  results.fail('vscode stage crashed', e.stack ?? e);
} finally {
  if (prepared) fs.rmSync(prepared.base, { recursive: true, force: true });
}
code = results.finish();
process.exit(code);
