import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './diagnostics';
import { LintScheduler } from './lint-scheduler';

/**
 * The Infralint language server. Started by the VS Code client over IPC, or standalone by any
 * LSP client with `node server/out/src/server.js --stdio` (also `--node-ipc`, `--socket=PORT`).
 */
const DEFAULT_DEBOUNCE_MS = 150;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

const scheduler = new LintScheduler({
  debounceMs: DEFAULT_DEBOUNCE_MS,
  isCurrent: (uri, version) => documents.get(uri)?.version === version,
  publish: (uri, version, result) => {
    void connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map(toDiagnostic) });
  },
  onError: (uri, error) => {
    connection.console.error(`Infralint could not lint ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  },
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { debounceMs?: unknown };
  if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) scheduler.setDebounce(options.debounceMs);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    },
    serverInfo: { name: 'infralint', version: require('../../package.json').version as string },
  };
});

// Fires on open and on every change; the scheduler lints a newly opened document at once.
documents.onDidChangeContent((e) => scheduler.schedule(snapshot(e.document)));
documents.onDidClose((e) => {
  scheduler.close(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

function snapshot(document: TextDocument) {
  return { uri: document.uri, version: document.version, text: document.getText() };
}

documents.listen(connection);
connection.listen();
