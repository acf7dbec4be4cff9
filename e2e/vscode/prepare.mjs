// What both VS Code runners need before starting an editor: the compiled suites (e2e/out), the
// extension's bundles (dist/), and a temporary workspace: a copy of test-workspace/ and
// e2e/fixtures/ (edits and settings written by the tests never touch the repository), with the
// cases' expected findings resolved beside it (cases.resolved.json, read by the suites).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, E2E, run, check } from '../lib/common.mjs';
import { loadCases } from '../lib/cases.mjs';

export const SUITE_INDEX = path.join(E2E, 'out', 'vscode', 'suite', 'index.js');

/** Compiles e2e/vscode/suite with e2e/tsconfig.json (the repository's TypeScript). */
export async function compileSuites() {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = await run(process.execPath, [tsc, '-p', path.join(E2E, 'tsconfig.json')], { timeoutMs: 120_000 });
  check(r.code === 0, () => `compiling the extension-host suites failed:\n${r.stdout}${r.stderr}`);
  check(fs.existsSync(SUITE_INDEX), `${SUITE_INDEX} missing after compiling`);
}

export function checkExtensionBuilt() {
  for (const f of ['dist/client.js', 'dist/server.js']) {
    check(fs.existsSync(path.join(ROOT, f)), `${f} missing: run \`npm run build\` first`);
  }
}

/** Creates <tmp>/ws (the folder to open) and <tmp>/cases.resolved.json; returns the paths. */
export async function prepareWorkspace(prefix = 'infralint-e2e-vscode-') {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const ws = path.join(base, 'ws');
  fs.mkdirSync(path.join(ws, 'e2e'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'test-workspace'), path.join(ws, 'test-workspace'), { recursive: true });
  fs.cpSync(path.join(E2E, 'fixtures'), path.join(ws, 'e2e', 'fixtures'), { recursive: true });
  const cases = await loadCases();
  fs.writeFileSync(path.join(base, 'cases.resolved.json'), JSON.stringify({ cases: cases.map(({ text, abs, ...c }) => c) }, null, 2));
  return { base, ws, resultsFile: path.join(base, 'results-vscode.json') };
}

/** The suites' results (written by suite/index.js), or undefined. */
export function readSuiteResults(resultsFile) {
  try {
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  }
}
