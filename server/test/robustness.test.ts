import * as assert from 'assert';
import { lintText } from '@infralint/shared-rules';
import { toDiagnostics } from '../src/diagnostics';
import { LspTestClient } from './lsp-client';

/** The robustness issue at the protocol level: whatever a client sends, the server answers and lives on. */

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;

/** What a fresh lint of the text publishes, in the fields every diagnostic has. */
function expectedDiagnostics(text: string, fileName: string): unknown[] {
  return toDiagnostics(lintText(text, { fileName })).map((d) => ({ code: d.code, range: d.range, message: d.message }));
}

function essentials(diagnostics: { code?: string; range: unknown; message: string }[]): unknown[] {
  return diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message }));
}

/** A small deterministic generator, so a failing burst can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

describe('language server robustness over stdio', function () {
  this.timeout(60000);
  let client: LspTestClient;

  beforeEach(async () => {
    client = new LspTestClient(['--stdio']);
    await client.initialize({ debounceMs: 0 });
  });

  afterEach(async () => {
    const code = await client.shutdown();
    assert.strictEqual(code, 0, `server exited with ${code}; stderr: ${client.stderr}`);
  });

  it('after a burst of 500 incremental edits, the last published diagnostics are those of a fresh lint of the final text', async () => {
    const uri = 'file:///burst/template.yaml';
    let text = TEMPLATE;
    await client.open(uri, 'yaml', text, 0);
    const next = random(42);
    const pieces = ['a', ' ', '\n', ':', '-', '#', '  Extra:\n    Type: AWS::S3::Bucket\n', '0.0.0.0/0', '"'];
    const sends: Promise<void>[] = [];
    for (let version = 1; version <= 500; version++) {
      const lines = text.split('\n');
      const line = Math.floor(next() * lines.length);
      const character = Math.floor(next() * (lines[line].length + 1));
      const start = offsetAt(text, line, character);
      // Mostly typing, sometimes deleting a few characters (never past the line's end).
      const deleting = next() < 0.3;
      const length = deleting ? Math.min(lines[line].length - character, 1 + Math.floor(next() * 3)) : 0;
      const inserted = deleting ? '' : pieces[Math.floor(next() * pieces.length)];
      text = text.slice(0, start) + inserted + text.slice(start + length);
      // Sent without waiting for any answer: the server sees them as fast as the pipe carries them.
      sends.push(client.change(uri, version, [{ range: { start: { line, character }, end: { line, character: character + length } }, text: inserted }]));
    }
    await Promise.all(sends);
    const last = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 500, 30000);
    assert.deepStrictEqual(essentials(last.diagnostics), expectedDiagnostics(text, 'template.yaml'));
    const versions = client.publishedFor(uri).map((p) => p.version ?? -1);
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions.join(',')}`);
    assert.ok(versions.length < 500, `every version was linted (${versions.length}): stale work is not dropped`);
  });

  it('answers every hostile document with diagnostics and stays alive', async () => {
    const documents: [string, string][] = [
      ['empty.yaml', ''],
      ['comment.yaml', '# only a comment\n'],
      ['separator.yaml', '---\n'],
      ['braces.json', '{}'],
      ['scalar.yaml', 'just a string'],
      ['binary.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n\u0000\u0001\u0002\uFFFD\uD800\n'],
      ['bom.json', '\uFEFF{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}'],
      ['tabs.yaml', 'Resources:\n\tB:\n\t\tType: AWS::S3::Bucket\n'],
      ['deep.yaml', `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: ${'['.repeat(10000)}${']'.repeat(10000)}\n`],
      ['half.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bu'],
    ];
    for (const [name, text] of documents) {
      const uri = `file:///hostile/${name}`;
      await client.open(uri, name.endsWith('.json') ? 'json' : 'yaml', text, 1);
      const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
      assert.deepStrictEqual(essentials(published.diagnostics), expectedDiagnostics(text, name), name);
    }
    // The deep document's parse error says what is wrong, where.
    const deep = client.publishedFor('file:///hostile/deep.yaml')[0].diagnostics.find((d) => d.code === 'parse-error');
    assert.match(deep?.message ?? '', /nested more than 200 levels/);
    assert.strictEqual(deep?.range.start.line, 4);
  });

  it('skips a document over the size limit with a visible notice instead of parsing it', async () => {
    const uri = 'file:///large/huge.yaml';
    let text = TEMPLATE;
    while (text.length <= 6 * 1024 * 1024) text += `# ${'x'.repeat(1000)}\n`;
    await client.open(uri, 'yaml', text, 1);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1, 30000);
    assert.strictEqual(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
    const [notice] = published.diagnostics;
    assert.strictEqual(notice.code, 'skipped-too-large');
    assert.strictEqual(notice.severity, 3);
    assert.match(notice.message, /skipped this file: larger than 5 MB/);
    // Cut back under the limit, the same document is linted again.
    await client.change(uri, 2, [{ text: TEMPLATE }]);
    const after = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    assert.ok(after.diagnostics.some((d) => d.code === 'aws-ec2-sg-ssh-open-to-world'));
  });

  it('places squiggles in UTF-16 code units after emoji, CJK and combining characters', async () => {
    const uri = 'file:///unicode/template.yaml';
    // On the flagged line: a key with an emoji (2 code units), CJK (1 each) and e + combining acute (2).
    const text = TEMPLATE.replace('          CidrIp: 0.0.0.0/0', '          Description: "🔥 開放 é"\n          CidrIp: 0.0.0.0/0').replace(
      'AWSTemplateFormatVersion',
      '# 安全 🔒 modèle\nAWSTemplateFormatVersion',
    );
    await client.open(uri, 'yaml', text, 1);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    const ssh = published.diagnostics.find((d) => d.code === 'aws-ec2-sg-ssh-open-to-world');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('CidrIp: 0.0.0.0/0'));
    assert.deepStrictEqual(ssh?.range, { start: { line, character: 18 }, end: { line, character: 27 } });
    // A finding on a line after non-ASCII text on the same line: JavaScript string indexes are UTF-16 units.
    const inline = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress: [{Description: "🔥 開放 é", IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}]\n';
    await client.change(uri, 2, [{ text: inline }]);
    const second = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    const flagged = second.diagnostics.find((d) => d.code === 'aws-ec2-sg-ssh-open-to-world');
    const row = inline.split('\n')[6];
    const character = row.indexOf('0.0.0.0/0');
    assert.deepStrictEqual(flagged?.range, { start: { line: 6, character }, end: { line: 6, character: character + 9 } });
    assert.ok(character > [...row.slice(0, character)].length, 'the line has characters of two code units before the finding');
  });
});
