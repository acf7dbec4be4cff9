import * as assert from 'node:assert';
import { BUCKET_YAML, cleanup, CLEAN_YAML, COMPOSE_YAML, makeFixture, readCliVersion, runCli } from './helpers';

describe('infralint exit codes and commands', () => {
  let dir: string;
  before(() => {
    dir = makeFixture({ 's3.yaml': BUCKET_YAML, 'clean.yaml': CLEAN_YAML, 'compose.yml': COMPOSE_YAML });
  });
  after(() => cleanup(dir));

  it('exits 0 when there are no findings', () => {
    assert.strictEqual(runCli(['scan', 'clean.yaml', 'compose.yml'], dir).status, 0);
  });

  it('exits 1 when there are findings, whatever the format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      assert.strictEqual(runCli(['scan', 's3.yaml', '--format', format], dir).status, 1, format);
    }
  });

  it('exits 2 and names the option for an unknown option', () => {
    const run = runCli(['scan', 's3.yaml', '--colour'], dir);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /unknown option: '--colour'/);
    assert.strictEqual(run.stdout, '');
  });

  it('exits 2 and names the value for an unknown format', () => {
    const run = runCli(['scan', 's3.yaml', '--format', 'xml'], dir);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /--format: 'xml'/);
  });

  it('exits 2 when --format has no value', () => {
    const run = runCli(['scan', 's3.yaml', '--format'], dir);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /--format needs a value/);
  });

  it('exits 2 when scan is given no paths', () => {
    const run = runCli(['scan'], dir);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /no paths given/);
  });

  it('exits 2 and names every missing path, without a report', () => {
    const run = runCli(['scan', 's3.yaml', 'missing.yaml', 'gone/'], dir);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /'missing\.yaml'/);
    assert.match(run.stderr, /'gone\/'/);
    assert.strictEqual(run.stdout, '');
  });

  it('warns on stderr when a folder holds no template file at all, and still exits 0 (found by a new-user trial)', () => {
    const empty = makeFixture({ 'notes.txt': 'no templates here\n' });
    try {
      const run = runCli(['scan', '.'], empty);
      assert.strictEqual(run.status, 0);
      assert.match(run.stderr, /^infralint: warning: no template files \(\.yaml, \.yml, \.json, \.template\) under '\.'\n$/);
      assert.match(run.stdout, /0 linted files/);
    } finally {
      cleanup(empty);
    }
    // Files that are not CloudFormation were looked at: no warning, the summary says they were skipped.
    assert.strictEqual(runCli(['scan', 'compose.yml'], dir).stderr, '');
  });

  it('exits 2 for an unknown command or no command', () => {
    const unknown = runCli(['lint', 's3.yaml'], dir);
    assert.strictEqual(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command: 'lint'/);
    assert.strictEqual(runCli([], dir).status, 2);
  });

  it('prints help and the version', () => {
    const help = runCli(['--help'], dir);
    assert.strictEqual(help.status, 0);
    assert.match(help.stdout, /Usage: infralint/);
    assert.match(help.stdout, /scan/);
    const scanHelp = runCli(['scan', '--help'], dir);
    assert.strictEqual(scanHelp.status, 0);
    assert.match(scanHelp.stdout, /--format/);
    const version = runCli(['--version'], dir);
    assert.strictEqual(version.status, 0);
    assert.strictEqual(version.stdout.trim(), readCliVersion());
  });

  it('lists the rules with id, severity and title', () => {
    const run = runCli(['rules'], dir);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^aws-s3-bucket-encryption +warning +S3 buckets should declare default server-side encryption$/m);
    const json = JSON.parse(runCli(['rules', '--format', 'json'], dir).stdout) as { rules: { id: string; severity: string; title: string }[] };
    assert.ok(json.rules.some((r) => r.id === 'aws-s3-bucket-encryption' && r.severity === 'warning' && r.title.length > 0));
  });
});
