// Starting and stopping code-server's bundled VS Code server (lib/vscode/out/server-main.js, run
// with Node 24), and a headless Chromium page on it. The `code-server` command itself rejects the
// extension-test flags, so the bundled server is used for the extension tests; the VSIX check
// uses `code-server --install-extension` only to install the package.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { killGroup, trackGroup, check } from '../lib/common.mjs';
import { node24, serverMain, CHROMIUM, CHROMIUM_ARGS } from './cache.mjs';

/**
 * A gallery without serviceUrl turns the extension marketplace off: code-server would otherwise
 * query open-vsx.org, which this machine cannot reach, at every start and install.
 */
export const OFFLINE_ENV = { EXTENSIONS_GALLERY: '{}' };

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs, isAlive) {
  const t0 = Date.now();
  let last = '';
  while (Date.now() - t0 < timeoutMs) {
    check(isAlive(), () => `the server exited before answering ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return Date.now() - t0;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = String(e.cause?.code ?? e.message);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

/**
 * Starts server-main.js on a free 127.0.0.1 port in its own process group, with fresh user data
 * and extensions folders under `dataDir`; resolves when it answers HTTP. `stop()` kills the group.
 */
export async function startServer({ dataDir, logFile, extensionsDir, env = {} }) {
  const port = await freePort();
  const userData = path.join(dataDir, 'user-data');
  const extensions = extensionsDir ?? path.join(dataDir, 'extensions');
  const serverData = path.join(dataDir, 'server-data');
  for (const d of [userData, extensions, serverData]) fs.mkdirSync(d, { recursive: true });
  const args = [
    serverMain(),
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--server-data-dir', serverData,
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--accept-server-license-terms',
  ];
  const out = fs.openSync(logFile, 'a');
  const child = spawn(node24(), args, {
    detached: true, // its own process group: stop() kills the server, its extension hosts and the language server
    stdio: ['ignore', out, out],
    env: { ...process.env, ...OFFLINE_ENV, ...env, VSCODE_AGENT_FOLDER: serverData },
  });
  fs.closeSync(out);
  const untrack = trackGroup(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const stop = async () => {
    killGroup(child.pid, 'SIGTERM');
    const t0 = Date.now();
    while (exited === null && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 100));
    killGroup(child.pid, 'SIGKILL');
    untrack();
  };
  try {
    const ms = await waitForHttp(`http://127.0.0.1:${port}/version`, 90_000, () => exited === null);
    return { port, authority: `127.0.0.1:${port}`, pid: child.pid, stop, startedMs: ms, exited: () => exited };
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n--- server log (${logFile}) ---\n${tail(logFile, 30)}`);
  }
}

export function tail(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Launches Debian's Chromium headless through playwright-core (no browser download). */
export async function launchBrowser(playwright, { viewport = { width: 1400, height: 900 } } = {}) {
  // Signals are left to the stage (trackGroup): it kills the browser's group with the rest.
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  browser.untrack = trackGroup(browser.process?.()?.pid);
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { browser, context, page };
}

/** Closes the browser, and SIGKILLs its process tree if it does not close in time. */
export async function closeBrowser(browser) {
  if (!browser) return;
  const pid = browser.process?.()?.pid;
  await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
  // playwright starts Chromium in its own process group: kill what is left of it (renderers, zygote).
  if (pid) killGroup(pid);
  browser.untrack?.();
}
