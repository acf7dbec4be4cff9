import * as assert from 'node:assert';
import { formatText } from '../src/formats/text';
import { shouldUseColor } from '../src/output';
import type { ScanReport } from '../src/report';
import { BUCKET_YAML, cleanup, CLEAN_YAML, COMPOSE_YAML, ENCRYPTION_RULE, makeFixture, runCli, runJson } from './helpers';

describe('infralint scan (text format)', () => {
  let dir: string;
  afterEach(() => cleanup(dir));

  it('groups findings under their file, as line:column severity message rule', () => {
    dir = makeFixture({ 'stacks/s3.yaml': BUCKET_YAML, 'stacks/clean.yaml': CLEAN_YAML });
    const run = runCli(['scan', 'stacks'], dir);
    assert.strictEqual(run.status, 1, run.stderr);
    const lines = run.stdout.split('\n');
    const header = lines.indexOf('stacks/s3.yaml');
    assert.ok(header >= 0, run.stdout);
    assert.ok(!lines.includes('stacks/clean.yaml'), 'files without findings are not listed');
    const line = lines.find((l) => l.endsWith(`  ${ENCRYPTION_RULE}`));
    assert.ok(line, run.stdout);
    assert.match(line, /^ {2}4:3 +warning {2}Bucket Logs has no BucketEncryption.* {2}aws-s3-bucket-encryption$/);
    assert.ok(lines.indexOf(line) > header);
  });

  it('ends with a summary of problems, linted files and skipped files', () => {
    dir = makeFixture({ 's3.yaml': BUCKET_YAML, 'clean.yaml': CLEAN_YAML, 'compose.yml': COMPOSE_YAML });
    const run = runCli(['scan', '.'], dir);
    const { report } = runJson(['scan', '.'], dir);
    const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
    const n = report.findings.length;
    const summary = run.stdout.trimEnd().split('\n').pop();
    assert.strictEqual(
      summary,
      `${n} problem${n === 1 ? '' : 's'} (${count('error')} error${count('error') === 1 ? '' : 's'}, ` +
        `${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} info${count('info') === 1 ? '' : 's'}` +
        `${count('hint') > 0 ? `, ${count('hint')} hints` : ''}) in 1 of 2 linted files; 1 file skipped (not CloudFormation)`,
    );
  });

  it('prints a clean summary and exits 0 when nothing is found', () => {
    dir = makeFixture({ 'clean.yaml': CLEAN_YAML });
    const run = runCli(['scan', 'clean.yaml'], dir);
    assert.strictEqual(run.status, 0, run.stdout);
    assert.strictEqual(run.stdout, '0 problems (0 errors, 0 warnings, 0 infos) in 1 linted file; 0 files skipped\n');
  });

  it('uses no color when stdout is not a terminal', () => {
    dir = makeFixture({ 's3.yaml': BUCKET_YAML });
    const run = runCli(['scan', 's3.yaml'], dir, { FORCE_COLOR: '1' });
    assert.ok(!run.stdout.includes('\u001b['), JSON.stringify(run.stdout));
  });
});

describe('text report colors', () => {
  const report: ScanReport = {
    tool: { name: 'infralint', version: '0.0.0' },
    findings: [{ ruleId: 'r', severity: 'error', message: 'm', file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 }],
    files: [{ file: 'a.yaml', format: 'cloudformation' }],
  };

  it('colors only a text report to a terminal, and never with NO_COLOR set', () => {
    assert.strictEqual(shouldUseColor('text', undefined, true, {}), true);
    assert.strictEqual(shouldUseColor('text', undefined, false, {}), false);
    assert.strictEqual(shouldUseColor('text', undefined, true, { NO_COLOR: '1' }), false);
    assert.strictEqual(shouldUseColor('text', 'report.txt', true, {}), false);
    assert.strictEqual(shouldUseColor('json', undefined, true, {}), false);
  });

  it('writes the same text, with or without ANSI codes', () => {
    const colored = formatText(report, { color: true });
    const plain = formatText(report, { color: false });
    assert.ok(colored.includes('\u001b[31m'));
    assert.strictEqual(colored.replace(/\u001b\[\d+m/g, ''), plain);
    assert.strictEqual(plain, 'a.yaml\n  1:1  error    m  r\n\n1 problem (1 error, 0 warnings, 0 infos) in 1 linted file; 0 files skipped\n');
  });
});
