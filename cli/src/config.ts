/** Configuration for a scan: the nearest `.infralint.yaml` of each file (or `--config`), with the command-line overrides. */
import * as path from 'node:path';
import {
  ConfigFinder,
  formatProblem,
  isExcluded,
  loadConfigFile,
  resolveConfig,
  type ConfigHost,
  type ConfigLayer,
  type ConfigProblem,
  type LintConfig,
  type LoadedConfig,
} from '@infralint/shared-rules';
import type { ScanConfigOptions } from './args';
import type { Target } from './discover';
import { toSlashes } from './discover';
import { nodeConfigHost } from '@infralint/shared-rules';


export interface TargetConfig {
  lint: LintConfig;
  /** Why the file is not linted: excluded, or its format turned off. */
  excludedBy?: string;
}

export interface ScanConfig {
  configFor(target: Target): TargetConfig;
  /** Bad configuration: the scan must not run (exit 2). */
  problems: ConfigProblem[];
}

function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return toSlashes(rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file);
}

/** The command line's overrides as a configuration layer (they win over the file). */
function commandLayer(options: ScanConfigOptions): ConfigLayer {
  return {
    ...(options.minimumSeverity !== undefined ? { minimumSeverity: options.minimumSeverity } : {}),
    ...(options.noInlineSuppressions ? { allowInlineSuppressions: false } : {}),
  };
}

/**
 * Loads the configuration of every target up front, so that a bad config file stops the scan
 * before any report is written.
 */
export function loadScanConfig(targets: readonly Target[], options: ScanConfigOptions, cwd: string): ScanConfig {
  const overrides = { layer: commandLayer(options) };
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  const note = (loaded: LoadedConfig) => {
    if (seen.has(loaded.file)) return;
    seen.add(loaded.file);
    problems.push(...loaded.problems.map((p) => ({ ...p, file: display(p.file ?? loaded.file, cwd) })));
  };

  let fixed: LoadedConfig | undefined;
  const finder = new ConfigFinder(nodeConfigHost);
  const byTarget = new Map<string, TargetConfig>();
  const configOf = (target: Target): LoadedConfig | undefined => {
    if (options.config !== undefined) return fixed;
    try {
      return finder.find(path.dirname(target.absPath));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ key: '', value: target.file, message: `cannot look for .infralint.yaml above ${target.file}: ${reason}` });
      return undefined;
    }
  };
  if (options.config !== undefined) {
    fixed = loadConfigFile(path.resolve(cwd, options.config), nodeConfigHost);
    note(fixed);
  }
  for (const target of targets) {
    const loaded = configOf(target);
    if (loaded) note(loaded);
    const resolved = resolveConfig(loaded ? { layer: loaded.layer, dir: loaded.dir } : undefined, overrides);
    const where = loaded ? display(loaded.file, cwd) : 'the command line';
    let excludedBy: string | undefined;
    if (isExcluded(target.absPath, resolved.exclude)) excludedBy = `excluded by ${where}`;
    else if (resolved.lint.formats?.cloudformation === false) excludedBy = `CloudFormation is turned off by ${where}`;
    byTarget.set(target.absPath, { lint: resolved.lint, ...(excludedBy ? { excludedBy } : {}) });
  }
  return {
    configFor: (target) => byTarget.get(target.absPath) ?? { lint: resolveConfig(undefined, overrides).lint },
    problems,
  };
}

export function formatConfigProblems(problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => `bad configuration: ${formatProblem(p, false)}`);
}
