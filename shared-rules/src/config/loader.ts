import type { ConfigLayer, ConfigProblem } from './types';
import { CONFIG_FILE_NAMES, knownRuleIds, parseConfigFile } from './validate';

/**
 * Finding and reading `.infralint.yaml`, shared by the CLI and the language server so that both
 * find the same file. All I/O goes through `host`: this module itself touches no file system.
 */
export interface ConfigHost {
  /** The file's text; `undefined` when it does not exist. Throws when it exists but cannot be read. */
  readFile(file: string): string | undefined;
  dirname(file: string): string;
  join(dir: string, name: string): string;
}

export interface LoadedConfig {
  /** The config file. */
  file: string;
  /** Its folder: relative exclude patterns start there. */
  dir: string;
  layer: ConfigLayer;
  problems: ConfigProblem[];
}

/** Reads and validates one config file (`--config FILE`). A missing or unreadable file is a problem. */
export function loadConfigFile(file: string, host: ConfigHost, ruleIds: readonly string[] = knownRuleIds()): LoadedConfig {
  const dir = host.dirname(file);
  let text: string | undefined;
  try {
    text = host.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { file, dir, layer: {}, problems: [{ key: '', value: file, file, message: `cannot read the configuration file: ${reason}`, consequence: 'it is ignored.' }] };
  }
  if (text === undefined) {
    return { file, dir, layer: {}, problems: [{ key: '', value: file, file, message: 'the configuration file does not exist' }] };
  }
  const parsed = parseConfigFile(text, file, ruleIds);
  return { file, dir, layer: parsed.layer, problems: parsed.problems };
}

/** The config file in `dir` itself, read and validated, or undefined when it has none. */
function configIn(dir: string, host: ConfigHost, ruleIds: readonly string[]): LoadedConfig | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const file = host.join(dir, name);
    let text: string | undefined;
    try {
      text = host.readFile(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { file, dir, layer: {}, problems: [{ key: '', value: file, file, message: `cannot read the configuration file: ${reason}`, consequence: 'it is ignored.' }] };
    }
    if (text !== undefined) {
      const parsed = parseConfigFile(text, file, ruleIds);
      return { file, dir, layer: parsed.layer, problems: parsed.problems };
    }
  }
  return undefined;
}

/**
 * The nearest `.infralint.yaml` (or `.infralint.yml`) in `startDir` or a folder above it, read
 * and validated; `undefined` when there is none. The first one found is used alone (files
 * further up are not merged).
 */
export function findConfig(startDir: string, host: ConfigHost, ruleIds: readonly string[] = knownRuleIds()): LoadedConfig | undefined {
  return new ConfigFinder(host, ruleIds).find(startDir);
}

/** Like `findConfig`, remembering each folder's answer: for scanning or editing many files. */
export class ConfigFinder {
  private readonly byDir = new Map<string, LoadedConfig | undefined>();

  constructor(private readonly host: ConfigHost, private readonly ruleIds: readonly string[] = knownRuleIds()) {}

  find(startDir: string): LoadedConfig | undefined {
    // Iterative walk up, then every folder visited gets the answer.
    const visited: string[] = [];
    let dir = startDir;
    let found: LoadedConfig | undefined;
    for (;;) {
      if (this.byDir.has(dir)) {
        found = this.byDir.get(dir);
        break;
      }
      visited.push(dir);
      found = configIn(dir, this.host, this.ruleIds);
      if (found) break;
      const parent = this.host.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }

  /** Forgets everything (a config file was created, changed or deleted). */
  clear(): void {
    this.byDir.clear();
  }
}
