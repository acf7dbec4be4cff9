import * as path from 'path';
import { commands, window, type ExtensionContext, type OutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The Infralint extension: starts the language server (bundled as dist/server.js) over IPC
 * and owns the commands. All linting happens in the server.
 */
let client: LanguageClient | undefined;
let output: OutputChannel | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  output = window.createOutputChannel('Infralint');
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server decides from the parsed content whether a file is a template; other YAML/JSON gets nothing.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
      // The CLI scans `.template` files too; VS Code gives them no language, so match them by name.
      { scheme: 'file', pattern: '**/*.template' },
    ],
    outputChannel: output,
    // Tells the server when an `infralint.*` setting changes; it then pulls the new values per
    // document (workspace/configuration) and re-lints. Bad values come back as an error
    // notification (window/showMessage) naming the setting, and in this output channel.
    synchronize: { configurationSection: 'infralint' },
  };
  client = new LanguageClient('infralint', 'Infralint', serverOptions, clientOptions);

  context.subscriptions.push(
    commands.registerCommand('infralint.restartServer', async () => {
      output?.appendLine('Restarting the Infralint server...');
      await client?.restart();
    }),
    commands.registerCommand('infralint.showOutput', () => output?.show(true)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
