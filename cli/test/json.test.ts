import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '@infralint/shared-rules';
import { BUCKET_YAML, cleanup, COMPOSE_YAML, ENCRYPTION_RULE, makeFixture, readCliVersion, runJson, TAB_YAML } from './helpers';

describe('infralint scan --format json', () => {
  let dir: string;
  afterEach(() => cleanup(dir));

  it('prints the tool, findings and files with the documented fields', () => {
    dir = makeFixture({ 's3.yaml': BUCKET_YAML });
    const { run, report } = runJson(['scan', 's3.yaml'], dir);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.deepStrictEqual(Object.keys(report), ['tool', 'findings', 'files']);
    assert.deepStrictEqual(report.tool, { name: 'infralint', version: readCliVersion() });
    assert.deepStrictEqual(report.files, [{ file: 's3.yaml', format: 'cloudformation' }]);
    assert.ok(report.findings.length > 0);
    for (const f of report.findings) {
      assert.deepStrictEqual(
        Object.keys(f).filter((k) => k !== 'resource' && k !== 'fixable'),
        ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn'],
      );
      assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity));
    }
  });

  it('reports 1-based positions: the bucket finding is at its logical-id key', () => {
    dir = makeFixture({ 's3.yaml': BUCKET_YAML });
    const { report } = runJson(['scan', 's3.yaml'], dir);
    const finding = report.findings.find((f) => f.ruleId === ENCRYPTION_RULE);
    assert.ok(finding, JSON.stringify(report.findings));
    assert.deepStrictEqual(
      { file: finding.file, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, resource: finding.resource, severity: finding.severity },
      { file: 's3.yaml', line: 4, column: 3, endLine: 4, endColumn: 7, resource: 'Logs', severity: 'warning' },
    );
    assert.match(finding.message, /Logs/);
  });

  it('gives the engine positions plus one, with columns in UTF-16 code units', () => {
    const text = '{"Description": "\u{1F600} caf\u00e9", "Resources": {"Logs": {"Type": "AWS::S3::Bucket"}}}\n';
    dir = makeFixture({ 'one-line.json': text });
    const { report } = runJson(['scan', 'one-line.json'], dir);
    const expected = lintText(text, { fileName: 'one-line.json' }).findings.map((f) => ({
      ruleId: f.ruleId,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
    }));
    const actual = report.findings.map((f) => ({ ruleId: f.ruleId, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn }));
    assert.deepStrictEqual(actual, expected);
    const finding = report.findings.find((f) => f.ruleId === ENCRYPTION_RULE);
    assert.ok(finding);
    // The emoji counts as two columns (UTF-16), not one (code points): the key is at its string index + 1.
    const quote = text.indexOf('"Logs"');
    assert.ok([quote + 1, quote + 2].includes(finding.column), `column ${finding.column}, key at index ${quote}`);
  });

  it('ignores a byte-order mark when counting columns', () => {
    const text = '{"Resources": {"Logs": {"Type": "AWS::S3::Bucket"}}}\n';
    dir = makeFixture({ 'plain.json': text, 'bom.json': '\uFEFF' + text });
    const { report } = runJson(['scan', 'plain.json', 'bom.json'], dir);
    const at = (file: string) => report.findings.filter((f) => f.file === file && f.ruleId === ENCRYPTION_RULE).map((f) => [f.line, f.column]);
    assert.deepStrictEqual(at('bom.json'), at('plain.json'));
    assert.strictEqual(at('plain.json').length, 1);
  });

  it('reports a YAML file indented with tabs as a parse-error at the tab', () => {
    dir = makeFixture({ 'tabs.yaml': TAB_YAML });
    const { run, report } = runJson(['scan', 'tabs.yaml'], dir);
    assert.strictEqual(run.status, 1);
    assert.deepStrictEqual(report.files, [{ file: 'tabs.yaml', format: 'cloudformation' }]);
    const parseErrors = report.findings.filter((f) => f.ruleId === 'parse-error');
    assert.ok(parseErrors.length > 0, JSON.stringify(report.findings));
    const first = parseErrors[0]!;
    assert.strictEqual(first.severity, 'error');
    assert.strictEqual(first.file, 'tabs.yaml');
    assert.deepStrictEqual([first.line, first.column], [3, 1]);
    assert.ok(first.endLine > first.line || first.endColumn > first.column, 'the range covers the tab');
  });

  it('lists a YAML file that is not CloudFormation in files, without findings', () => {
    dir = makeFixture({ 'docker-compose.yml': COMPOSE_YAML });
    const { run, report } = runJson(['scan', 'docker-compose.yml'], dir);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(report.findings, []);
    assert.deepStrictEqual(report.files, [{ file: 'docker-compose.yml', format: 'none', reason: 'not a CloudFormation template' }]);
  });

  it('keeps a path given on the command line as given, with forward slashes', () => {
    dir = makeFixture({ 'stacks/s3.yaml': BUCKET_YAML });
    const { report } = runJson(['scan', './stacks/s3.yaml'], dir);
    assert.deepStrictEqual(report.files.map((f) => f.file), ['./stacks/s3.yaml']);
    assert.ok(report.findings.every((f) => f.file === './stacks/s3.yaml'));
  });

  it('names files found under an absolute folder outside the current directory by their full path', () => {
    dir = makeFixture({ 'elsewhere/s3.yaml': BUCKET_YAML, 'cwd/.keep': '' });
    const folder = path.join(dir, 'elsewhere');
    const { report } = runJson(['scan', folder], path.join(dir, 'cwd'));
    const expected = path.join(folder, 's3.yaml').split(path.sep).join('/');
    assert.deepStrictEqual(report.files.map((f) => f.file), [expected]);
    assert.ok(fs.existsSync(report.files[0]!.file));
  });
});
