import * as assert from 'assert';
import { BUNDLED_SERVER_SCRIPT, LspTestClient } from './lsp-client';

const URI = 'file:///workspace/storage.yaml';
const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Logs:
    Type: AWS::S3::Bucket
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
`;

describe('language server over stdio', function () {
  let client: LspTestClient;

  beforeEach(async () => {
    client = new LspTestClient(['--stdio']);
    await client.initialize({ debounceMs: 0 });
  });

  afterEach(async () => {
    const code = await client.shutdown();
    assert.strictEqual(code, 0, `server exited with ${code}; stderr: ${client.stderr}`);
  });

  it('announces incremental sync', async () => {
    const other = new LspTestClient(['--stdio']);
    const result = (await other.initialize()) as { capabilities: { textDocumentSync: { change: number } } };
    assert.strictEqual(result.capabilities.textDocumentSync.change, 2);
    await other.shutdown();
  });

  it('publishes diagnostics on open, updates them on an incremental edit, clears them on close', async () => {
    await client.open(URI, 'yaml', TEMPLATE, 1);
    const first = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 1);
    const encryption = first.diagnostics.filter((d) => d.code === 'aws-s3-bucket-encryption');
    assert.strictEqual(encryption.length, 1);
    const d = encryption[0];
    assert.deepStrictEqual(d.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
    assert.strictEqual(d.source, 'infralint');
    assert.strictEqual(d.severity, 2);
    assert.match(d.codeDescription!.href, /docs\/rules\/aws-s3-bucket-encryption\.md$/);

    // Remove the encryption of "Data" (lines 7-10) with one incremental change.
    await client.change(URI, 2, [{ range: { start: { line: 7, character: 0 }, end: { line: 11, character: 0 } }, text: '      BucketName: data\n' }]);
    const second = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 2);
    const flagged = second.diagnostics.filter((x) => x.code === 'aws-s3-bucket-encryption').map((x) => x.range.start.line);
    assert.deepStrictEqual(flagged, [2, 4]);

    // An edit above the resources moves the findings down by one line.
    await client.change(URI, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Description: moved\n' }]);
    const third = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 3);
    assert.deepStrictEqual(third.diagnostics.filter((x) => x.code === 'aws-s3-bucket-encryption').map((x) => x.range.start.line), [3, 5]);

    await client.close(URI);
    const cleared = await client.waitForDiagnostics((p) => p.uri === URI && p.diagnostics.length === 0 && p.version === undefined);
    assert.deepStrictEqual(cleared.diagnostics, []);
  });

  it('reports a half-typed template as a parse error and recovers when it is completed', async () => {
    await client.open(URI, 'yaml', TEMPLATE, 1);
    await client.waitForDiagnostics((p) => p.version === 1);
    await client.change(URI, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '    Properties: [\n' }]);
    const broken = await client.waitForDiagnostics((p) => p.version === 2);
    assert.ok(broken.diagnostics.some((x) => x.code === 'parse-error'), JSON.stringify(broken.diagnostics));
    await client.change(URI, 3, [{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: '' }]);
    const fixed = await client.waitForDiagnostics((p) => p.version === 3);
    assert.ok(!fixed.diagnostics.some((x) => x.code === 'parse-error'));
    assert.strictEqual(fixed.diagnostics.filter((x) => x.code === 'aws-s3-bucket-encryption').length, 1);
  });

  it('publishes no diagnostics for YAML that is not CloudFormation', async () => {
    const uri = 'file:///workspace/docker-compose.yml';
    await client.open(uri, 'yaml', 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n', 1);
    const published = await client.waitForDiagnostics((p) => p.uri === uri);
    assert.deepStrictEqual(published.diagnostics, []);
  });

  it('lints JSON templates', async () => {
    const uri = 'file:///workspace/bucket.json';
    await client.open(uri, 'json', '{\n  "Resources": {\n    "Raw": {"Type": "AWS::S3::Bucket"}\n  }\n}\n', 1);
    const published = await client.waitForDiagnostics((p) => p.uri === uri);
    const encryption = published.diagnostics.filter((x) => x.code === 'aws-s3-bucket-encryption');
    assert.deepStrictEqual(encryption.map((x) => [x.range.start.line, x.range.start.character]), [[2, 4]]);
  });

  it('works the same from the bundle the VS Code extension ships (dist/server.js)', async () => {
    const bundled = new LspTestClient(['--stdio'], BUNDLED_SERVER_SCRIPT);
    await bundled.initialize({ debounceMs: 0 });
    await bundled.open(URI, 'yaml', TEMPLATE, 1);
    const published = await bundled.waitForDiagnostics((p) => p.uri === URI && p.version === 1);
    assert.deepStrictEqual(published.diagnostics.filter((d) => d.code === 'aws-s3-bucket-encryption').map((d) => d.range.start.line), [2]);
    assert.strictEqual(await bundled.shutdown(), 0, bundled.stderr);
  });
});

/** A template of `count` public buckets: large enough that its first parse takes many slices. */
function largeTemplate(count: number): string {
  let text = 'Resources:\n';
  for (let i = 0; i < count; i++) text += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n      BucketName: !Sub "bucket-${i}-\${AWS::AccountId}"\n`;
  return text;
}

describe('language server on a large template (the parse is sliced, the message loop is not held)', function () {
  this.timeout(60000);
  const uri = 'file:///workspace/large.yaml';
  let client: LspTestClient;

  beforeEach(async () => {
    client = new LspTestClient(['--stdio']);
    await client.initialize({ debounceMs: 0 });
  });

  afterEach(async () => {
    assert.strictEqual(await client.shutdown(), 0, client.stderr);
  });

  it('answers a request sent during the first parse before it publishes the diagnostics', async () => {
    const text = largeTemplate(1500);
    await client.open(uri, 'yaml', text, 1);
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 8 } });
    await hover;
    const publishedWhenAnswered = client.publishedFor(uri).length;
    const published = await client.waitForDiagnostics((p) => p.uri === uri);
    assert.strictEqual(publishedWhenAnswered, 0, 'the hover was answered only after the whole template was linted');
    assert.strictEqual(published.diagnostics.filter((d) => d.code === 'aws-s3-bucket-public-acl').length, 1500);
  });

  it('drops the work for a version overtaken during its first parse, and publishes only the newer one', async () => {
    const text = largeTemplate(1500);
    await client.open(uri, 'yaml', text, 1);
    // A reply shows that the server is between two slices of version 1's work, not done with it.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 8 } });
    assert.strictEqual(client.publishedFor(uri).length, 0, 'version 1 was linted in one go');
    // Bucket0 is no longer public in version 2.
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 21 }, end: { line: 4, character: 31 } }, text: 'Private' }]);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    assert.deepStrictEqual(client.publishedFor(uri).map((p) => p.version), [2]);
    const publicAcl = published.diagnostics.filter((d) => d.code === 'aws-s3-bucket-public-acl');
    assert.strictEqual(publicAcl.length, 1499);
    assert.ok(!publicAcl.some((d) => d.range.start.line === 4), 'Bucket0 (line 5) is private in version 2');
  });
});
