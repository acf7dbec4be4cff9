import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics } from './diagnostics';
import { LintScheduler } from './lint-scheduler';
import { ServerConfiguration } from './settings';
import { DocumentResults } from './document-results';
import { codeActions, FIX_ALL_KIND, resolveCodeAction, SHOW_DOCUMENTATION_COMMAND } from './code-actions';
import { hoverFor } from './hover';

/**
 * The Infralint language server. Started by the VS Code client over IPC, or standalone by any
 * LSP client with `node server/out/src/server.js --stdio` (also `--node-ipc`, `--socket=PORT`).
 */
const DEFAULT_DEBOUNCE_MS = 150;

// Without a transport the LSP library throws a stack trace at the user: say how to start it instead.
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket=|pipe=)/.test(a))) {
  process.stderr.write(
    'Infralint language server: choose how the editor talks to it, for example\n' +
      '  node server/out/src/server.js --stdio     (or --node-ipc, --socket=PORT, --pipe=NAME)\n',
  );
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const results = new DocumentResults();

const scheduler = new LintScheduler({
  debounceMs: DEFAULT_DEBOUNCE_MS,
  isCurrent: (uri, version) => documents.get(uri)?.version === version,
  publish: (uri, version, result) => {
    results.set(uri, { version, findings: result.findings });
    void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(result) });
  },
  onError: (uri, error) => {
    connection.console.error(`Infralint could not lint ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  },
});

// Settings (`infralint.*`) and .infralint.yaml per document, applied live: see settings.ts.
const configuration = new ServerConfiguration(connection, documents, scheduler);

/** The client computes code actions' edits on demand (codeAction/resolve): fix-all is then done only when chosen. */
let clientResolvesEdits = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  configuration.initialize(params);
  clientResolvesEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
  const options = (params.initializationOptions ?? {}) as { debounceMs?: unknown };
  if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) scheduler.setDebounce(options.debounceMs);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
      hoverProvider: true,
    },
    serverInfo: { name: 'infralint', version: require('../../package.json').version as string },
  };
});

// Fires on open and on every change; the scheduler lints a newly opened document at once.
// Settings decide whether and when (infralint.run) it is linted, and with which configuration.
documents.onDidChangeContent((e) => configuration.lint(e.document, 'change'));
documents.onDidSave((e) => configuration.lint(e.document, 'save'));
documents.onDidClose((e) => configuration.forget(e.document.uri));
connection.onInitialized(() => configuration.initialized());
connection.onDidChangeConfiguration((change) => configuration.settingsChanged(change.settings));
connection.onDidChangeWatchedFiles((change) => configuration.filesChanged(change.changes));
documents.onDidClose((e) => {
  scheduler.close(e.document.uri);
  results.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  const findings = document && results.get(document.uri, document.version);
  return document && findings ? codeActions(params, document, findings, scheduler.stoppedRules(document.uri), clientResolvesEdits) : [];
});

connection.onCodeActionResolve((action) =>
  resolveCodeAction(action, (uri) => documents.get(uri), (uri) => scheduler.stoppedRules(uri)),
);

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  const findings = document && results.get(document.uri, document.version);
  return findings ? hoverFor(params.position, findings) : undefined;
});

// Opening documentation goes through the client, so it works in any editor that supports showDocument.
connection.onExecuteCommand(async (params) => {
  if (params.command === SHOW_DOCUMENTATION_COMMAND && typeof params.arguments?.[0] === 'string') {
    await connection.window.showDocument({ uri: params.arguments[0], external: true });
  }
});

documents.listen(connection);
connection.listen();
