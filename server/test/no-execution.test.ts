import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The server and the engine read templates and settings, nothing more: no module that runs
 * programs, opens connections or evaluates code may be imported by our own sources (the protocol
 * library's transports are its own business). Workspace trust can then be "supported" as declared.
 */
const ROOT = path.resolve(__dirname, '../../..');
const FORBIDDEN_MODULES = ['child_process', 'http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'vm', 'worker_threads', 'cluster', 'inspector'];
// The one exception: host/time-budget.ts runs the fixed script `run()` (our own lint) under vm's
// timeout, the only way to stop a rule stuck in a loop. It may use vm for nothing else.
const VM_TIME_BUDGET = 'shared-rules/src/host/time-budget.ts';
const FORBIDDEN_CALLS = [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bfetch\s*\(/, /\brequire\s*\(\s*[^'"\s]/];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('no code execution and no network from templates or workspace', () => {
  const files = ['shared-rules/src', 'server/src', 'client/src'].flatMap((d) => sources(path.join(ROOT, d)));

  it('finds the sources to check', () => {
    assert.ok(files.length > 40, `${files.length} files`);
  });

  it('imports no module that runs programs, opens connections or evaluates code', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?([\w/-]+)['"]/g)) {
        const relative = path.relative(ROOT, file).split(path.sep).join('/');
        if (m[1] === 'vm' && relative === VM_TIME_BUDGET) continue;
        if (FORBIDDEN_MODULES.includes(m[1].split('/')[0])) found.push(`${relative}: ${m[1]}`);
      }
      for (const re of FORBIDDEN_CALLS) if (re.test(text)) found.push(`${path.relative(ROOT, file)}: ${re}`);
    }
    assert.deepStrictEqual(found, []);
  });

  it(`uses vm only in ${VM_TIME_BUDGET}, only to run the fixed script run()`, () => {
    const text = fs.readFileSync(path.join(ROOT, VM_TIME_BUDGET), 'utf8');
    const uses = [...text.matchAll(/\bvm\.(\w+)\(/g)].map((m) => m[1]);
    assert.deepStrictEqual(uses.sort(), ['Script', 'createContext']);
    // The one script is a fixed text, not built from anything.
    assert.deepStrictEqual([...text.matchAll(/new vm\.Script\(([^,]*),/g)].map((m) => m[1]), ["'run()'"]);
  });

  it('declares the extension safe in untrusted workspaces, for the reason above', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.strictEqual(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    // No setting may point at code to load: no path-valued setting in the manifest.
    const settings = Object.entries<{ scope?: string; description?: string }>(manifest.contributes.configuration.properties);
    assert.deepStrictEqual(settings.filter(([key]) => /plugin|path|command|executable|script/i.test(key)).map(([key]) => key), []);
  });
});
