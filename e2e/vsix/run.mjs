#!/usr/bin/env node
// Stage "vsix": the packaged extension as a user gets it. Packages the VSIX (@vscode/vsce package),
// installs it with `code-server --install-extension`, starts code-server's VS Code server with that
// extensions folder, and drives it in headless Chromium like a person: opens a template with Quick
// Open, sees the squiggle and the Problems entry, puts the cursor on the finding, opens the quick
// fixes with Ctrl+. and picks 'Set EnableKeyRotation to true' by its title, saves with Ctrl+S,
// and checks the file on disk and that the squiggle and the Problems entry are gone.
// Screenshots of each step go to e2e/artifacts/vsix/ (not committed).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, E2E, ARTIFACTS, Results, run, check, linesOf, lineDiff } from '../lib/common.mjs';
import { ensureCodeServer, ensurePlaywright, node24, codeServerBin, CACHE } from '../vscode/cache.mjs';
import { startServer, launchBrowser, closeBrowser, tail, OFFLINE_ENV } from '../vscode/code-server.mjs';

const results = new Results('vsix');
const artifacts = path.join(ARTIFACTS, 'vsix');
const FIXTURE = 'kms-key-rotation.yaml';
const FIX_TITLE = 'Set EnableKeyRotation to true';
const RULE = 'aws-kms-key-rotation';
const STEP_MS = 60_000;
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

let shot = 0;
async function screenshot(page, name) {
  shot++;
  const file = path.join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file }).catch(() => {});
  return file;
}

/**
 * Polls `fn` (a page query) until it returns a truthy value; throws after timeoutMs, saying what
 * the page showed last (`seen`, when given: the state that matters, not just "false").
 */
async function until(what, fn, { timeoutMs = STEP_MS, seen } = {}) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() - t0 > timeoutMs) {
      const state = seen ? await seen().catch((e) => `(${e.message})`) : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${state}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Squiggles drawn in the editor, by severity class. */
async function squiggles(page) {
  return page.evaluate(() => {
    const count = (cls) => document.querySelectorAll(`.monaco-editor .view-overlays .${cls}, .monaco-editor .${cls}`).length;
    return { error: count('squiggly-error'), warning: count('squiggly-warning'), info: count('squiggly-info') };
  });
}

/** Whether a squiggle of that class is drawn on that (1-based) line of the editor. */
async function squiggleOnLine(page, cls, line) {
  return page.evaluate(
    ([cls, line]) => {
      const number = [...document.querySelectorAll('.monaco-editor .margin-view-overlays .line-numbers')].find((e) => e.textContent.trim() === String(line));
      if (!number) return null; // line not rendered
      const top = number.getBoundingClientRect().top;
      return [...document.querySelectorAll(`.monaco-editor .${cls}`)].some((e) => Math.abs(e.getBoundingClientRect().top - top) < 4);
    },
    [cls, line],
  );
}

/** The rows of the Problems panel, as text. */
async function problemRows(page) {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.textContent ?? ''));
}

async function main() {
  console.log(`== e2e stage: vsix (packaged extension in code-server's VS Code, driven in Chromium; cache ${CACHE})`);
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'infralint-e2e-vsix-'));
  const vsix = path.join(artifacts, `${manifest.name}-${manifest.version}.vsix`);
  const extensionsDir = path.join(base, 'extensions');
  let playwright;

  const ready = await results.test('prerequisites: code-server, Node 24, playwright-core, chromium', async () => {
    const { vscodeVersion } = await ensureCodeServer();
    playwright = await ensurePlaywright();
    return `VS Code ${vscodeVersion}`;
  });
  if (!ready) return cleanup(base);

  const packaged = await results.test('VSIX packaged with @vscode/vsce package', async () => {
    for (const f of ['dist/client.js', 'dist/server.js']) check(fs.existsSync(path.join(ROOT, f)), `${f} missing: run \`npm run build\` first`);
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = await run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { timeoutMs: 180_000 });
    check(r.code === 0 && fs.existsSync(vsix), () => `vsce package exited ${r.code}:\n${r.stdout}${r.stderr}`);
    return `${path.relative(ROOT, vsix)}, ${Math.round(fs.statSync(vsix).size / 1024)} KiB`;
  });
  if (!packaged) return cleanup(base);

  const installed = await results.test('VSIX installed with code-server --install-extension', async () => {
    const r = await run(
      node24(),
      [codeServerBin(), '--config', path.join(base, 'code-server.yaml'), '--user-data-dir', path.join(base, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix],
      { timeoutMs: 180_000, env: { ...process.env, ...OFFLINE_ENV, XDG_CONFIG_HOME: path.join(base, 'config'), XDG_DATA_HOME: path.join(base, 'data') } },
    );
    check(r.code === 0 && /successfully installed/i.test(r.stdout + r.stderr), () => `code-server --install-extension exited ${r.code}:\n${r.stdout}${r.stderr}`);
    const dirs = fs.readdirSync(extensionsDir).filter((d) => d.startsWith(`${EXTENSION_ID}-`));
    check(dirs.length === 1, `no ${EXTENSION_ID}-* folder in ${extensionsDir}: ${fs.readdirSync(extensionsDir)}`);
    for (const f of ['package.json', 'dist/client.js', 'dist/server.js']) check(fs.existsSync(path.join(extensionsDir, dirs[0], f)), `${f} missing from the installed extension`);
    return dirs[0];
  });
  if (!installed) return cleanup(base);

  // A workspace with the fixture; settings that keep the window plain.
  const ws = path.join(base, 'ws');
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  const file = path.join(ws, FIXTURE);
  const original = fs.readFileSync(path.join(E2E, 'fixtures', FIXTURE), 'utf8');
  fs.writeFileSync(file, original);
  fs.writeFileSync(
    path.join(ws, '.vscode', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'editor.minimap.enabled': false, 'files.autoSave': 'off', 'chat.disableAIFeatures': true }, null, 2),
  );

  const serverLog = path.join(artifacts, 'server.log');
  let server;
  let browser;
  try {
    server = await startServer({ dataDir: path.join(base, 'vscode-data'), logFile: serverLog, extensionsDir });
    ({ browser } = await launchBrowser(playwright));
    const page = browser.contexts()[0].pages()[0];
    const consoleOut = fs.createWriteStream(path.join(artifacts, 'browser-console.log'));
    page.on('console', (m) => consoleOut.write(`[${m.type()}] ${m.text()}\n`));
    await page.goto(`http://${server.authority}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    const opened = await results.test(`VSIX UI: ${FIXTURE} opened with Quick Open shows the squiggle and the Problems entry`, async () => {
      await until('the workbench', () => page.$('.monaco-workbench .part.editor'));
      await until('the explorer to list the fixture', () => page.$(`.explorer-folders-view .monaco-list-row[aria-label*="${FIXTURE}"], .explorer-folders-view .label-name:text-is("${FIXTURE}")`).catch(() => null));
      await screenshot(page, 'workbench');
      await page.keyboard.press('Control+P');
      await until('Quick Open', () => page.$('.quick-input-widget:not([style*="display: none"]) input'));
      await page.keyboard.type(FIXTURE);
      await until('the fixture in Quick Open', async () => (await page.$$eval('.quick-input-list .monaco-list-row', (rows) => rows.map((r) => r.textContent))).some((t) => t.includes(FIXTURE)));
      await page.keyboard.press('Enter');
      await until('the editor tab', () => page.$(`.tabs-container .tab[aria-label*="${FIXTURE}"], .tabs-container .tab:has-text("${FIXTURE}")`));
      const s = await until(
        'the squiggles (1 error, 2 warnings)',
        async () => {
          const q = await squiggles(page);
          return q.error >= 1 && q.warning >= 2 ? q : false;
        },
        { seen: async () => `squiggles ${JSON.stringify(await squiggles(page))}` },
      );
      check((await squiggleOnLine(page, 'squiggly-warning', 6)) === true, 'no warning squiggle on line 6 (DataKey)');
      await page.keyboard.press('Control+Shift+M');
      const rows = await until(
        `the Problems entry for ${RULE}`,
        async () => {
          const r = await problemRows(page);
          return r.some((t) => t.includes(RULE)) ? r : false;
        },
        { seen: async () => `Problems rows ${JSON.stringify(await problemRows(page))}` },
      );
      await screenshot(page, 'squiggles-and-problems');
      return `squiggles ${JSON.stringify(s)}, ${rows.length} Problems rows`;
    });
    if (!opened) return;

    let before;
    const fixed = await results.test(`VSIX UI: Ctrl+. on the finding offers '${FIX_TITLE}' and applies it by its title`, async () => {
      before = await squiggles(page);
      // Cursor on the finding (line 6, the resource key DataKey): Go to Line (Ctrl+G) "6:4".
      await page.click('.monaco-editor .view-lines');
      await page.keyboard.press('Control+G');
      await until('Go to Line', () => page.$('.quick-input-widget:not([style*="display: none"]) input'));
      await page.keyboard.type('6:4');
      await page.keyboard.press('Enter');
      // Ctrl+. again while no menu shows: a key press can be lost while the editor takes the focus
      // back from Go to Line (once in CI: the light bulb was there, the menu never opened).
      let pressedAt = 0;
      const item = await until(`the quick fix '${FIX_TITLE}'`, async () => {
        const row = await page.$(`.action-widget .monaco-list-row:has-text("${FIX_TITLE}")`);
        if (row) return row;
        if (Date.now() - pressedAt > 3000 && !(await page.$('.action-widget .monaco-list-row'))) {
          await page.keyboard.press('Control+.');
          pressedAt = Date.now();
        }
        return undefined;
      }, {
        seen: async () => `menu ${JSON.stringify(await page.$$eval('.action-widget .monaco-list-row', (rows) => rows.map((r) => r.textContent)))}`,
      });
      await screenshot(page, 'quick-fix-menu');
      await item.click();
      await until('the editor to be dirty', () => page.$('.tabs-container .tab.dirty'));
      await screenshot(page, 'fix-applied');
    });
    if (!fixed) return;

    await results.test('VSIX UI: Ctrl+S saves the fix to disk; the squiggle and the Problems entry are gone', async () => {
      await page.keyboard.press('Control+S');
      await until('the file on disk to change', () => fs.readFileSync(file, 'utf8') !== original, { seen: async () => 'the file as it was' });
      await until('the tab to be saved', async () => !(await page.$('.tabs-container .tab.dirty')));
      const d = lineDiff(linesOf(original), linesOf(fs.readFileSync(file, 'utf8')));
      check(
        d.removed.length === 0 && d.at === 17 && JSON.stringify(d.inserted) === JSON.stringify(['      EnableKeyRotation: true']),
        `file on disk: expected '      EnableKeyRotation: true' inserted after line 17; got ${JSON.stringify(d)}`,
      );
      const after = await until(
        'one warning squiggle fewer, none on line 6',
        async () => {
          const q = await squiggles(page);
          return q.warning === before.warning - 1 && q.error === before.error && (await squiggleOnLine(page, 'squiggly-warning', 6)) === false ? q : false;
        },
        { seen: async () => `squiggles ${JSON.stringify(await squiggles(page))} (before the fix ${JSON.stringify(before)}), warning on line 6: ${await squiggleOnLine(page, 'squiggly-warning', 6)}` },
      );
      check((await squiggleOnLine(page, 'squiggly-warning', 19)) === true, 'the AlertsTopic warning squiggle (now line 19) is gone too');
      const rows = await until(
        `the Problems entry for ${RULE} to go`,
        async () => {
          const r = await problemRows(page);
          return !r.some((t) => t.includes(RULE)) && r.some((t) => t.includes('aws-sns-topic-encryption')) ? r : false;
        },
        { seen: async () => `Problems rows ${JSON.stringify(await problemRows(page))}` },
      );
      await screenshot(page, 'saved');
      return `squiggles ${JSON.stringify(before)} -> ${JSON.stringify(after)}; ${rows.length} Problems rows left`;
    });
    consoleOut.end();
  } catch (e) {
    results.fail('VSIX UI session', `${e.stack ?? e}\n--- server log ---\n${tail(serverLog, 20)}`);
  } finally {
    const page = browser?.contexts()[0]?.pages()[0];
    if (page && results.failed > 0) await screenshot(page, 'failure');
    await closeBrowser(browser);
    await server?.stop();
    cleanup(base);
  }
}

function cleanup(base) {
  fs.rmSync(base, { recursive: true, force: true });
}

try {
  await main();
} catch (e) {
  results.fail('vsix stage crashed', e.stack ?? e);
}
process.exit(results.finish());
