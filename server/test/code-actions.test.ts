import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, type PublishedDiagnostics } from './lsp-client';

const URI = 'file:///workspace/keys.yaml';
const TEMPLATE = `Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      Description: data
  LogsKey:
    Type: AWS::KMS::Key
    Properties:
      Description: logs
      EnableKeyRotation: false
`;

interface Action {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> };
  command?: { command: string; arguments?: unknown[] };
}

function apply(text: string, action: Action): string {
  const doc = TextDocument.create(URI, 'yaml', 1, text);
  return TextDocument.applyEdits(doc, action.edit!.changes[URI]);
}

describe('code actions and hover', function () {
  let client: LspTestClient;
  let published: PublishedDiagnostics;

  beforeEach(async () => {
    client = new LspTestClient(['--stdio']);
    await client.initialize({ debounceMs: 0 });
    await client.open(URI, 'yaml', TEMPLATE, 1);
    published = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 1);
  });

  afterEach(async () => {
    await client.shutdown();
  });

  it('offers the fix (preferred), fix all of the rule, fix all, and documentation; the fix removes the diagnostic', async () => {
    const rotation = published.diagnostics.filter((d) => d.code === 'aws-kms-key-rotation');
    assert.strictEqual(rotation.length, 2);
    // Send back only code, message and range, as some clients do.
    const minimal = { code: rotation[0].code, message: rotation[0].message, range: rotation[0].range };
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: rotation[0].range,
      context: { diagnostics: [minimal] },
    })) as Action[];
    const titles = actions.map((a) => a.title);
    assert.deepStrictEqual(titles, [
      'Set EnableKeyRotation to true',
      "Suppress 'aws-kms-key-rotation' for this line",
      "Suppress 'aws-kms-key-rotation' for resource DataKey",
      "Fix all 'aws-kms-key-rotation' problems in this file",
      "Show documentation for 'aws-kms-key-rotation'",
      'Fix all auto-fixable problems',
    ]);
    assert.strictEqual(actions[0].isPreferred, true);
    assert.strictEqual(actions[4].command?.command, 'infralint.showDocumentation');
    assert.match(String(actions[4].command?.arguments?.[0]), /docs\/rules\/aws-kms-key-rotation\.md$/);

    // Suppressing for the resource puts a comment above its key; the finding goes away, nothing else changes.
    const suppressed = apply(TEMPLATE, actions[2]);
    assert.strictEqual(
      suppressed,
      TEMPLATE.replace('  DataKey:\n', '  # infralint-disable-resource aws-kms-key-rotation -- explain why this is acceptable\n  DataKey:\n'),
    );
    await client.change(URI, 2, [{ text: suppressed }]);
    const quiet = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 2);
    assert.deepStrictEqual(quiet.diagnostics.filter((d) => d.code === 'aws-kms-key-rotation').map((d) => d.range.start.line), [10]);

    const fixed = apply(TEMPLATE, actions[0]);
    assert.strictEqual(fixed, TEMPLATE.replace('      Description: data\n', '      Description: data\n      EnableKeyRotation: true\n'));
    await client.change(URI, 3, [{ text: fixed }]);
    const after = await client.waitForDiagnostics((p) => p.uri === URI && p.version === 3);
    assert.deepStrictEqual(after.diagnostics.filter((d) => d.code === 'aws-kms-key-rotation').map((d) => d.range.start.line), [10]);

    const all = apply(TEMPLATE, actions[3]);
    assert.strictEqual(all, fixed.replace('EnableKeyRotation: false', 'EnableKeyRotation: true'));
  });

  it('leaves the fix-all edits of the menu to codeAction/resolve when the client resolves edits, with the same result', async () => {
    const lazy = new LspTestClient(['--stdio']);
    try {
      await lazy.initialize({ debounceMs: 0 }, { textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { resolveSupport: { properties: ['edit'] } } } });
      await lazy.open(URI, 'yaml', TEMPLATE, 1);
      const diagnostics = await lazy.waitForDiagnostics((p) => p.uri === URI && p.version === 1);
      const rotation = diagnostics.diagnostics.filter((d) => d.code === 'aws-kms-key-rotation');
      const request = { textDocument: { uri: URI }, range: rotation[0].range, context: { diagnostics: [rotation[0]] } };
      const actions = (await lazy.connection.sendRequest('textDocument/codeAction', request)) as (Action & { data?: unknown })[];
      const eager = (await client.connection.sendRequest('textDocument/codeAction', request)) as Action[];
      assert.deepStrictEqual(actions.map((a) => a.title), eager.map((a) => a.title));
      const fixAll = actions.filter((a) => a.title.startsWith('Fix all'));
      assert.strictEqual(fixAll.length, 2);
      assert.ok(fixAll.every((a) => a.edit === undefined && a.data !== undefined), 'fix-all was computed for the menu');
      for (const action of fixAll) {
        const resolved = (await lazy.connection.sendRequest('codeAction/resolve', action)) as Action;
        assert.strictEqual(apply(TEMPLATE, resolved), apply(TEMPLATE, eager.find((a) => a.title === action.title)!), action.title);
      }
      // Resolved after the document changed: no edit, rather than one computed for another text.
      await lazy.change(URI, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# moved\n' }]);
      const stale = (await lazy.connection.sendRequest('codeAction/resolve', fixAll[0])) as Action;
      assert.strictEqual(stale.edit, undefined);
    } finally {
      await lazy.shutdown();
    }
  });

  it('answers source.fixAll.infralint for fix-on-save', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as Action[];
    assert.strictEqual(actions.length, 1);
    assert.strictEqual(actions[0].kind, 'source.fixAll.infralint');
    assert.ok(!apply(TEMPLATE, actions[0]).includes('EnableKeyRotation: false'));
  });

  it('shows the rule on hover over a flagged range', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 9, character: 27 },
    })) as { contents: { kind: string; value: string } };
    assert.strictEqual(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /aws-kms-key-rotation/);
    assert.match(hover.contents.value, /How to fix/);
    const nothing = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    assert.strictEqual(nothing, null);
  });
});
