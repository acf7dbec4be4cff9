import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../src/engine';
import { applyEdits, fixAll } from '../../src/fix/apply';
import { buildTemplate } from '../../src/model/template';
import type { Node } from '../../src/model/nodes';
import { parseJson } from '../../src/parse/json';
import { parseYamlTemplate } from '../../src/parse/yaml-document';
import type { Finding, Syntax } from '../../src/types';
import { sharedCorpus, walk } from '../corpus';

/** Resources as plain data without positions, to see what a fix changed. */
function resourcesOf(text: string, syntax: Syntax): Map<string, string> {
  const parsed = syntax === 'json' ? parseJson(text) : parseYamlTemplate(text);
  const template = buildTemplate(syntax, parsed.root, parsed.errors);
  const data = (node: Node): unknown =>
    node.kind === 'scalar' ? node.value : node.kind === 'seq' ? node.items.map(data) : node.entries.map((e) => [e.key, data(e.value)]);
  return new Map(template.resources.map((r) => [r.logicalId, JSON.stringify(data(r.node))]));
}

function counts(findings: Finding[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const f of findings) map.set(`${f.ruleId} ${f.resource ?? ''}`, (map.get(`${f.ruleId} ${f.resource ?? ''}`) ?? 0) + 1);
  return map;
}

/** Checks every fix offered on a file; returns how many were checked. */
function checkFixesOf(file: string, text: string, problems: string[]): number {
  const before = lintText(text, { fileName: file });
  if (!before.format || before.findings.some((f) => f.ruleId === 'parse-error')) return 0;
  const syntax = before.syntax;
  const resourcesBefore = resourcesOf(text, syntax);
  const countsBefore = counts(before.findings);
  let checked = 0;
  for (const finding of before.findings) {
    if (!finding.fix) continue;
    const edits = finding.fix.edits();
    if (edits.length === 0) continue;
    checked++;
    const where = `${file}: ${finding.ruleId} on ${finding.resource} (${finding.fix.title})`;
    const fixedText = applyEdits(text, edits);
    const after = lintText(fixedText, { fileName: file });
    const parseErrors = after.findings.filter((f) => f.ruleId === 'parse-error');
    if (parseErrors.length > 0 || !after.format) {
      problems.push(`${where}: the fixed text does not parse: ${parseErrors.map((f) => f.message).join('; ')}`);
      continue;
    }
    const countsAfter = counts(after.findings);
    const key = `${finding.ruleId} ${finding.resource ?? ''}`;
    if ((countsAfter.get(key) ?? 0) >= (countsBefore.get(key) ?? 0)) problems.push(`${where}: the finding is still there`);
    for (const [k, n] of countsAfter) if (n > (countsBefore.get(k) ?? 0)) problems.push(`${where}: new finding ${k}`);
    const resourcesAfter = resourcesOf(fixedText, syntax);
    for (const [id, data] of resourcesBefore) {
      if (id !== finding.resource && resourcesAfter.get(id) !== data) problems.push(`${where}: resource ${id} changed too`);
    }
    if (!fixedText.startsWith(text.slice(0, Math.min(...edits.map((e) => e.span.start))))) problems.push(`${where}: text before the edit changed`);
  }
  const once = fixAll(text, { fileName: file });
  const twice = fixAll(once.text, { fileName: file });
  if (twice.fixed.length > 0 || twice.text !== once.text) problems.push(`${file}: fixing all twice changes more the second time`);
  return checked;
}

describe('every fix of every rule', function () {
  this.timeout(180000);

  it('on test-workspace: parses, removes its finding, adds none, changes no other resource, and is idempotent', () => {
    const dir = path.resolve(__dirname, '../../../../test-workspace');
    const problems: string[] = [];
    let checked = 0;
    for (const file of walk(dir, (f) => /\.(ya?ml|json)$/.test(f))) checked += checkFixesOf(file, fs.readFileSync(file, 'utf8'), problems);
    assert.deepStrictEqual(problems, []);
    assert.ok(checked >= 15, `only ${checked} fixes checked`);
  });

  it('on the KICS CloudFormation corpus, the same', function () {
    const kics = sharedCorpus('corpus/kics/cloudFormation');
    if (!kics) this.skip(); // ../shared is absent in a user's clone; CI always has it
    const problems: string[] = [];
    let checked = 0;
    for (const file of walk(kics, (f) => /\.(ya?ml|json)$/.test(f) && !/(meta|expected)\.json$/.test(f))) {
      checked += checkFixesOf(file, fs.readFileSync(file, 'utf8'), problems);
    }
    assert.deepStrictEqual(problems.slice(0, 30), []);
    assert.ok(checked >= 300, `only ${checked} fixes checked`);
  });
});
