import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'cli/bin/infralint.js');

interface Report {
  findings: { file: string; ruleId: string; resource?: string; severity: string }[];
  files: { file: string; format: string; reason?: string }[];
}

describe('scanning test-workspace (the README\'s first command)', function () {
  this.timeout(60000);

  it('finds exactly the expected problems in the insecure templates, none in the secure ones, and skips non-CloudFormation files', () => {
    const run = spawnSync(process.execPath, [CLI, 'scan', 'test-workspace', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'cli/test/test-workspace-expected.json'), 'utf8')) as {
      files: Record<string, string[]>;
    };
    const actual: Record<string, string[]> = {};
    for (const f of report.files) if (!f.reason) actual[f.file.replace(/^test-workspace\//, '')] = [];
    for (const f of report.findings) actual[f.file.replace(/^test-workspace\//, '')].push(`${f.ruleId} ${f.resource ?? ''}`);
    for (const list of Object.values(actual)) list.sort();
    assert.deepStrictEqual(actual, expected.files);

    const secure = Object.entries(expected.files).filter(([file]) => file.startsWith('secure/'));
    assert.ok(secure.length >= 5 && secure.every(([, findings]) => findings.length === 0));
    const skipped = report.files.filter((f) => f.reason).map((f) => f.file).sort();
    assert.deepStrictEqual(skipped, [
      'test-workspace/not-cloudformation/docker-compose.yml',
      'test-workspace/not-cloudformation/github-workflow.yml',
      'test-workspace/not-cloudformation/package-settings.json',
    ]);
  });

  it('gives the same report from the bundle (dist/cli.js, what the bin prefers) as from the compiled modules', () => {
    const report = (entry: string) => {
      // With -e the arguments start at argv[1]: 'infralint' stands where the script path would be.
      const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(entry)}).main()`, 'infralint', 'scan', 'test-workspace', '--format', 'sarif'], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(run.status, 1, `${entry}: ${run.stderr}`);
      return run.stdout;
    };
    const compiled = report(path.join(ROOT, 'cli/out/src/main.js'));
    assert.strictEqual(report(path.join(ROOT, 'dist/cli.js')), compiled);
    // SARIF names the tool's version: the bundle must find it too.
    assert.match(compiled, /"version": "\d+\.\d+\.\d+"/);
  });
});
