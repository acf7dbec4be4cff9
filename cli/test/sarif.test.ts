import * as assert from 'node:assert';
import { ruleDocUrl } from '@infralint/shared-rules';
import { sarifLevel } from '../src/formats/sarif';
import { BUCKET_YAML, cleanup, ENCRYPTION_RULE, makeFixture, readCliVersion, runCli, TAB_YAML } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

describe('infralint scan --format sarif', () => {
  let dir: string;
  let sarif: Json;
  let status: number | null;

  before(() => {
    dir = makeFixture({ 'stacks/s3.yaml': BUCKET_YAML, 'stacks/tabs.yaml': TAB_YAML });
    const run = runCli(['scan', 'stacks', '--format', 'sarif'], dir);
    status = run.status;
    sarif = JSON.parse(run.stdout);
  });
  after(() => cleanup(dir));

  it('is a SARIF 2.1.0 log with one run of the infralint driver', () => {
    assert.strictEqual(status, 1);
    assert.strictEqual(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.strictEqual(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.strictEqual(run.columnKind, 'utf16CodeUnits');
    const driver = run.tool.driver;
    assert.strictEqual(driver.name, 'infralint');
    assert.strictEqual(driver.version, readCliVersion());
    assert.match(driver.informationUri, /^https:\/\//);
  });

  it('describes every rule, including parse-error and internal-error', () => {
    const rules: Json[] = sarif.runs[0].tool.driver.rules;
    const ids = rules.map((r) => r.id);
    assert.ok(ids.includes(ENCRYPTION_RULE));
    assert.ok(ids.includes('parse-error'));
    assert.ok(ids.includes('internal-error'));
    assert.strictEqual(new Set(ids).size, ids.length, 'rule ids are unique');
    for (const r of rules) {
      assert.strictEqual(typeof r.name, 'string');
      assert.ok(r.shortDescription.text.length > 0, r.id);
      assert.ok(r.fullDescription.text.length > 0, r.id);
      assert.ok(r.help.text.length > 0 && r.help.markdown.length > 0, r.id);
      assert.strictEqual(r.helpUri, ruleDocUrl(r.id));
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level), r.id);
    }
    const encryption = rules.find((r) => r.id === ENCRYPTION_RULE);
    assert.strictEqual(encryption.defaultConfiguration.level, 'warning');
  });

  it('gives each result its rule index, level, message and 1-based region', () => {
    const run = sarif.runs[0];
    assert.ok(run.results.length >= 2);
    for (const result of run.results) {
      assert.strictEqual(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text.length > 0);
      const region = result.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
    }
    const encryption = run.results.find((r: Json) => r.ruleId === ENCRYPTION_RULE);
    assert.strictEqual(encryption.level, 'warning');
    assert.deepStrictEqual(encryption.locations[0].physicalLocation.artifactLocation.uri, 'stacks/s3.yaml');
    assert.deepStrictEqual(encryption.locations[0].physicalLocation.region, { startLine: 4, startColumn: 3, endLine: 4, endColumn: 7 });
    const parseError = run.results.find((r: Json) => r.ruleId === 'parse-error');
    assert.strictEqual(parseError.level, 'error');
    assert.strictEqual(parseError.locations[0].physicalLocation.artifactLocation.uri, 'stacks/tabs.yaml');
    assert.strictEqual(parseError.locations[0].physicalLocation.region.startLine, 3);
  });

  it('maps severities to SARIF levels: info and hint become note', () => {
    assert.strictEqual(sarifLevel('error'), 'error');
    assert.strictEqual(sarifLevel('warning'), 'warning');
    assert.strictEqual(sarifLevel('info'), 'note');
    assert.strictEqual(sarifLevel('hint'), 'note');
  });

  it('has no results and exits 0 when nothing is found', () => {
    const empty = makeFixture({ 'readme.yaml': 'title: not a template\n' });
    try {
      const run = runCli(['scan', '.', '--format', 'sarif'], empty);
      assert.strictEqual(run.status, 0, run.stderr);
      const log = JSON.parse(run.stdout);
      assert.deepStrictEqual(log.runs[0].results, []);
    } finally {
      cleanup(empty);
    }
  });
});
