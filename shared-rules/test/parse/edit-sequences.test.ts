import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Linter } from '../../src/engine';
import { spanOf, type Node } from '../../src/model/nodes';
import { parseYamlTemplate, YamlUnitCache } from '../../src/parse/yaml-document';
import type { Finding } from '../../src/types';
import type { Rule } from '../../src/rules/rule';
import { allRules } from '../../src/rules/index';
import { realCorpus, walk } from '../corpus';

/** Small deterministic PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = ['x', ' ', '\n', '  ', ':', '- ', '#', '\n  Extra:\n    Type: AWS::S3::Bucket\n', 'true', '"', '{', '!Ref ', '\t'];

/** One random edit: insert a snippet, delete a few characters, or duplicate a line. */
function edit(text: string, next: () => number): string {
  const at = next() < 0.4 ? nearKeyLine(text, next) : Math.floor(next() * (text.length + 1));
  const choice = next();
  if (choice < 0.45) return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
  if (choice < 0.85) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 6)));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1);
  return text.slice(0, lineStart) + line + text.slice(lineStart);
}

/** The model as data with absolute offsets: a stale or misplaced unit shows up here. */
function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  const { start, end } = spanOf(node);
  if (node.kind === 'scalar') return [start, end, node.value];
  if (node.kind === 'seq') return [start, end, node.items.map(plain)];
  return [start, end, node.entries.map((e) => [e.key, spanOf(e.keyNode).start, plain(e.value)])];
}

/** A position within two characters of the start of a key line: where units meet. */
function nearKeyLine(text: string, next: () => number): number {
  const starts: number[] = [];
  const keyLine = /^ {0,2}[A-Za-z]/gm;
  for (let m = keyLine.exec(text); m; m = keyLine.exec(text)) starts.push(m.index);
  if (starts.length === 0) return 0;
  const at = starts[Math.floor(next() * starts.length)] + Math.floor(next() * 5) - 2;
  return Math.max(0, Math.min(text.length, at));
}

function comparable(findings: Finding[]) {
  return findings.map((f) => ({
    ...f,
    fix: f.fix && { title: f.fix.title, kind: f.fix.kind, edits: f.fix.edits() },
    suppress: f.suppress && [f.suppress('line'), f.suppress('resource')],
  }));
}

describe('linting edit after edit with caches', function () {
  this.timeout(120000);

  it('gives exactly the findings of a fresh lint of the same text, for 600 random edits', () => {
    const dir = path.resolve(__dirname, '../../../../test-workspace');
    const files = walk(dir, (f) => /\.ya?ml$/.test(f) && !f.includes('not-cloudformation'));
    assert.ok(files.length >= 5);
    let edits = 0;
    let reused = 0;
    for (const [index, file] of files.entries()) {
      const seed = 1000 + index;
      const next = random(seed);
      const linter = new Linter();
      const cache = new YamlUnitCache();
      const original = fs.readFileSync(file, 'utf8');
      let text = original;
      linter.lint(text, { fileName: file });
      parseYamlTemplate(text, cache);
      for (let step = 0; step < 100; step++) {
        // Edits pile up, but half the time the user "undoes" back to the original: most versions
        // stay cuttable, so re-use of unchanged sections is exercised, not only whole parses.
        text = edit(next() < 0.5 ? original : text, next);
        edits++;
        const parsedCached = parseYamlTemplate(text, cache);
        const parsedFresh = parseYamlTemplate(text);
        assert.deepStrictEqual(plain(parsedCached.root), plain(parsedFresh.root), `model: ${path.basename(file)}, seed ${seed}, step ${step}`);
        assert.deepStrictEqual(parsedCached.errors, parsedFresh.errors, `errors: ${path.basename(file)}, seed ${seed}, step ${step}`);
        const parsedBefore = linter.stats.parsedUnits;
        const cached = linter.lint(text, { fileName: file });
        if (linter.stats.parsedUnits - parsedBefore <= 2) reused++;
        const fresh = new Linter().lint(text, { fileName: file });
        assert.deepStrictEqual(comparable(cached.findings), comparable(fresh.findings), `${path.basename(file)}, seed ${seed}, step ${step}`);
        assert.strictEqual(cached.format, fresh.format);
      }
    }
    assert.ok(edits >= 500);
    assert.ok(reused > 200, `sections were re-used in only ${reused} of ${edits} edits`);
  });
});

describe('parsing ahead in slices (the server between messages)', function () {
  this.timeout(120000);

  /** A stop() that lets `pieces` pieces through, then stops. */
  const after = (pieces: number) => {
    let left = pieces;
    return () => left-- <= 0;
  };

  it('leaves the lint nothing to parse and no resource rule to run once it says it is done, and the lint finds what a fresh one does', () => {
    const file = path.resolve(__dirname, '../../../../test-workspace/insecure/network-open-sgs.yaml');
    const text = fs.readFileSync(file, 'utf8');
    let checks = 0;
    const counting: Rule = { meta: { ...allRules[0].meta, id: 'test-counting' }, cloudformation: { resourceTypes: ['AWS::EC2::SecurityGroup'], check: () => void checks++ } };
    const linter = new Linter([counting, ...allRules]);
    let slices = 1;
    while (!linter.prepare(text, { fileName: file }, after(1))) slices++;
    assert.ok(slices > 4, `the work was done ahead in ${slices} slices, one piece or resource each`);
    assert.ok(checks >= 2, `the rules ran ahead on ${checks} security groups`);
    const parsed = linter.stats.parsedUnits;
    const checked = checks;
    const result = linter.lint(text, { fileName: file });
    assert.strictEqual(linter.stats.parsedUnits, parsed, 'the lint parsed again what was parsed ahead');
    assert.strictEqual(checks, checked, 'the lint ran again rules that ran ahead');
    assert.deepStrictEqual(comparable(result.findings), comparable(new Linter().lint(text, { fileName: file }).findings));
  });

  it('gives the findings of a fresh lint when versions parsed partly ahead are overtaken by newer ones, for 400 random edits', () => {
    const dir = path.resolve(__dirname, '../../../../test-workspace');
    const files = walk(dir, (f) => /\.ya?ml$/.test(f) && !f.includes('not-cloudformation'));
    let edits = 0;
    for (const [index, file] of files.entries()) {
      const seed = 5000 + index;
      const next = random(seed);
      const linter = new Linter();
      const original = fs.readFileSync(file, 'utf8');
      let text = original;
      linter.prepare(text, { fileName: file }, after(Math.floor(next() * 4)));
      for (let step = 0; step < 70 && edits < 400; step++) {
        text = edit(next() < 0.5 ? original : text, next);
        edits++;
        // Some versions are only partly parsed ahead, then dropped for a newer one (typing on).
        if (next() < 0.5) linter.prepare(text, { fileName: file }, after(Math.floor(next() * 3)));
        if (next() < 0.4) continue;
        while (next() < 0.7 && !linter.prepare(text, { fileName: file }, after(1)));
        const cached = linter.lint(text, { fileName: file });
        const fresh = new Linter().lint(text, { fileName: file });
        assert.deepStrictEqual(comparable(cached.findings), comparable(fresh.findings), `${path.basename(file)}, seed ${seed}, step ${step}`);
      }
    }
    assert.ok(edits >= 300, `only ${edits} edits`);
  });

  it('gives the findings of a fresh lint on every CloudFormation template of the real corpus, done ahead one step at a time', function () {
    const corpus = realCorpus();
    if (!corpus) this.skip(); // ../shared is absent in a user's clone; CI always has it
    let compared = 0;
    let steps = 0;
    for (const entry of corpus.filter((e) => e.format === 'cloudformation' || e.format === 'sam')) {
      const text = fs.readFileSync(entry.file, 'utf8');
      const linter = new Linter();
      while (!linter.prepare(text, { fileName: entry.file }, () => true)) steps++;
      const stepped = linter.lint(text, { fileName: entry.file });
      const fresh = new Linter().lint(text, { fileName: entry.file });
      assert.deepStrictEqual(comparable(stepped.findings), comparable(fresh.findings), entry.path);
      compared++;
    }
    assert.ok(compared > 400 && steps > 2000, `compared ${compared} templates in ${steps} steps`);
  });

  it('gives a piece changed to the text of a later, unchanged piece its own parse (a Linter that linted the version before)', () => {
    const bucket = (name: string, acl: string) => `  ${name}:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: ${acl}\n`;
    const before = `Resources:\n${bucket('A', 'Private')}${bucket('B', 'PublicRead')}`;
    const after = `Resources:\n${bucket('B', 'PublicRead')}${bucket('B', 'PublicRead')}`;
    for (const stepped of [false, true]) {
      const linter = new Linter();
      linter.lint(before);
      if (stepped) while (!linter.prepare(after, {}, () => true));
      assert.deepStrictEqual(comparable(linter.lint(after).findings), comparable(new Linter().lint(after).findings), stepped ? 'done ahead in steps' : 'plain lint');
    }
  });

  it('does the work for a JSON template, parsed whole, in steps too: one resource each', () => {
    let checks = 0;
    const counting: Rule = { meta: { ...allRules[0].meta, id: 'test-counting' }, cloudformation: { resourceTypes: ['AWS::S3::Bucket'], check: () => void checks++ } };
    const resources = Array.from({ length: 30 }, (_, i) => `"B${i}": {"Type": "AWS::S3::Bucket"}`).join(',\n    ');
    const text = `{\n  "Resources": {\n    ${resources}\n  }\n}\n`;
    const linter = new Linter([counting, ...allRules]);
    let steps = 1;
    while (!linter.prepare(text, { fileName: 't.json' }, () => true)) steps++;
    assert.ok(steps >= 30, `${steps} steps for 30 resources`);
    assert.strictEqual(checks, 30);
    const result = linter.lint(text, { fileName: 't.json' });
    assert.strictEqual(checks, 30, 'the lint ran again rules that ran ahead');
    assert.deepStrictEqual(comparable(result.findings), comparable(new Linter([counting, ...allRules]).lint(text, { fileName: 't.json' }).findings));
  });

  it('gives a resource written twice its own parse at each place', () => {
    const resource = '  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n';
    const text = `Resources:\n${resource}${resource}`;
    const linter = new Linter();
    while (!linter.prepare(text, {}, after(1)));
    const result = linter.lint(text);
    assert.deepStrictEqual(comparable(result.findings), comparable(new Linter().lint(text).findings));
    const lines = new Set(result.findings.filter((f) => f.ruleId !== 'parse-error').map((f) => f.range.start.line));
    assert.ok(lines.size >= 2, `findings of both copies are at their own lines: ${[...lines].join(', ')}`);
  });
});
