import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE_NAMES,
  ConfigFinder,
  formatProblem,
  isExcluded,
  parseConfigFile,
  resolveConfig,
  validateSettings,
  type ConfigHost,
  type ConfigProblem,
  type EditorOptions,
  type LintConfig,
  type LoadedConfig,
  type ValidatedSettings,
} from '@infralint/shared-rules';
import type { LintScheduler } from './lint-scheduler';
import { nodeConfigHost } from '@infralint/shared-rules';

/**
 * Settings and `.infralint.yaml` for the language server.
 *
 * Settings (`infralint.*`) are pulled per document with `workspace/configuration` (scopeUri) when
 * the client supports it, cached per document, and the cache is cleared on
 * `workspace/didChangeConfiguration` and on close (as in Microsoft's lsp-sample). Clients without
 * that request push them with `didChangeConfiguration` (`{ settings: { infralint: {...} } }`), or
 * have none: an answer of `null` means defaults. The nearest `.infralint.yaml` is found by walking up
 * from the document (the loader the CLI uses), cached per folder and re-read when one is created,
 * changed or deleted. Every change re-lints the open documents; nothing is re-parsed for it.
 *
 * A bad value is shown (`window/showMessage`) and logged with its key and value, and only that
 * value is ignored: the other settings still apply.
 */

export const SECTION = 'infralint';

export type LintTrigger = 'change' | 'save' | 'config';

export interface DocumentConfiguration {
  editor: EditorOptions;
  lint: LintConfig;
  excluded: boolean;
  /** The `.infralint.yaml` that applies, if any. */
  configFile?: string;
}


export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function isConfigFile(uri: string): boolean {
  const file = filePathOf(uri);
  return file !== undefined && CONFIG_FILE_NAMES.includes(path.basename(file));
}

export class ServerConfiguration {
  private pullSettings = false;
  private watchFiles = false;
  private workspaceFoldersSupported = false;
  private folders: string[] = [];
  /** Settings pushed by a client without `workspace/configuration`. */
  private globalSettings: unknown = undefined;
  private readonly settingsByUri = new Map<string, Promise<ValidatedSettings>>();
  private readonly finder = new ConfigFinder(nodeConfigHost);
  /** Documents that have been handled once (a first `change` is the open). */
  private readonly seen = new Set<string>();
  /** Messages already shown since the last configuration change: each is shown once. */
  private readonly shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly scheduler: LintScheduler,
  ) {}

  initialize(params: InitializeParams): void {
    const workspace = params.capabilities.workspace;
    this.pullSettings = workspace?.configuration === true;
    this.watchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.workspaceFoldersSupported = workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    this.setFolders(folders);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init && typeof init === 'object' && 'settings' in init) this.globalSettings = init.settings;
  }

  initialized(): void {
    if (this.watchFiles) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })),
      });
    }
    if (this.workspaceFoldersSupported) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => filePathOf(f.uri)));
        this.setFolders([
          ...this.folders.filter((f) => !removed.has(f)).map((f) => ({ uri: pathToFileURL(f).href, name: '' })),
          ...e.added,
        ]);
        this.relintAll();
      });
    }
  }

  /** `workspace/didChangeConfiguration`: forget the settings, re-read them, re-lint. */
  settingsChanged(settings: unknown): void {
    // Only a push that carries the `infralint` section replaces the settings: `null` is the usual
    // "something changed" signal, and clients that push one object to every server may leave our
    // section out; neither means "back to the defaults" (that would drop initializationOptions.settings).
    if (!this.pullSettings && settings !== null && typeof settings === 'object' && SECTION in settings) {
      this.globalSettings = (settings as Record<string, unknown>)[SECTION];
    }
    this.settingsByUri.clear();
    this.shown.clear();
    this.relintAll();
  }

  /** `workspace/didChangeWatchedFiles`: a `.infralint.yaml` was created, changed or deleted. */
  filesChanged(changes: FileEvent[]): void {
    if (!changes.some((c) => isConfigFile(c.uri) || c.type === FileChangeType.Deleted)) return;
    this.configFilesChanged();
  }

  /** Fires on open (first time) and on every change of a document. */
  lint(document: TextDocument, trigger: LintTrigger): void {
    const uri = document.uri;
    const isOpen = !this.seen.has(uri);
    this.seen.add(uri);
    if (isConfigFile(uri)) {
      if (trigger === 'save') this.configFilesChanged();
      else this.publishConfigFileProblems(document);
      return;
    }
    const version = document.version;
    void this.forDocument(uri).then(
      (config) => {
        const current = this.documents.get(uri);
        if (!current || current.version !== version) return; // a newer event handles it
        if (!config.editor.enable || config.excluded) {
          this.scheduler.clear(uri, version, config.excluded ? 'excluded by infralint.exclude or .infralint.yaml' : 'infralint.enable is false');
          return;
        }
        if (config.editor.run === 'onSave' && trigger === 'change' && !isOpen) return;
        if (config.editor.run === 'onType' && trigger === 'save') return;
        this.scheduler.schedule({ uri, version, text: current.getText(), config: config.lint });
      },
      (error: unknown) => this.connection.console.error(`Infralint could not read the configuration for ${uri}: ${describe(error)}`),
    );
  }

  forget(uri: string): void {
    this.seen.delete(uri);
    this.settingsByUri.delete(uri);
  }

  /** The settings and config file that apply to a document, combined. */
  async forDocument(uri: string): Promise<DocumentConfiguration> {
    const settings = await this.settingsFor(uri);
    const file = filePathOf(uri);
    const loaded = file !== undefined ? this.configFileFor(file) : undefined;
    const folder = file !== undefined ? this.folderOf(file) : undefined;
    const resolved = resolveConfig(
      loaded ? { layer: loaded.layer, dir: loaded.dir } : undefined,
      { layer: settings.layer, ...(folder !== undefined ? { dir: folder } : {}) },
    );
    return {
      editor: settings.editor,
      lint: resolved.lint,
      excluded: file !== undefined && isExcluded(file, resolved.exclude),
      ...(loaded ? { configFile: loaded.file } : {}),
    };
  }

  private settingsFor(uri: string): Promise<ValidatedSettings> {
    let settings = this.settingsByUri.get(uri);
    if (!settings) {
      settings = this.fetchSettings(uri).then((raw) => {
        const validated = validateSettings(raw);
        this.showProblems(validated.problems);
        return validated;
      });
      this.settingsByUri.set(uri, settings);
    }
    return settings;
  }

  private async fetchSettings(uri: string): Promise<unknown> {
    if (!this.pullSettings) return this.globalSettings;
    try {
      const [section] = (await this.connection.sendRequest('workspace/configuration', {
        items: [{ scopeUri: uri, section: SECTION }],
      })) as unknown[];
      return section; // null or undefined (Neovim, Emacs...): defaults
    } catch (error) {
      this.connection.console.warn(`Infralint: the client did not answer workspace/configuration (${describe(error)}); using the default settings.`);
      return undefined;
    }
  }

  private configFileFor(file: string): LoadedConfig | undefined {
    let loaded: LoadedConfig | undefined;
    try {
      loaded = this.finder.find(path.dirname(file));
    } catch (error) {
      this.showProblems([{ key: '', value: file, message: `cannot look for .infralint.yaml above ${file}: ${describe(error)}` }]);
      return undefined;
    }
    if (loaded) this.showProblems(loaded.problems);
    return loaded;
  }

  private configFilesChanged(): void {
    this.finder.clear();
    this.shown.clear();
    this.relintAll();
  }

  private relintAll(): void {
    for (const document of this.documents.all()) {
      if (isConfigFile(document.uri)) this.publishConfigFileProblems(document);
      else this.lint(document, 'config');
    }
  }

  /** An open `.infralint.yaml` gets its problems as diagnostics, as it is typed. */
  private publishConfigFileProblems(document: TextDocument): void {
    const parsed = parseConfigFile(document.getText(), filePathOf(document.uri));
    const diagnostics: Diagnostic[] = parsed.problems.map((p) => ({
      range: p.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: 'infralint',
      code: 'config',
      message: p.message,
    }));
    void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  /** Shows each configuration problem once (until the configuration changes) and logs it. */
  private showProblems(problems: readonly ConfigProblem[]): void {
    for (const problem of problems) {
      const text = `Infralint configuration: ${formatProblem(problem)}`;
      if (this.shown.has(text)) continue;
      this.shown.add(text);
      this.connection.console.error(text);
      void this.connection.sendNotification('window/showMessage', { type: MessageType.Error, message: text });
    }
  }

  private setFolders(folders: readonly WorkspaceFolder[]): void {
    this.folders = folders
      .map((f) => filePathOf(f.uri))
      .filter((f): f is string => f !== undefined)
      // Innermost folder first.
      .sort((a, b) => b.length - a.length);
  }

  private folderOf(file: string): string | undefined {
    return this.folders.find((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

