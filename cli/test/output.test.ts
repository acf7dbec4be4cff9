import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUCKET_YAML, cleanup, CLEAN_YAML, makeFixture, runCli, runJson } from './helpers';

describe('infralint scan: --output and files that are not linted', () => {
  let dir: string;
  afterEach(() => cleanup(dir));

  it('writes the report to the --output file, not to stdout', () => {
    dir = makeFixture({ 's3.yaml': BUCKET_YAML });
    const run = runCli(['scan', 's3.yaml', '--format', 'json', '--output', 'reports/infralint.json'], dir);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.strictEqual(run.stdout, '');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'infralint.json'), 'utf8'));
    assert.strictEqual(report.tool.name, 'infralint');
    assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId === 'aws-s3-bucket-encryption'));
  });

  it('accepts --output=FILE and -o FILE for SARIF and text', () => {
    dir = makeFixture({ 's3.yaml': BUCKET_YAML });
    assert.strictEqual(runCli(['scan', 's3.yaml', '--format=sarif', '--output=out.sarif'], dir).status, 1);
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')).version, '2.1.0');
    assert.strictEqual(runCli(['scan', '-o', 'out.txt', 's3.yaml'], dir).status, 1);
    const text = fs.readFileSync(path.join(dir, 'out.txt'), 'utf8');
    assert.match(text, /^s3\.yaml$/m);
    assert.ok(!text.includes('\u001b['));
  });

  it('exits 2 with a message when the output file cannot be written', () => {
    dir = makeFixture({ 's3.yaml': BUCKET_YAML, 'taken': 'a file, not a folder' });
    const run = runCli(['scan', 's3.yaml', '--output', 'taken/report.json'], dir);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /cannot write output file 'taken\/report\.json'/);
  });

  it('skips files larger than 5 MB with a reason', () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    BUCKET_YAML.split('').forEach((c, i) => (big[i] = c.charCodeAt(0)));
    dir = makeFixture({ 'big.yaml': big, 'clean.yaml': CLEAN_YAML });
    const { run, report } = runJson(['scan', '.'], dir);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(report.files, [
      { file: 'big.yaml', format: 'none', reason: 'larger than 5 MB' },
      { file: 'clean.yaml', format: 'cloudformation' },
    ]);
    const text = runCli(['scan', '.'], dir).stdout;
    assert.match(text, /1 file skipped \(larger than 5 MB\)/);
  });

  it('reports an unreadable file in files with a reason instead of crashing', function () {
    dir = makeFixture({ 'clean.yaml': CLEAN_YAML });
    try {
      fs.symlinkSync(path.join(dir, 'does-not-exist.yaml'), path.join(dir, 'dangling.yaml'));
    } catch {
      this.skip();
    }
    const { run, report } = runJson(['scan', '.'], dir);
    assert.strictEqual(run.status, 0, run.stderr);
    const dangling = report.files.find((f) => f.file === 'dangling.yaml');
    assert.ok(dangling, JSON.stringify(report.files));
    assert.strictEqual(dangling.format, 'none');
    assert.match(dangling.reason ?? '', /unreadable/);
    assert.ok(report.files.some((f) => f.file === 'clean.yaml' && f.format === 'cloudformation'));
  });
});
