import * as assert from 'node:assert';
import { BUCKET_YAML, cleanup, makeFixture, runCli, runJson, type JsonReport } from './helpers';

/** `file:line:ruleId:severity` */
function summary(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.severity}`);
}

const CONFIG = [
  'rules:',
  '  customizations:',
  '    - rule: "aws-s3-*"',
  '      severity: info',
  '    - rule: aws-s3-bucket-encryption',
  '      severity: error',
  '    - rule: "!aws-s3-bucket-encryption"',
  '      severity: hint',
  '    - rule: aws-s3-bucket-logging',
  '      severity: "off"',
  'exclude:',
  '  - generated',
  '  - "!generated/keep.yaml"',
  '',
].join('\n');

const SUPPRESSED_YAML = BUCKET_YAML.replace('  Logs:', '  Logs: # infralint-disable-line aws-s3-bucket-encryption -- encrypted by the account default');

describe('infralint scan configuration', () => {
  let dir: string;
  afterEach(() => cleanup(dir));

  it('uses the nearest .infralint.yaml above each file (severities, later entries win, !glob, off, exclude)', () => {
    dir = makeFixture({
      '.infralint.yaml': CONFIG,
      'stacks/s3.yaml': BUCKET_YAML,
      'generated/gen.yaml': BUCKET_YAML,
      'generated/keep.yaml': BUCKET_YAML,
      'team/.infralint.yaml': 'minimumSeverity: error\n',
      'team/s3.yaml': BUCKET_YAML,
    });
    const { run, report } = runJson(['scan', '.'], dir);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.deepStrictEqual(summary(report), [
      'generated/keep.yaml:4:aws-s3-bucket-encryption:error',
      'generated/keep.yaml:4:aws-s3-bucket-public-access-block:hint',
      'generated/keep.yaml:4:aws-s3-bucket-versioning:hint',
      'stacks/s3.yaml:4:aws-s3-bucket-encryption:error',
      'stacks/s3.yaml:4:aws-s3-bucket-public-access-block:hint',
      'stacks/s3.yaml:4:aws-s3-bucket-versioning:hint',
    ]);
    // The team folder's own file is used alone: severities as the rules say, then nothing below error.
    assert.deepStrictEqual(report.files, [
      { file: 'generated/gen.yaml', format: 'none', reason: 'excluded by .infralint.yaml' },
      { file: 'generated/keep.yaml', format: 'cloudformation' },
      { file: 'stacks/s3.yaml', format: 'cloudformation' },
      { file: 'team/s3.yaml', format: 'cloudformation' },
    ]);
  });

  it('--config FILE replaces the nearest file for every scanned file', () => {
    dir = makeFixture({ '.infralint.yaml': CONFIG, 'ci/strict.yaml': 'minimumSeverity: error\nrules:\n  customizations:\n    - rule: aws-s3-bucket-versioning\n      severity: error\n', 's3.yaml': BUCKET_YAML });
    const { run, report } = runJson(['scan', 's3.yaml', '--config', 'ci/strict.yaml'], dir);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.deepStrictEqual(summary(report), ['s3.yaml:4:aws-s3-bucket-versioning:error']);
  });

  it('--minimum-severity overrides the file; --no-inline-suppressions reports suppressed findings', () => {
    dir = makeFixture({ '.infralint.yaml': 'minimumSeverity: hint\n', 's3.yaml': SUPPRESSED_YAML });
    const plain = runJson(['scan', 's3.yaml'], dir).report;
    assert.deepStrictEqual(summary(plain), [
      's3.yaml:4:aws-s3-bucket-logging:warning',
      's3.yaml:4:aws-s3-bucket-public-access-block:warning',
      's3.yaml:4:aws-s3-bucket-versioning:warning',
    ]);
    const forbidden = runJson(['scan', 's3.yaml', '--no-inline-suppressions'], dir).report;
    assert.deepStrictEqual(summary(forbidden), [
      's3.yaml:4:aws-s3-bucket-encryption:warning',
      's3.yaml:4:aws-s3-bucket-logging:warning',
      's3.yaml:4:aws-s3-bucket-public-access-block:warning',
      's3.yaml:4:aws-s3-bucket-versioning:warning',
    ]);
    const { run, report } = runJson(['scan', 's3.yaml', '--minimum-severity', 'error'], dir);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(report.findings, []);
  });

  it('reports an unused suppression as an info finding', () => {
    dir = makeFixture({ 's3.yaml': BUCKET_YAML.replace('  Logs:', '  Logs: # infralint-disable-line aws-kms-key-rotation') });
    const { report } = runJson(['scan', 's3.yaml'], dir);
    const unused = report.findings.filter((f) => f.ruleId === 'unused-suppression');
    assert.deepStrictEqual(unused.map((f) => [f.line, f.column, f.severity]), [[4, 9, 'info']]);
  });

  it('exits 2 for a bad .infralint.yaml, naming the file, position, key and value, with no report', () => {
    dir = makeFixture({
      '.infralint.yaml': 'rules:\n  customizations:\n    - rule: aws-s3-bucket-logging\n      severity: warn\nminimumSeverty: error\n',
      's3.yaml': BUCKET_YAML,
    });
    const run = runCli(['scan', 's3.yaml', '--format', 'json'], dir);
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.stdout, '');
    assert.strictEqual(
      run.stderr,
      [
        "infralint: bad configuration: .infralint.yaml:4:17: rules.customizations[0].severity: 'warn' is not a severity (expected error, warning, info, hint, off or default)",
        'infralint: bad configuration: .infralint.yaml:5:1: minimumSeverty: unknown setting (expected rules, minimumSeverity, exclude, formats or suppressions)',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 for a YAML syntax error in the config, a missing --config file, or a bad --minimum-severity', () => {
    dir = makeFixture({ '.infralint.yaml': 'exclude: [\n', 's3.yaml': BUCKET_YAML });
    const syntax = runCli(['scan', 's3.yaml'], dir);
    assert.strictEqual(syntax.status, 2);
    assert.match(syntax.stderr, /^infralint: bad configuration: \.infralint\.yaml:\d+:\d+: not valid YAML: /);
    const missing = runCli(['scan', 's3.yaml', '--config', 'nope.yaml'], dir);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /nope\.yaml: the configuration file does not exist/);
    const level = runCli(['scan', 's3.yaml', '--minimum-severity', 'low'], dir);
    assert.strictEqual(level.status, 2);
    assert.match(level.stderr, /invalid value for --minimum-severity: 'low' \(expected error, warning, info, hint\)/);
  });

  it('does not lint the config file itself when scanning a folder', () => {
    dir = makeFixture({ '.infralint.yaml': 'minimumSeverity: warning\n', 's3.yaml': BUCKET_YAML });
    const { report } = runJson(['scan', '.'], dir);
    assert.deepStrictEqual(report.files.map((f) => f.file), ['s3.yaml']);
  });
});
