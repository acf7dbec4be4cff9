/**
 * The Infralint extension in a real VS Code: diagnostics on open, live updates on edits, the quick
 * fix through `vscode.executeCodeActionProvider`, `infralint.*` settings applied at once, and
 * diagnostics cleared on close. Every wait polls `vscode.languages.getDiagnostics` with a bound.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  caseFor,
  codeOf,
  findingsAfterFix,
  infralintDiagnostics,
  keyOfDiagnostic,
  loadCases,
  SEVERITY,
  uriOf,
  waitFor,
  waitForFindings,
  waitForReviewedRules,
  type Case,
  type Finding,
} from './helpers';

const EXTENSION_ID = 'infralint.infralint';
const JSON_TEMPLATE = 'test-workspace/insecure/audit-logging-gaps.json';
const YAML_TEMPLATE = 'test-workspace/insecure/iam-admin-users.yaml';
const FIXTURE = 'e2e/fixtures/kms-key-rotation.yaml';

async function open(file: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uriOf(file));
  return vscode.window.showTextDocument(document, { preview: false });
}

function rangeOf(f: Finding): vscode.Range {
  return new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
}

describe('Infralint in VS Code', function () {
  let cases: Case[];

  before(async function () {
    cases = loadCases();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // A test that fails halfway leaves its edit behind: revert every changed document, so that one
  // broken fix fails its own tests and not the ones after it.
  afterEach(async function () {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  after(async function () {
    await vscode.workspace.getConfiguration('infralint').update('rules.customizations', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('activates on a template and shows the expected findings of a JSON template (rule ids, ranges, severities)', async function () {
    const c = caseFor(cases, JSON_TEMPLATE);
    const editor = await open(c.file);
    assert.strictEqual(editor.document.languageId, 'json');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await waitFor('the extension to activate', () => extension.isActive, () => `isActive=${extension.isActive}`);
    await waitForReviewedRules(editor.document.uri, c);
    const diagnostics = await waitForFindings(editor.document.uri, c.findings, `the findings of ${c.file}`);
    for (const d of diagnostics) {
      assert.ok(d.code && typeof d.code === 'object' && String(d.code.target).includes(`${codeOf(d)}.md`), `no documentation link on ${keyOfDiagnostic(d)}`);
    }
  });

  it('shows the expected findings of a YAML template', async function () {
    const c = caseFor(cases, YAML_TEMPLATE);
    const editor = await open(c.file);
    assert.strictEqual(editor.document.languageId, 'yaml');
    await waitForReviewedRules(editor.document.uri, c);
    await waitForFindings(editor.document.uri, c.findings, `the findings of ${c.file}`);
  });

  it('shows the hand-checked findings of the e2e fixture', async function () {
    const c = caseFor(cases, FIXTURE);
    const editor = await open(c.file);
    await waitForReviewedRules(editor.document.uri, c);
    await waitForFindings(editor.document.uri, c.findings, `the findings of ${c.file}`);
  });

  it('updates the diagnostics when the template is edited (WorkspaceEdit), both ways', async function () {
    const c = caseFor(cases, JSON_TEMPLATE);
    const editor = await open(c.file);
    const document = editor.document;
    const needle = '"EnableLogFileValidation": false';
    const offset = document.getText().indexOf(needle);
    assert.ok(offset >= 0, `${needle} not found in ${c.file}`);
    const start = document.positionAt(offset + needle.indexOf('false'));
    const falseRange = new vscode.Range(start, start.translate(0, 'false'.length));

    const toTrue = new vscode.WorkspaceEdit();
    toTrue.replace(document.uri, falseRange, 'true');
    assert.ok(await vscode.workspace.applyEdit(toTrue), 'applyEdit (false -> true) failed');
    const withoutValidation = c.findings.filter((f) => f.rule !== 'aws-cloudtrail-log-validation');
    assert.strictEqual(withoutValidation.length, c.findings.length - 1, 'the case has no aws-cloudtrail-log-validation finding');
    await waitForFindings(document.uri, withoutValidation, 'aws-cloudtrail-log-validation to disappear after the edit');

    const back = new vscode.WorkspaceEdit();
    back.replace(document.uri, new vscode.Range(start, start.translate(0, 'true'.length)), 'false');
    assert.ok(await vscode.workspace.applyEdit(back), 'applyEdit (true -> false) failed');
    await waitForFindings(document.uri, c.findings, 'aws-cloudtrail-log-validation to come back after undoing the edit');
  });

  it("offers 'Set EnableKeyRotation to true' through vscode.executeCodeActionProvider and applying it fixes the finding", async function () {
    const c = caseFor(cases, JSON_TEMPLATE);
    const editor = await open(c.file);
    const document = editor.document;
    await waitForFindings(document.uri, c.findings, `the findings of ${c.file}`);
    const kms = c.findings.find((f) => f.rule === 'aws-kms-key-rotation');
    assert.ok(kms, 'the case has no aws-kms-key-rotation finding');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      rangeOf(kms),
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = (actions ?? []).map((a) => a.title);
    const fix = (actions ?? []).find((a) => a.title === 'Set EnableKeyRotation to true');
    assert.ok(fix, `no 'Set EnableKeyRotation to true' among ${JSON.stringify(titles)}`);
    assert.strictEqual(fix.isPreferred, true, 'the safe fix is not preferred');
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    assert.ok(titles.includes("Suppress 'aws-kms-key-rotation' for resource ApplicationDataKey"), `no suppression action among ${JSON.stringify(titles)}`);
    assert.ok(titles.includes("Show documentation for 'aws-kms-key-rotation'"), `no documentation action among ${JSON.stringify(titles)}`);
    assert.ok(fix.edit, 'the fix has no edit');

    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applying the fix failed');
    const after = document.getText();
    assert.notStrictEqual(after, before, 'the fix changed nothing');
    const keyStart = after.indexOf('"ApplicationDataKey"');
    const nextResource = after.indexOf('"Type"', after.indexOf('"Type"', keyStart) + 1);
    const block = after.slice(keyStart, nextResource);
    assert.match(block, /"EnableKeyRotation": true/, `EnableKeyRotation not set in ApplicationDataKey:\n${block}`);
    assert.doesNotThrow(() => JSON.parse(after), 'the fixed template is not valid JSON');

    await waitFor(
      'aws-kms-key-rotation to disappear after the fix',
      () => {
        const now = infralintDiagnostics(document.uri);
        return !now.some((d) => codeOf(d) === 'aws-kms-key-rotation') && now.length === c.findings.length - 1;
      },
      () => JSON.stringify(infralintDiagnostics(document.uri).map(keyOfDiagnostic)),
    );
    // Leave the file as it was for the next tests.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForFindings(document.uri, c.findings, 'the findings to come back after reverting');
  });

  it("leaves 'Fix all auto-fixable problems' to codeAction/resolve, and the resolved edit fixes every safe finding", async function () {
    const c = caseFor(cases, JSON_TEMPLATE);
    const editor = await open(c.file);
    const document = editor.document;
    await waitForFindings(document.uri, c.findings, `the findings of ${c.file}`);
    const kms = c.findings.find((f) => f.rule === 'aws-kms-key-rotation');
    assert.ok(kms, 'the case has no aws-kms-key-rotation finding');
    const ask = (resolveCount?: number) =>
      vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, rangeOf(kms), vscode.CodeActionKind.QuickFix.value, resolveCount);
    const menu = (await ask()) ?? [];
    const lazy = menu.find((a) => a.title === 'Fix all auto-fixable problems');
    assert.ok(lazy, `no fix-all among ${JSON.stringify(menu.map((a) => a.title))}`);
    assert.strictEqual(lazy.edit, undefined, 'the fix-all edit was computed for the menu, before it was chosen');
    const all = ((await ask(100)) ?? []).find((a) => a.title === 'Fix all auto-fixable problems');
    assert.ok(all?.edit, 'the fix-all action was not resolved to an edit');
    assert.ok(await vscode.workspace.applyEdit(all.edit), 'applying fix-all failed');
    assert.doesNotThrow(() => JSON.parse(document.getText()), 'the fixed template is not valid JSON');
    const safe = ['aws-cloudtrail-multi-region', 'aws-cloudtrail-log-validation', 'aws-kms-key-rotation', 'aws-sns-topic-encryption', 'aws-sqs-queue-encryption'];
    await waitFor(
      'the safe-fixable findings to disappear after fix-all',
      () => {
        const now = infralintDiagnostics(document.uri).map(codeOf);
        return now.length > 0 && !now.some((code) => safe.includes(String(code)));
      },
      () => JSON.stringify(infralintDiagnostics(document.uri).map(keyOfDiagnostic)),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForFindings(document.uri, c.findings, 'the findings to come back after reverting');
  });

  it('applies the first quick fix of a YAML template (the fix the editor harnesses apply) and keeps the other findings in place', async function () {
    const c = caseFor(cases, FIXTURE);
    assert.ok(c.fix);
    const editor = await open(c.file);
    const document = editor.document;
    await waitForFindings(document.uri, c.findings, `the findings of ${c.file}`);
    const first = c.findings[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, rangeOf(first));
    const fix = (actions ?? []).find((a) => a.title === c.fix!.title);
    assert.ok(fix?.edit, `no '${c.fix.title}' with an edit among ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const lines = document.getText().split(/\r?\n/);
    assert.deepStrictEqual(lines.slice(c.fix.insertAfterLine, c.fix.insertAfterLine + c.fix.insertedLines.length), c.fix.insertedLines);
    await waitForFindings(document.uri, findingsAfterFix(c), `the findings after '${c.fix.title}'`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForFindings(document.uri, c.findings, 'the findings to come back after reverting');
  });

  it('applies infralint.rules.customizations changed with workspace.getConfiguration().update at once', async function () {
    const c = caseFor(cases, JSON_TEMPLATE);
    const editor = await open(c.file);
    const uri = editor.document.uri;
    await waitForFindings(uri, c.findings, `the findings of ${c.file}`);
    const config = () => vscode.workspace.getConfiguration('infralint', uri);
    const sns = c.findings.find((f) => f.rule === 'aws-sns-topic-encryption');
    assert.ok(sns && sns.severity === 'warning', 'the case has no aws-sns-topic-encryption warning');

    await config().update('rules.customizations', [{ rule: 'aws-sns-topic-encryption', severity: 'error' }], vscode.ConfigurationTarget.Workspace);
    await waitForFindings(uri, c.findings.map((f) => (f.rule === sns.rule ? { ...f, severity: 'error' as const } : f)), 'aws-sns-topic-encryption to become an error');
    assert.strictEqual(infralintDiagnostics(uri).find((d) => codeOf(d) === sns.rule)?.severity, SEVERITY.error);

    await config().update(
      'rules.customizations',
      [{ rule: 'aws-sqs-*', severity: 'off' }, { rule: 'aws-cloudtrail-*', severity: 'info' }],
      vscode.ConfigurationTarget.Workspace,
    );
    await waitForFindings(
      uri,
      c.findings.filter((f) => !f.rule.startsWith('aws-sqs-')).map((f) => (f.rule.startsWith('aws-cloudtrail-') ? { ...f, severity: 'info' as const } : f)),
      'aws-sqs-* off and aws-cloudtrail-* as info',
    );

    await config().update('rules.customizations', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForFindings(uri, c.findings, 'the default severities after removing the customizations');
  });

  it('clears the diagnostics when the file is closed', async function () {
    // A document the extension host opened itself (workspace.openTextDocument) stays open for
    // minutes after its editor closes, so this one is opened as a user would (vscode.open) from a
    // fresh copy of the YAML template: closing its editor closes the document (textDocument/didClose).
    const c = caseFor(cases, YAML_TEMPLATE);
    const uri = uriOf(c.file.replace(/\.yaml$/, '-closing.yaml'));
    await vscode.workspace.fs.copy(uriOf(c.file), uri, { overwrite: true });
    await vscode.commands.executeCommand('vscode.open', uri);
    await waitForFindings(uri, c.findings, `the findings of a copy of ${c.file}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor(
      `the diagnostics of ${uri.fsPath} to be cleared after closing it`,
      () => infralintDiagnostics(uri).length === 0,
      () => `${infralintDiagnostics(uri).length} diagnostics; document still open: ${vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())}`,
      30_000,
    );
    await vscode.workspace.fs.delete(uri);
  });
});
