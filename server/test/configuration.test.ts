import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient, type PublishedDiagnostics } from './lsp-client';

const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n';
const URI = 'file:///workspace/config/storage.yaml';
/** Client capabilities of an editor that answers workspace/configuration (VS Code, Neovim, Emacs...). */
const PULL = { workspace: { configuration: true } };
const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];
const CLI = path.resolve(__dirname, '../../../cli/bin/infralint.js');

function summary(p: PublishedDiagnostics): string[] {
  return p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}:${SEVERITY_NAMES[d.severity ?? 0]}`);
}

function has(p: PublishedDiagnostics, code: string, severity: number): boolean {
  return p.diagnostics.some((d) => d.code === code && d.severity === severity);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('language server configuration', function () {
  let client: LspTestClient;
  let dir: string | undefined;

  beforeEach(() => {
    client = new LspTestClient(['--stdio']);
    dir = undefined;
  });

  afterEach(async () => {
    const code = await client.shutdown();
    assert.strictEqual(code, 0, `server exited with ${code}; stderr: ${client.stderr}`);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function tempDir(files: Record<string, string>): string {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'infralint-server-')));
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
  }

  it('changing infralint.rules.customizations through didChangeConfiguration changes the severities, without a restart', async () => {
    client.setSettings('infralint', { rules: { customizations: [] } });
    await client.initialize({ debounceMs: 0 }, PULL);
    await client.open(URI, 'yaml', TEMPLATE, 1);
    const before = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 1);
    assert.deepStrictEqual(summary(before), [
      '3:aws-s3-bucket-encryption:warning',
      '3:aws-s3-bucket-logging:warning',
      '3:aws-s3-bucket-public-access-block:warning',
      '3:aws-s3-bucket-versioning:warning',
    ]);
    const pid = client.process.pid;

    client.setSettings('infralint', {
      rules: {
        customizations: [
          { rule: 'aws-s3-*', severity: 'info' },
          { rule: 'aws-s3-bucket-encryption', severity: 'error' },
          { rule: 'aws-s3-bucket-logging', severity: 'off' },
        ],
      },
    });
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const after = await client.waitForDiagnostics((p) => p.uri === URI && has(p, 'aws-s3-bucket-encryption', 1));
    assert.deepStrictEqual(summary(after), [
      '3:aws-s3-bucket-encryption:error',
      '3:aws-s3-bucket-public-access-block:info',
      '3:aws-s3-bucket-versioning:info',
    ]);
    assert.strictEqual(after.version, 1);
    // Same server process; settings pulled per document, again after the change.
    assert.strictEqual(client.process.pid, pid);
    assert.strictEqual(client.process.exitCode, null);
    assert.deepStrictEqual(client.configurationRequests.slice(0, 2), [
      [{ scopeUri: URI, section: 'infralint' }],
      [{ scopeUri: URI, section: 'infralint' }],
    ]);
    assert.deepStrictEqual(client.shownMessages, []);
  });

  it('takes pushed settings from a client without workspace/configuration', async () => {
    await client.initialize({ debounceMs: 0 });
    await client.open(URI, 'yaml', TEMPLATE, 1);
    await client.waitForDiagnostics((p) => p.uri === URI && p.diagnostics.length === 4);
    await client.notify('workspace/didChangeConfiguration', {
      settings: { infralint: { rules: { customizations: [{ rule: 'aws-s3-bucket-versioning', severity: 'error' }] }, minimumSeverity: 'error' } },
    });
    const after = await client.waitForDiagnostics((p) => p.uri === URI && p.diagnostics.length === 1);
    assert.deepStrictEqual(summary(after), ['3:aws-s3-bucket-versioning:error']);
    assert.deepStrictEqual(client.configurationRequests, []);
  });

  it('keeps initializationOptions.settings when a client without workspace/configuration pushes null or other sections', async () => {
    await client.initialize({ debounceMs: 0, settings: { rules: { customizations: [{ rule: 'aws-s3-bucket-versioning', severity: 'error' }] } } });
    await client.open(URI, 'yaml', TEMPLATE, 1);
    const customized = (p: PublishedDiagnostics) => p.uri === URI && has(p, 'aws-s3-bucket-versioning', 1);
    await client.waitForDiagnostics(customized);
    // Each push re-lints; the customization must survive both.
    for (const settings of [null, { yaml: { validate: true } }]) {
      const before = client.publishedFor(URI).length;
      await client.notify('workspace/didChangeConfiguration', { settings });
      const after = await client.waitForDiagnostics((p) => p.uri === URI && client.publishedFor(URI).indexOf(p) >= before);
      assert.ok(customized(after), `after pushing ${JSON.stringify(settings)}: ${JSON.stringify(summary(after))}`);
    }
    // A push that names the section does replace them.
    await client.notify('workspace/didChangeConfiguration', { settings: { infralint: null } });
    const reset = await client.waitForDiagnostics((p) => p.uri === URI && has(p, 'aws-s3-bucket-versioning', 2));
    assert.strictEqual(reset.diagnostics.length, 4);
    assert.deepStrictEqual(client.configurationRequests, []);
  });

  it('gives clients that answer null the defaults, without errors', async () => {
    await client.initialize({ debounceMs: 0 }, PULL);
    await client.open(URI, 'yaml', TEMPLATE, 1);
    const published = await client.waitForDiagnostics((p) => p.uri === URI);
    assert.strictEqual(published.diagnostics.length, 4);
    assert.ok(published.diagnostics.every((d) => d.severity === 2));
    assert.strictEqual(client.configurationRequests.length, 1);
    assert.deepStrictEqual(client.shownMessages, []);
  });

  it('shows a bad setting with its key and value, and applies the valid ones', async () => {
    client.setSettings('infralint', {
      rules: {
        customizations: [
          { rule: 'aws-s3-bucket-logging', severity: 'warn' },
          { rule: 'aws-s3-bucket-encryption', severity: 'error' },
        ],
      },
      minimumSeverity: 'error',
    });
    await client.initialize({ debounceMs: 0 }, PULL);
    await client.open(URI, 'yaml', TEMPLATE, 1);
    const published = await client.waitForDiagnostics((p) => p.uri === URI);
    assert.deepStrictEqual(summary(published), ['3:aws-s3-bucket-encryption:error']);
    const shown = await client.waitForShownMessage(() => true);
    assert.deepStrictEqual(shown, {
      type: 1,
      message:
        "Infralint configuration: infralint.rules.customizations[0].severity: 'warn' is not a severity (expected error, warning, info, hint, off or default); this customization is ignored.",
    });
    assert.ok(client.logMessages.some((m) => m.message === shown.message), JSON.stringify(client.logMessages));
    // Shown once, not once per document.
    await client.open('file:///workspace/config/other.yaml', 'yaml', TEMPLATE, 1);
    await client.waitForDiagnostics((p) => p.uri === 'file:///workspace/config/other.yaml');
    assert.strictEqual(client.shownMessages.length, 1);
  });

  it('infralint.enable: false publishes empty diagnostics; true brings them back', async () => {
    client.setSettings('infralint', { enable: false });
    await client.initialize({ debounceMs: 0 }, PULL);
    await client.open(URI, 'yaml', TEMPLATE, 1);
    const off = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 1);
    assert.deepStrictEqual(off.diagnostics, []);
    client.setSettings('infralint', { enable: true });
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const on = await client.waitForDiagnostics((p) => p.uri === URI && p.diagnostics.length === 4);
    assert.strictEqual(on.version, 1);
  });

  it('infralint.run: onSave lints on open and save, not on change', async () => {
    client.setSettings('infralint', { run: 'onSave' });
    const result = (await client.initialize({ debounceMs: 0 }, PULL)) as { capabilities: { textDocumentSync: { save?: unknown } } };
    assert.ok(result.capabilities.textDocumentSync.save, 'the server asks for save notifications');
    await client.open(URI, 'yaml', TEMPLATE, 1);
    await client.waitForDiagnostics((p) => p.uri === URI && p.version === 1 && p.diagnostics.length === 4);
    const encrypted = '    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n';
    await client.change(URI, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: encrypted }]);
    await sleep(400);
    await assert.rejects(client.waitForDiagnostics((p) => p.uri === URI && p.version === 2, 50));
    await client.save(URI);
    const saved = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 2);
    assert.deepStrictEqual(summary(saved), ['3:aws-s3-bucket-logging:warning', '3:aws-s3-bucket-public-access-block:warning', '3:aws-s3-bucket-versioning:warning']);
  });

  it('infralint.exclude and infralint.minimumSeverity', async () => {
    client.setSettings('infralint', { exclude: ['*.excluded.yaml'], minimumSeverity: 'warning', rules: { customizations: [{ rule: 'aws-s3-bucket-logging', severity: 'info' }] } });
    await client.initialize({ debounceMs: 0 }, PULL);
    const excluded = 'file:///workspace/config/app.excluded.yaml';
    await client.open(excluded, 'yaml', TEMPLATE, 1);
    await client.open(URI, 'yaml', TEMPLATE, 1);
    assert.deepStrictEqual((await client.waitForDiagnostics((p) => p.uri === excluded)).diagnostics, []);
    assert.deepStrictEqual(summary(await client.waitForDiagnostics((p) => p.uri === URI)), [
      '3:aws-s3-bucket-encryption:warning',
      '3:aws-s3-bucket-public-access-block:warning',
      '3:aws-s3-bucket-versioning:warning',
    ]);
  });

  it('marks an unused suppression as unnecessary, without a documentation link', async () => {
    await client.initialize({ debounceMs: 0 });
    await client.open(URI, 'yaml', TEMPLATE.replace('  Logs:', '  Logs: # infralint-disable-line aws-kms-key-rotation'), 1);
    const published = await client.waitForDiagnostics((p) => p.uri === URI);
    const unused = published.diagnostics.filter((d) => d.code === 'unused-suppression');
    assert.strictEqual(unused.length, 1);
    assert.deepStrictEqual(unused[0].tags, [1]);
    assert.strictEqual(unused[0].severity, 3);
    assert.strictEqual(unused[0].codeDescription, undefined);
  });

  it('a .infralint.yaml gives the CLI and the server the same findings', async () => {
    const template = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  # infralint-disable-next-line aws-s3-bucket-versioning -- versioned by the backup plan',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '  Data:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: data',
      '',
    ].join('\n');
    const root = tempDir({
      '.infralint.yaml': [
        'rules:',
        '  customizations:',
        '    - rule: "aws-s3-*"',
        '      severity: info',
        '    - rule: aws-s3-bucket-encryption',
        '      severity: error',
        '    - rule: aws-s3-bucket-logging',
        '      severity: "off"',
        'minimumSeverity: info',
        '',
      ].join('\n'),
      'stacks/storage.yaml': template,
    });
    const expected = [
      '4:aws-s3-bucket-encryption:error',
      '4:aws-s3-bucket-public-access-block:info',
      '6:aws-s3-bucket-encryption:error',
      '6:aws-s3-bucket-public-access-block:info',
      '6:aws-s3-bucket-versioning:info',
    ];

    const cli = spawnSync(process.execPath, [CLI, 'scan', 'stacks/storage.yaml', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(cli.status, 1, cli.stderr);
    const report = JSON.parse(cli.stdout) as { findings: { line: number; ruleId: string; severity: string }[] };
    const fromCli = report.findings.map((f) => `${f.line}:${f.ruleId}:${f.severity}`);

    await client.initialize({ debounceMs: 0 }, PULL);
    const uri = pathToFileURL(path.join(root, 'stacks/storage.yaml')).href;
    await client.open(uri, 'yaml', template, 1);
    const fromServer = summary(await client.waitForDiagnostics((p) => p.uri === uri));

    assert.deepStrictEqual(fromCli, expected);
    assert.deepStrictEqual(fromServer, expected);

    // Without the file: the defaults (4 warnings per bucket, one of them suppressed by the comment).
    fs.rmSync(path.join(root, '.infralint.yaml'));
    const plain = spawnSync(process.execPath, [CLI, 'scan', 'stacks/storage.yaml', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const findings = (JSON.parse(plain.stdout) as { findings: { severity: string }[] }).findings;
    assert.deepStrictEqual(findings.map((f) => f.severity), Array(7).fill('warning'));
  });

  it('re-reads .infralint.yaml when the client reports it changed', async () => {
    const root = tempDir({ '.infralint.yaml': 'minimumSeverity: error\n', 'a.yaml': TEMPLATE });
    await client.initialize({ debounceMs: 0 }, { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
    const uri = pathToFileURL(path.join(root, 'a.yaml')).href;
    await client.open(uri, 'yaml', TEMPLATE, 1);
    assert.deepStrictEqual((await client.waitForDiagnostics((p) => p.uri === uri)).diagnostics, []);
    fs.writeFileSync(path.join(root, '.infralint.yaml'), 'rules:\n  customizations:\n    - rule: aws-s3-bucket-logging\n      severity: error\nminimumSeverity: error\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(root, '.infralint.yaml')).href, type: 2 }] });
    const after = await client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.length > 0);
    assert.deepStrictEqual(summary(after), ['3:aws-s3-bucket-logging:error']);
  });

  it('shows a bad .infralint.yaml with file, line, key and value, and marks it in the open file', async () => {
    const root = tempDir({ '.infralint.yaml': 'minimumSeverity: low\nexclude: [x]\n', 'a.yaml': TEMPLATE });
    await client.initialize({ debounceMs: 0 }, PULL);
    const uri = pathToFileURL(path.join(root, 'a.yaml')).href;
    await client.open(uri, 'yaml', TEMPLATE, 1);
    await client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.length === 4);
    const shown = await client.waitForShownMessage(() => true);
    assert.strictEqual(
      shown.message,
      `Infralint configuration: ${path.join(root, '.infralint.yaml')}:1:18: minimumSeverity: 'low' is not a severity (expected error, warning, info or hint); it is ignored.`,
    );
    assert.strictEqual(shown.type, 1);

    const configUri = pathToFileURL(path.join(root, '.infralint.yaml')).href;
    await client.open(configUri, 'yaml', 'minimumSeverity: low\n', 1);
    const marked = await client.waitForDiagnostics((p) => p.uri === configUri);
    assert.deepStrictEqual(
      marked.diagnostics.map((d) => [d.range.start, d.code, d.severity]),
      [[{ line: 0, character: 17 }, 'config', 1]],
    );
  });
});
