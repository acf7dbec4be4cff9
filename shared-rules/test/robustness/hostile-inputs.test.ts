import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Linter, MAX_TEMPLATE_LENGTH, PARSE_ERROR, INTERNAL_ERROR } from '../../src/engine';
import type { LintResult } from '../../src/types';

/**
 * The hostile inputs of the robustness issue: whatever the engine is given, it returns (no throw,
 * no hang) a clear result: a template with findings, a `parse-error` with a position and a
 * readable message, or "skipped" with a reason.
 *
 * A `// Was failing:` comment says what used to go wrong.
 */


const TEMPLATE = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Description: hostile input base',
  'Resources:',
  '  Data:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      BucketName: data',
  '  Ssh:',
  '    Type: AWS::EC2::SecurityGroup',
  '    Properties:',
  '      GroupDescription: ssh',
  '      SecurityGroupIngress:',
  '        - IpProtocol: tcp',
  '          FromPort: 22',
  '          ToPort: 22',
  '          CidrIp: 0.0.0.0/0',
  '',
].join('\n');

const JSON_TEMPLATE = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Data: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'data' } },
      Ssh: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { GroupDescription: 'ssh', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] },
      },
    },
  },
  null,
  2,
);

/** Lints once with a fresh Linter; fails on a throw, with its message (a hang hits mocha's timeout). */
function lint(text: string, fileName: string, linter = new Linter()): LintResult {
  try {
    return linter.lint(text, { fileName });
  } catch (error) {
    assert.fail(`lint threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Findings with their spans inside the text; parse errors with a message; or a reason to skip. */
function assertClearResult(result: LintResult, text: string): void {
  if (result.format !== 'cloudformation') {
    assert.ok(result.skippedReason && result.skippedReason.trim().length > 0, `neither a template nor skipped with a reason: ${JSON.stringify(result)}`);
    assert.deepStrictEqual(result.findings, []);
    return;
  }
  for (const f of result.findings) {
    assert.ok(
      f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length,
      `${f.ruleId} at ${f.span.start}-${f.span.end} is outside the text (length ${text.length})`,
    );
    if (f.ruleId === PARSE_ERROR) assert.ok(f.message.trim().length > 0, 'parse-error without a message');
  }
  const internal = result.findings.filter((f) => f.ruleId === INTERNAL_ERROR);
  assert.deepStrictEqual(internal.map((f) => f.message), [], 'a rule failed');
}

function skipped(result: LintResult): void {
  assert.strictEqual(result.format, undefined, `recognised as a template: ${JSON.stringify(result.findings.map((f) => f.ruleId))}`);
  assert.match(result.skippedReason ?? '', /\S/);
}

function parseErrors(result: LintResult) {
  return result.findings.filter((f) => f.ruleId === PARSE_ERROR);
}

/** The findings as rule and line: what a user sees, whatever the line endings. */
function seen(result: LintResult): string[] {
  return result.findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
}

function seenWithSpans(result: LintResult): string[] {
  return result.findings.map((f) => `${f.ruleId}@${f.span.start}-${f.span.end}: ${f.message}`);
}

describe('robustness: hostile inputs', () => {
  const plain = new Linter().lint(TEMPLATE, { fileName: 't.yaml' });

  it('sanity: the base template has findings and no parse error', () => {
    assert.strictEqual(plain.format, 'cloudformation');
    assert.deepStrictEqual(parseErrors(plain), []);
    assert.ok(seen(plain).includes('aws-ec2-sg-ssh-open-to-world@15'), JSON.stringify(seen(plain)));
  });

  it('empty file: skipped with a reason (YAML and JSON)', () => {
    for (const name of ['empty.yaml', 'empty.json', 'empty.template']) {
      const result = lint('', name);
      assertClearResult(result, '');
      skipped(result);
    }
  });

  it('comment-only file: skipped with a reason', () => {
    const text = '# nothing here\n# AWSTemplateFormatVersion: "2010-09-09"\n\n   # indented comment\n';
    const result = lint(text, 'comments.yaml');
    assertClearResult(result, text);
    skipped(result);
  });

  it('lone document marker `---`: skipped with a reason', () => {
    for (const text of ['---', '---\n', '---\n...\n', '--- # only a marker\n']) {
      const result = lint(text, 'marker.yaml');
      assertClearResult(result, text);
      skipped(result);
    }
  });

  it('`{}`: skipped with a reason (JSON and YAML)', () => {
    for (const name of ['empty-object.json', 'empty-object.yaml', 'no-extension']) {
      const result = lint('{}', name);
      assertClearResult(result, '{}');
      skipped(result);
    }
  });

  it('a lone scalar: skipped with a reason', () => {
    for (const [text, name] of [['42\n', 'n.yaml'], ['just some text\n', 's.yaml'], ['"a string"', 's.json'], ['null', 'n.json'], ['[1, 2]', 'a.json']]) {
      const result = lint(text, name);
      assertClearResult(result, text);
      skipped(result);
    }
  });

  it('binary content (as a client decodes it, UTF-8 with replacement characters): a clear result', () => {
    const bytes = Buffer.alloc(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = x >> 16;
    }
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), bytes]);
    for (const [buffer, name] of [[bytes, 'random.yaml'], [png, 'image.yaml'], [bytes, 'random.json'], [Buffer.from([0, 0, 0, 0]), 'nul.yaml']] as const) {
      const text = buffer.toString('utf8');
      assertClearResult(lint(text, name), text);
    }
  });

  it('invalid UTF-8 (decoded as Node does): the template is still linted', () => {
    // Overlong, truncated and stray continuation bytes inside a value and a comment.
    const bytes = Buffer.concat([
      Buffer.from(TEMPLATE.replace('BucketName: data', 'BucketName: da'), 'utf8').subarray(0, TEMPLATE.indexOf('BucketName: data') + 'BucketName: da'.length),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xff, 0xfe]),
      Buffer.from(TEMPLATE.slice(TEMPLATE.indexOf('BucketName: data') + 'BucketName: da'.length), 'utf8'),
      Buffer.from([0x23, 0x20, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0x0a]),
    ]);
    const text = bytes.toString('utf8');
    assert.ok(text.includes('\ufffd'));
    const result = lint(text, 'invalid-utf8.yaml');
    assertClearResult(result, text);
    assert.strictEqual(result.format, 'cloudformation');
    assert.deepStrictEqual(seen(result), seen(plain));
  });

  it('byte-order mark (YAML): linted, same findings', () => {
    const text = '\uFEFF' + TEMPLATE;
    const result = lint(text, 'bom.yaml');
    assertClearResult(result, text);
    assert.deepStrictEqual(seen(result), seen(plain));
  });

  // Was failing: a JSON template starting with a byte-order mark gets `parse-error` "Unexpected character." at 1:1
  // (detectSyntax accepts the BOM, parseJson does not). The CLI strips the BOM before linting; the
  // server passes the document text as the client sends it.
  it('byte-order mark (JSON): linted, same findings', () => {
    const text = '\uFEFF' + JSON_TEMPLATE;
    const result = lint(text, 'bom.json');
    assertClearResult(result, text);
    assert.deepStrictEqual(parseErrors(result).map((f) => f.message), []);
    assert.deepStrictEqual(seen(result), seen(lint(JSON_TEMPLATE, 'plain.json')));
  });

  it('CRLF line endings: same findings on the same lines', () => {
    const text = TEMPLATE.replace(/\n/g, '\r\n');
    const result = lint(text, 'crlf.yaml');
    assertClearResult(result, text);
    assert.deepStrictEqual(seen(result), seen(plain));
    const json = JSON_TEMPLATE.replace(/\n/g, '\r\n');
    assert.deepStrictEqual(seen(lint(json, 'crlf.json')), seen(lint(JSON_TEMPLATE, 'lf.json')));
  });

  it('mixed line endings (LF and CRLF): same findings on the same lines; lone CR: a clear result', () => {
    let n = 0;
    const mixed = TEMPLATE.replace(/\n/g, () => (n++ % 2 ? '\r\n' : '\n'));
    const result = lint(mixed, 'mixed.yaml');
    assertClearResult(result, mixed);
    assert.deepStrictEqual(seen(result), seen(plain));
    // Classic Mac endings: YAML 1.2 and LSP count a lone CR as a line break; the YAML parser does not.
    // Either findings or a parse error with a position is acceptable here.
    for (const text of [TEMPLATE.replace(/\n/g, '\r'), TEMPLATE.replace('\n  Ssh:', '\r  Ssh:')]) {
      assertClearResult(lint(text, 'cr.yaml'), text);
    }
  });

  it('tabs: indentation with tabs is a parse error at its line, with a message about tabs; tabs elsewhere are fine', () => {
    const indented = TEMPLATE.replace('    Type: AWS::S3::Bucket', '\tType: AWS::S3::Bucket');
    const result = lint(indented, 'tabs.yaml');
    assertClearResult(result, indented);
    const errors = parseErrors(result);
    assert.ok(errors.length > 0, JSON.stringify(seen(result)));
    assert.strictEqual(errors[0].range.start.line, 4);
    assert.match(errors[0].message, /tab/i);
    const allTabs = TEMPLATE.replace(/^( +)/gm, (s) => '\t'.repeat(s.length / 2));
    assert.ok(parseErrors(lint(allTabs, 'all-tabs.yaml')).length > 0);
    const inValues = TEMPLATE.replace('BucketName: data', 'BucketName:\tdata\t# a\ttab');
    const ok = lint(inValues, 'tab-values.yaml');
    assertClearResult(ok, inValues);
    assert.deepStrictEqual(seen(ok), seen(plain));
  });

  it('10,000-character lines: linted, same findings', () => {
    const long = 'x'.repeat(10000);
    const texts = [
      TEMPLATE.replace('Description: hostile input base', `Description: ${long}`),
      TEMPLATE.replace('BucketName: data', `BucketName: data # ${long}`),
      TEMPLATE.replace('BucketName: data', `Tags: [${Array.from({ length: 1000 }, (_, i) => `{Key: k${i}, Value: v}`).join(', ')}]`),
    ];
    for (const text of texts) {
      assert.ok(text.split('\n').some((l) => l.length >= 10000));
      const result = lint(text, 'long.yaml');
      assertClearResult(result, text);
      assert.deepStrictEqual(seen(result), seen(plain));
    }
    const json = JSON_TEMPLATE.replace(/\n\s*/g, '').replace('"BucketName":"data"', `"BucketName":"data","Description":"${long}"`);
    assertClearResult(lint(json, 'long.json'), json);
  });

  it('nesting 10,000 deep in YAML (flow sequences and mappings): a parse-error with a position', () => {
    const depth = 10000;
    const values = ['['.repeat(depth) + ']'.repeat(depth), '{a: '.repeat(depth) + '1' + '}'.repeat(depth)];
    for (const value of values) {
      const text = TEMPLATE.replace('BucketName: data', `BucketName: data\n      Tags: ${value}`);
      const result = lint(text, 'deep.yaml');
      assertClearResult(result, text);
      const errors = parseErrors(result);
      assert.ok(errors.length > 0, JSON.stringify(seen(result)));
      assert.ok(errors[0].range.start.line >= 7, JSON.stringify(errors[0].range));
    }
  });

  // Was failing: throws RangeError "Maximum call stack size exceeded" from the YAML converter (parse/yaml-unit.ts,
  // Converter.convert / convertPlain recurse once per level; the yaml library returns a partial tree
  // thousands of levels deep with a RESOURCE_EXHAUSTION error, and the converter then overflows).
  // Whether it throws depends on how deep the stack already is: at 5,000 it throws in `node`, at 10,000
  // under mocha.
  it('nesting 10,000 deep in YAML (nested !If / !Join in a property): a parse-error with a position', () => {
    const depth = 10000;
    const values = ['!If [C, x, '.repeat(depth) + 'y' + ']'.repeat(depth), '!Join ["", ['.repeat(depth) + 'x' + ']]'.repeat(depth)];
    for (const value of values) {
      for (const type of ['AWS::S3::Bucket', 'AWS::EC2::SecurityGroup', 'AWS::RDS::DBInstance']) {
        const text = `Resources:\n  B:\n    Type: ${type}\n    Properties:\n      BucketName: ${value}\n`;
        const result = lint(text, 'deep-if.yaml');
        assertClearResult(result, text);
        assert.ok(parseErrors(result).length > 0, JSON.stringify(seen(result)));
      }
    }
  });

  // Was failing: the parse error says "Maximum call stack size exceeded" (the yaml library's RESOURCE_EXHAUSTION
  // message, passed through), not what is wrong with the template; its position is where the stack ran
  // out, which moves with the caller's stack depth (a fresh and an incremental lint disagree).
  it('nesting 10,000 deep in YAML: the parse error says the nesting is too deep, at the same place each time', () => {
    const depth = 10000;
    const text = TEMPLATE.replace('BucketName: data', `BucketName: data\n      Tags: ${'['.repeat(depth)}${']'.repeat(depth)}`);
    const errors = parseErrors(lint(text, 'deep.yaml'));
    assert.ok(errors.length > 0);
    assert.doesNotMatch(errors[0].message, /call stack/i);
    assert.match(errors[0].message, /nest|deep/i);
    const again = (function deeper(n: number): LintResult {
      return n === 0 ? lint(text, 'deep.yaml') : deeper(n - 1);
    })(200);
    assert.deepStrictEqual(parseErrors(again).map((f) => f.span), errors.map((f) => f.span));
  });

  // Was failing (found by the fuzzer, seed 20261204 mutant 52937): only the first too-deep place was
  // blanked; the parser met the second and stopped where its stack ran out, so a fresh and an
  // incremental lint reported that parse error at different places.
  it('two places nested 10,000 deep: one parse error at the first, the same fresh and after an edit', () => {
    const depth = 10000;
    for (const [file, syntax] of [['two-deep.yaml', 'yaml'], ['two-deep.json', 'json']] as const) {
      const deep = '['.repeat(depth) + ']'.repeat(depth);
      const join = syntax === 'yaml' ? '!Join ["", ['.repeat(depth) + 'x' + ']]'.repeat(depth) : '{"Fn::Join":["",['.repeat(depth) + '"x"' + ']]}'.repeat(depth);
      const before =
        syntax === 'yaml'
          ? 'Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      Name: n\n      ShardCount: 1\n'
          : '{"Resources":{"S":{"Type":"AWS::Kinesis::Stream","Properties":{"Name":"n","ShardCount":1}}}}';
      const text = syntax === 'yaml' ? before.replace('Name: n', `Name: ${deep}`).replace('ShardCount: 1', `ShardCount: ${join}`) : before.replace('"n"', deep).replace(':1}', `:${join}}`);
      const fresh = lint(text, file);
      assertClearResult(fresh, text);
      const errors = parseErrors(fresh);
      assert.strictEqual(errors.length, 1, `${file}: ${JSON.stringify(errors.map((e) => e.message))}`);
      // At the bracket 200 levels down (counting the braces around it in JSON), inside the first place.
      const first = text.indexOf(deep);
      assert.ok(errors[0].span.start > first && errors[0].span.start <= first + 200, `${file}: at ${errors[0].span.start}, first place at ${first}`);
      const linter = new Linter();
      lint(before, file, linter);
      const incremental = lint(text, file, linter);
      assert.deepStrictEqual(seenWithSpans(incremental), seenWithSpans(fresh), file);
    }
  });

  // Was failing: throws RangeError "Maximum call stack size exceeded", from jsonc-parser's recursive parser
  // (parseArray / parseObject) or from parse/json.ts `convert`; from about 3,000 levels on.
  it('nesting 10,000 deep in JSON: a parse-error with a position', () => {
    const depth = 10000;
    const values = ['['.repeat(depth) + ']'.repeat(depth), '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), '{"Fn::If":["C","x",'.repeat(depth) + '"y"' + ']}'.repeat(depth)];
    for (const value of values) {
      const text = `{"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"Tags":${value}}}}}`;
      const result = lint(text, 'deep.json');
      assertClearResult(result, text);
      assert.ok(parseErrors(result).length > 0, JSON.stringify(seen(result)));
    }
  });

  it('nesting 1,000 deep in JSON and YAML: linted', () => {
    const depth = 1000;
    const json = `{"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"Tags":${'['.repeat(depth)}${']'.repeat(depth)}}}}}`;
    assertClearResult(lint(json, 'deep.json'), json);
    const yaml = `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    assertClearResult(lint(yaml, 'deep.yaml'), yaml);
  });

  const bomb = (indent: string) => {
    let s = `${indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let i = 1; i < 9; i++) s += `${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    return s;
  };

  it('alias bomb ("billion laughs", 9^9 values): linted without expanding it', () => {
    const texts = [
      TEMPLATE + '    Metadata:\n' + bomb('      '),
      TEMPLATE.replace('      BucketName: data\n', `      BucketName: data\n${bomb('      ')}      Tags: *l8\n`),
      bomb('') + TEMPLATE.replace('Description: hostile input base', 'Description: *l8'),
      'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n' + bomb('      ') + '      PolicyDocument: {Statement: *l8}\n',
    ];
    for (const text of texts) {
      const result = lint(text, 'bomb.yaml');
      assertClearResult(result, text);
      for (const f of result.findings) {
        f.fix?.edits();
        f.suppress?.('line');
      }
    }
  });

  // Was failing: runs out of memory (the process dies: do not turn this on before the fix). With any suppression
  // comment in the file (`# infralint-disable-...`, `# checkov:skip=...`, `# kics-scan ...`),
  // suppress/collect.ts `spans()` walks the template tree without remembering shared (aliased) nodes,
  // i.e. the 9^9 expanded values. Also reached by applying a finding's suppress('line') quick fix.
  it('alias bomb with a suppression comment: linted without expanding it', () => {
    const text = TEMPLATE + '    Metadata:\n' + bomb('      ') + '# infralint-disable-next-line aws-s3-bucket-logging\n';
    assertClearResult(lint(text, 'bomb-suppressed.yaml'), text);
  });

  it('duplicate keys (JSON, and YAML inside a resource): a parse-error at the second key', () => {
    const json = '{"Resources":{"B":{"Type":"AWS::S3::Bucket"},"B":{"Type":"AWS::S3::Bucket"}}}';
    const jsonErrors = parseErrors(lint(json, 'dup.json'));
    assert.strictEqual(jsonErrors.length, 1);
    assert.strictEqual(jsonErrors[0].span.start, json.lastIndexOf('"B"'));
    const yaml = TEMPLATE.replace('      BucketName: data\n', '      BucketName: data\n      BucketName: other\n');
    const yamlErrors = parseErrors(lint(yaml, 'dup.yaml'));
    assert.strictEqual(yamlErrors.length, 1, JSON.stringify(yamlErrors));
    assert.strictEqual(yamlErrors[0].range.start.line, 7);
    assert.match(yamlErrors[0].message, /duplicate/i);
    const flow = 'Resources: {B: {Type: AWS::S3::Bucket}, B: {Type: AWS::S3::Bucket}}\n';
    assert.strictEqual(parseErrors(lint(flow, 'dup-flow.yaml')).length, 1);
  });

  // Was failing: no parse-error, and both resources are linted. A block-style template is cut into one unit per
  // top-level section and per resource (parse/yaml-document.ts), and each unit is parsed alone, so a
  // logical id or a section given twice is never seen as a duplicate; a flow-style or JSON template
  // (parsed whole) does report it.
  it('duplicate keys (YAML, two resources or two sections with the same name): a parse-error at the second key', () => {
    const resource = TEMPLATE + '  Data:\n    Type: AWS::SQS::Queue\n';
    const resourceErrors = parseErrors(lint(resource, 'dup-resource.yaml'));
    assert.strictEqual(resourceErrors.length, 1, JSON.stringify(seen(lint(resource, 'dup-resource.yaml'))));
    assert.strictEqual(resourceErrors[0].range.start.line, 16);
    const section = TEMPLATE + 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
    const sectionErrors = parseErrors(lint(section, 'dup-section.yaml'));
    assert.strictEqual(sectionErrors.length, 1);
    assert.strictEqual(sectionErrors[0].range.start.line, 16);
  });

  describe('large files', function () {
    this.timeout(120000);

    it('the CLI skips a 20 MB file with a visible reason, without reading it', () => {
      // shared-rules cannot import the CLI; its build output sits beside ours (npm test builds everything).
      const scanPath = path.resolve(__dirname, '../../../../cli/out/src/scan.js');
      const scan = require(scanPath) as {
        MAX_FILE_BYTES: number;
        scanFile(target: { file: string; absPath: string }): { entry: { format: string; reason?: string; skipped?: string }; findings: unknown[] };
      };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infralint-large-'));
      try {
        const file = path.join(dir, 'huge.yaml');
        const fd = fs.openSync(file, 'w');
        fs.writeSync(fd, TEMPLATE);
        // Sparse: 20 MB on disk without writing them.
        fs.ftruncateSync(fd, 20 * 1024 * 1024);
        fs.closeSync(fd);
        assert.ok(fs.statSync(file).size > scan.MAX_FILE_BYTES);
        const result = scan.scanFile({ file: 'huge.yaml', absPath: file });
        assert.strictEqual(result.entry.skipped, 'too-large');
        assert.match(result.entry.reason ?? '', /larger than 5 MB/);
        assert.deepStrictEqual(result.findings, []);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    // Was failing: the engine (and so the language server, which has no limit of its own) has no size limit:
    // a 20 MB template is parsed and linted. With 90,000 buckets it runs for tens of seconds and then
    // throws RangeError "Maximum call stack size exceeded" (see the next test); a 20 MB template of few
    // resources is linted in about 0.3 s with findings, not skipped.
    it('the engine skips a 20 MB template with a visible reason', () => {
      let text = TEMPLATE;
      for (let i = 0; text.length < 20 * 1024 * 1024; i++) text += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: name-${i}\n`;
      const result = lint(text, 'huge.yaml');
      assert.strictEqual(result.format, undefined);
      assert.strictEqual(result.tooLarge, true);
      assert.match(result.skippedReason ?? '', /larger than 5 MB/);
    });

    // Was failing: throws RangeError "Maximum call stack size exceeded" after about 5 s: engine.ts
    // `raw.push(...this.runRules(template))` spreads every finding as an argument, and 40,000 buckets
    // give 160,000 findings. The file is 1.3 MB, under the CLI's 5 MB limit (where the CLI reports an
    // internal-error for the file); 30,000 buckets (1 MB, 120,000 findings) still pass, in about 5 s.
    it('a 1.3 MB template of 40,000 resources (160,000 findings) is linted', () => {
      let text = 'Resources:\n';
      for (let i = 0; i < 40000; i++) text += `  B${i}: {Type: AWS::S3::Bucket}\n`;
      const result = lint(text, 'many.yaml');
      assertClearResult(result, text);
      assert.strictEqual(result.findings.length, 160000);
    });

    it('a template just under the size limit (one long description) is linted', () => {
      const text = TEMPLATE.replace('Description: hostile input base', `Description: |\n${`  ${'x'.repeat(1000)}\n`.repeat(5 * 1000)}`);
      assert.ok(text.length > 5 * 1000 * 1000 && text.length < MAX_TEMPLATE_LENGTH);
      const result = lint(text, 'big-description.yaml');
      assertClearResult(result, text);
      const rules = (r: LintResult) => seen(r).map((s) => s.replace(/@\d+$/, ''));
      assert.deepStrictEqual(rules(result), rules(plain));
    });
  });

  it('a file that changes faster than it is linted: every version through one Linter gives the fresh result', () => {
    // The server lints only the newest version, with the document's Linter (its caches see every
    // version it lints); here every intermediate keystroke is linted, the hardest case for the caches.
    const linter = new Linter();
    let text = TEMPLATE;
    const target = TEMPLATE.replace('      BucketName: data\n', '      BucketName: data\n      VersioningConfiguration:\n        Status: Enabled\n');
    const inserted = '      VersioningConfiguration:\n        Status: Enabled\n';
    const at = TEMPLATE.indexOf('  Ssh:');
    for (let i = 1; i <= inserted.length; i++) {
      text = TEMPLATE.slice(0, at) + inserted.slice(0, i) + TEMPLATE.slice(at);
      const incremental = lint(text, 'typing.yaml', linter);
      const fresh = lint(text, 'typing.yaml');
      assert.deepStrictEqual(incremental.findings.map((f) => `${f.ruleId}@${f.span.start}: ${f.message}`), fresh.findings.map((f) => `${f.ruleId}@${f.span.start}: ${f.message}`), `after ${i} characters`);
    }
    assert.strictEqual(text, target);
    assert.ok(!seen(lint(text, 'typing.yaml', linter)).some((s) => s.startsWith('aws-s3-bucket-versioning')));
  });
});
