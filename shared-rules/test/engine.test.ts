import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Linter, lintText } from '../src/engine';
import type { Rule } from '../src/rules/rule';
import type { Finding } from '../src/types';
import { renderRulePages } from '../src/docs/render';
import { allRules } from '../src/rules/index';
import { realCorpus, sharedCorpus, walk } from './corpus';

describe('engine', () => {
  it('recognises CloudFormation by content, not by file name or text', () => {
    assert.strictEqual(lintText('AWSTemplateFormatVersion: "2010-09-09"\n', { fileName: 'x.yaml' }).format, 'cloudformation');
    assert.strictEqual(lintText('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', { fileName: 'x.yml' }).format, 'cloudformation');
    assert.strictEqual(lintText('Resources:\n  Q:\n    Type: Custom::Thing\n', { fileName: 'x.yml' }).format, 'cloudformation');
    // Mentions in text or a Resources key of another kind are not enough.
    assert.strictEqual(lintText('# AWSTemplateFormatVersion\nname: build\non: push\n', { fileName: 'ci.yml' }).format, undefined);
    assert.strictEqual(lintText('Resources:\n  - AWS::S3::Bucket\n', { fileName: 'x.yaml' }).format, undefined);
    assert.strictEqual(lintText('{"Resources": {"a": {"Type": "Other"}}}', { fileName: 'x.json' }).format, undefined);
  });

  it('reports YAML and JSON syntax errors with positions and readable messages', () => {
    const yaml = lintText('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n\tType: AWS::S3::Bucket\n', { fileName: 'x.yaml' });
    const yamlError = yaml.findings.find((f) => f.ruleId === 'parse-error');
    assert.ok(yamlError, JSON.stringify(yaml.findings));
    assert.strictEqual(yamlError.range.start.line, 3);
    assert.match(yamlError.message, /tab/i);

    const json = lintText('{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {}\n  "Outputs": {}\n}\n', { fileName: 'x.json' });
    const jsonError = json.findings.find((f) => f.ruleId === 'parse-error');
    assert.ok(jsonError);
    assert.deepStrictEqual(jsonError.range.start, { line: 3, character: 2 });
    assert.match(jsonError.message, /comma/i);
  });

  it('says what a half-typed value lacks: an unclosed [ or { at its bracket, a colon ending a plain value; one JSON error per place (found by a new-user trial)', () => {
    const unclosed = lintText('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: [unclosed\n      Tags: []\n', { fileName: 'x.yaml' });
    const bracket = unclosed.findings.find((f) => f.ruleId === 'parse-error');
    assert.deepStrictEqual(bracket?.range.start, { line: 4, character: 18 }, JSON.stringify(unclosed.findings));
    assert.strictEqual(bracket?.message, 'This "[" is never closed: add the closing "]".');
    // Closed, on a line indented no further than its key: the parser's own message, where it says.
    const closed = lintText('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [a,\n      b]\n', { fileName: 'x.yaml' }).findings.find((f) => f.ruleId === 'parse-error');
    assert.match(closed?.message ?? '', /^Flow sequence in block collection must be sufficiently indented/);
    assert.strictEqual(closed?.range.start.line, 5);
    const colon = lintText('Resources:\n  B:\n    Type: AWS::\n  C:\n    Type: AWS::S3::Bucket\n', { fileName: 'x.yaml' }).findings.find((f) => f.ruleId === 'parse-error');
    assert.strictEqual(colon?.message, 'A plain value cannot end with ":" or hold ": " (here "AWS::"): quote the value if the colon belongs to it.');
    assert.deepStrictEqual(colon?.range.start, { line: 2, character: 10 });
    const trailing = '{"Resources": {"T": {"Type": "AWS::SNS::Topic"},}}';
    const comma = lintText(trailing, { fileName: 'x.json' }).findings.filter((f) => f.ruleId === 'parse-error');
    assert.deepStrictEqual(comma.map((f) => [f.span.start, f.message]), [[trailing.indexOf(',}') + 1, 'A property name in double quotes is expected.']]);
  });

  it('points an unclosed YAML quote at its opening quote, not at the end of the text where the parser gave up', () => {
    const resources = (name: string) => `  ${name}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${name.toLowerCase()}\n`;
    for (const quote of ['"', "'"]) {
      // A comment with a quote and a closed string before it do not count; the open one is in the middle resource.
      const broken = `      Tags: [{Key: note, Value: ${quote}open}]\n`;
      const text = `# it's a "test\nResources:\n${resources('First')}  Middle:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: "closed"\n${broken}${resources('Last')}`;
      const errors = lintText(text, { fileName: 'x.yaml' }).findings.filter((f) => f.ruleId === 'parse-error');
      assert.strictEqual(errors.length, 1, JSON.stringify(errors.map((e) => e.message)));
      const line = text.split('\n').findIndex((l) => l === broken.trimEnd());
      assert.deepStrictEqual(errors[0].range.start, { line, character: broken.indexOf(quote) }, quote);
      assert.match(errors[0].message, /never closed/);
    }
    // Quotes inside a plain scalar or a block scalar open nothing: the one that does is named.
    const text = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Note: 5 " disk\n      Text: |\n        it is "quoted\n    Properties:\n      BucketName: \'abc\n';
    const errors = lintText(text, { fileName: 'x.yaml' }).findings.filter((f) => f.ruleId === 'parse-error');
    assert.deepStrictEqual(errors.map((e) => e.range.start), [{ line: 8, character: 18 }]);
    assert.match(errors[0].message, /closing '/);
  });

  it('reads YAML merge keys (<<: *defaults), which packaging tools resolve', () => {
    const text = `Metadata:
  Templates:
    Open: &open {IpProtocol: tcp, CidrIp: 0.0.0.0/0}
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - <<: *open
          FromPort: 22
          ToPort: 22
        - <<: *open
          CidrIp: 10.0.0.0/8
          FromPort: 3389
          ToPort: 3389
`;
    const ids = lintText(text, { fileName: 'x.yaml' }).findings.map((f) => f.ruleId);
    assert.deepStrictEqual(ids, ['aws-ec2-sg-ssh-open-to-world'], 'an explicit key wins over the merged one');
  });

  it('says plainly that a template is one YAML document, and reports one JSON error once', () => {
    const yaml = lintText('Resources:\n  A:\n    Type: AWS::SNS::Topic\n---\nx: 1\n', { fileName: 'x.yaml' }).findings.filter((f) => f.ruleId === 'parse-error');
    assert.deepStrictEqual(yaml.map((f) => [f.range.start.line, f.message]), [[3, 'A template is one YAML document, but a second one starts here (after ---): remove the separator or split the file.']]);
    const json = lintText('{"Resources": {"T": {"Type": "AWS::SNS::Topic"', { fileName: 'x.json' }).findings.filter((f) => f.ruleId === 'parse-error');
    assert.strictEqual(json.length, 1);
  });

  it('lists the first 100 syntax errors of a text with thousands, the last saying how many more there are', () => {
    // Each `"a" "b"` lacks a comma: one error per line. The duplicate keys add errors of another
    // kind, found later by the parser: the kept ones are still the first by position.
    const lines = Array.from({ length: 3000 }, (_, i) => `  "k${i % 2000}": ["a" "b"],`);
    const text = `{\n "Resources": {"T": {"Type": "AWS::SNS::Topic"}},\n${lines.join('\n')}\n "z": 1\n}\n`;
    const errors = lintText(text, { fileName: 'x.json' }).findings.filter((f) => f.ruleId === 'parse-error');
    assert.strictEqual(errors.length, 100);
    assert.deepStrictEqual(errors.slice(0, 99).map((f) => f.range.start.line), Array.from({ length: 99 }, (_, i) => i + 2));
    assert.match(errors[99].message, /^A comma is expected.*\((\d+) more syntax errors after this one are not listed\)$/);
    assert.strictEqual(Number(/\((\d+) more/.exec(errors[99].message)?.[1]), 3000 + 1000 - 100);
    const few = lintText(`{\n "Resources": {"T": {"Type": "AWS::SNS::Topic"}},\n${lines.slice(0, 100).join('\n')}\n "z": 1\n}\n`, { fileName: 'x.json' });
    assert.ok(few.findings.filter((f) => f.ruleId === 'parse-error').every((f) => !/more syntax errors/.test(f.message)));
  });
  it('reports a logical id written twice, and checks each copy at its own place', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n';
    const findings = lintText(text, { fileName: 'x.yaml' }).findings;
    assert.deepStrictEqual(findings.map((f) => [f.ruleId, f.range.start.line]), [
      ['aws-sns-topic-encryption', 1],
      ['aws-sns-topic-encryption', 3],
      ['parse-error', 3],
    ]);
  });

  it('contains a failing rule: it reports an internal error and the other rules still run', () => {
    const broken: Rule = {
      meta: { ...allRules[0].meta, id: 'test-broken-rule' },
      cloudformation: {
        resourceTypes: ['AWS::S3::Bucket'],
        check() {
          throw new Error('boom');
        },
      },
    };
    const result = new Linter([broken, ...allRules]).lint('Resources:\n  B:\n    Type: AWS::S3::Bucket\n', { fileName: 'x.yaml' });
    const internal = result.findings.filter((f) => f.ruleId === 'internal-error');
    assert.strictEqual(internal.length, 1);
    assert.match(internal[0].message, /test-broken-rule.*boom/);
    assert.ok(result.findings.some((f) => f.ruleId === 'aws-s3-bucket-encryption'));
  });

  it('gives the same findings after edits, whether or not sections are re-used', () => {
    const before = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::Bucket\n';
    const after = 'Description: x\nResources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {}\n';
    const linter = new Linter();
    linter.lint(before, { fileName: 'x.yaml' });
    const reused = linter.lint(after, { fileName: 'x.yaml' });
    // Compare as data, with each fix's edits computed: they must also follow the moved text.
    const plain = (findings: Finding[]) =>
      findings.map((f) => ({
        ...f,
        fix: f.fix && { ...f.fix, edits: f.fix.edits() },
        suppress: f.suppress && [f.suppress('line'), f.suppress('resource')],
      }));
    const fresh = lintText(after, { fileName: 'x.yaml' }).findings;
    assert.ok(fresh.some((f) => f.fix && f.fix.edits().length > 0));
    assert.deepStrictEqual(plain(reused.findings), plain(fresh));
  });

  it('positions are UTF-16 based after non-ASCII text', () => {
    const text = 'Description: "🔒 日本語 e\u0301"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n';
    const finding = lintText(text, { fileName: 'x.yaml' }).findings.find((f) => f.ruleId === 'aws-s3-bucket-encryption');
    assert.deepStrictEqual(finding?.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } });
    const onOneLine = '{"Description": "🔒", "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}';
    const f2 = lintText(onOneLine, { fileName: 'x.json' }).findings.find((f) => f.ruleId === 'aws-s3-bucket-encryption');
    assert.strictEqual(f2?.range.start.character, onOneLine.indexOf('"B"'));
  });
});

describe('rule documentation', () => {
  it('docs/rules matches the rule metadata (run `npm run docs` after changing a rule)', () => {
    const dir = path.resolve(__dirname, '../../../docs/rules');
    for (const [name, content] of Object.entries(renderRulePages())) {
      const file = path.join(dir, name);
      assert.ok(fs.existsSync(file), `${name} is missing`);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), content, `${name} is out of date`);
    }
  });

  it('every rule has a unique id', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepStrictEqual(ids, [...new Set(ids)]);
  });
});

describe('real-world corpus', function () {
  this.timeout(120000);

  it('recognises and parses every CloudFormation and SAM template without internal errors', function () {
    const corpus = realCorpus();
    if (!corpus) this.skip(); // ../shared is absent in a user's clone; CI always has it
    const problems: string[] = [];
    let templates = 0;
    for (const entry of corpus) {
      const result = lintText(fs.readFileSync(entry.file, 'utf8'), { fileName: entry.file });
      const bad = result.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'internal-error');
      if (entry.format === 'cloudformation' || entry.format === 'sam') {
        templates++;
        if (result.format !== 'cloudformation') problems.push(`${entry.path}: not recognised`);
      } else if (result.format) {
        problems.push(`${entry.path} (${entry.format}) was taken for CloudFormation`);
      }
      for (const f of bad) {
        // Two kinds of real syntax errors in the corpus are reported on purpose: duplicate keys (one
        // value is silently lost) and flow collections indented no further than their key (the
        // YAML 1.2 spec forbids it; PyYAML, hence cfn-lint, accepts it).
        if (f.ruleId === 'parse-error' && /^Duplicate key|^Flow (map|sequence) in block collection/.test(f.message)) continue;
        problems.push(`${entry.path}:${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`);
      }
    }
    assert.deepStrictEqual(problems, []);
    assert.ok(templates > 400, `${templates} templates`);
  });

  it('lints every file of the KICS corpus without crashing or internal errors', function () {
    const kics = sharedCorpus('corpus/kics');
    if (!kics) this.skip(); // ../shared is absent in a user's clone; CI always has it
    const files = walk(kics, (f) => /\.(ya?ml|json)$/.test(f) && !/(meta|expected|index)\.json$/.test(f));
    const internal: string[] = [];
    for (const file of files) {
      const result = lintText(fs.readFileSync(file, 'utf8'), { fileName: file });
      for (const f of result.findings) if (f.ruleId === 'internal-error') internal.push(`${file}: ${f.message}`);
    }
    assert.deepStrictEqual(internal, []);
    assert.ok(files.length > 1500, `${files.length} files`);
  });
});
