import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string;
    source?: string;
    message: string;
    codeDescription?: { href: string };
    tags?: number[];
  }[];
}

/** A `window/showMessage` or `window/logMessage` the server sent. */
export interface ServerMessage {
  type: number;
  message: string;
}

export const SERVER_SCRIPT = path.resolve(__dirname, '../src/server.js');
/** The bundled server the VSIX ships (built by `npm run build`). */
export const BUNDLED_SERVER_SCRIPT = path.resolve(__dirname, '../../../dist/server.js');

/** A minimal LSP client over the server's stdio, for protocol tests and benchmarks. */
export class LspTestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly published: PublishedDiagnostics[] = [];
  private readonly waiters: { match: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  stderr = '';
  /** `window/showMessage` notifications received, in order. */
  readonly shownMessages: ServerMessage[] = [];
  /** `window/logMessage` notifications received, in order. */
  readonly logMessages: ServerMessage[] = [];
  /** Every `workspace/configuration` request's items, in order. */
  readonly configurationRequests: { scopeUri?: string; section?: string }[][] = [];
  /** What `workspace/configuration` answers, by section (`infralint`); a section not set answers null. */
  private settings: Record<string, unknown> = {};

  constructor(args: string[] = ['--stdio'], script: string = SERVER_SCRIPT) {
    this.process = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.match(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    // Servers may ask for configuration or register capabilities; answer like a plain client.
    // (null for every section unless setSettings was called, as Neovim or Emacs answer).
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests.push(params.items);
      return params.items.map((item) => (item.section !== undefined && item.section in this.settings ? this.settings[item.section] : null));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', (m: ServerMessage) => void this.logMessages.push(m));
    this.connection.onNotification('window/showMessage', (m: ServerMessage) => void this.shownMessages.push(m));
    this.connection.listen();
  }

  /**
   * `capabilities` are added to the default ones (top-level keys replace), e.g.
   * `{ workspace: { configuration: true } }` to have the server pull settings.
   */
  async initialize(initializationOptions: object = {}, capabilities: object = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, ...capabilities },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Every publishDiagnostics received for a document, in the order they arrived. */
  publishedFor(uri: string): PublishedDiagnostics[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** Resolves with the first diagnostics (already received or future) that match, or rejects after `timeoutMs`. */
  waitForDiagnostics(match: (p: PublishedDiagnostics) => boolean, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    const seen = this.published.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching diagnostics within ${timeoutMs} ms; received: ${JSON.stringify(this.published.map((p) => [p.uri, p.version, p.diagnostics.length]))}`));
      }, timeoutMs);
      const waiter = {
        match,
        resolve: (p: PublishedDiagnostics) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      this.waiters.push(waiter);
    });
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: object[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Sets what `workspace/configuration` answers for a section (`null` to answer null again). */
  setSettings(section: string, value: unknown): void {
    this.settings[section] = value;
  }

  /** Sends any notification. */
  notify(method: string, params: object): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  save(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  /** Resolves with the first `window/showMessage` (already received or future) that matches. */
  async waitForShownMessage(match: (m: ServerMessage) => boolean, timeoutMs = 10000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.shownMessages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching window/showMessage within ${timeoutMs} ms; received: ${JSON.stringify(this.shownMessages)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const timer = setTimeout(() => this.process.kill(), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}
