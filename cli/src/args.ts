/** Command-line parsing: turns argv into a command, or a usage error naming the bad argument. */

export const SCAN_FORMATS = ['text', 'json', 'sarif'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];
export const RULES_FORMATS = ['text', 'json'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

export type Command =
  | { kind: 'help'; topic?: 'scan' | 'rules' }
  | { kind: 'version' }
  | { kind: 'rules'; format: RulesFormat; output?: string }
  | ({ kind: 'scan'; paths: string[]; format: ScanFormat; output?: string; fix?: boolean; jobs?: number } & ScanConfigOptions);

export const SEVERITY_LEVELS = ['error', 'warning', 'info', 'hint'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** How `scan` finds and overrides the configuration. */
export interface ScanConfigOptions {
  /** `--config FILE`: this file for every scanned file, instead of the nearest `.infralint.yaml`. */
  config?: string;
  /** `--no-inline-suppressions`: ignore every suppression written in the templates. */
  noInlineSuppressions?: boolean;
  /** `--minimum-severity LEVEL`: overrides the config file's `minimumSeverity`. */
  minimumSeverity?: SeverityLevel;
}

export interface UsageError {
  kind: 'usage-error';
  message: string;
}

const COMMANDS = ['scan', 'rules', 'help'] as const;
type CommandName = (typeof COMMANDS)[number];

function usage(message: string): UsageError {
  return { kind: 'usage-error', message };
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function parseArgs(argv: readonly string[]): Command | UsageError {
  let command: CommandName | undefined;
  const positionals: string[] = [];
  let format: string | undefined;
  let output: string | undefined;
  let help = false;
  let version = false;
  let fix = false;
  let config: string | undefined;
  let minimumSeverity: string | undefined;
  let noInlineSuppressions = false;
  let jobs: string | undefined;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const positional = optionsEnded || arg === '-' || !arg.startsWith('-');
    if (positional) {
      if (command === undefined) {
        if (!isOneOf(COMMANDS, arg)) return usage(`unknown command: '${arg}' (expected scan, rules or help)`);
        command = arg;
      } else {
        positionals.push(arg);
      }
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | UsageError => {
      if (inline !== undefined) return inline === '' ? usage(`option ${name} needs a value`) : inline;
      const next = argv[i + 1];
      // An option is not a value; a negative number is (so that `--jobs -1` is named as a bad number).
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) return usage(`option ${name} needs a value`);
      i++;
      return next;
    };
    switch (name) {
      case '-h':
      case '--help':
        if (inline !== undefined) return usage(`option ${name} takes no value: '${arg}'`);
        help = true;
        break;
      case '-v':
      case '-V':
      case '--version':
        if (inline !== undefined) return usage(`option ${name} takes no value: '${arg}'`);
        version = true;
        break;
      case '-f':
      case '--format': {
        const value = takeValue();
        if (typeof value !== 'string') return value;
        format = value;
        break;
      }
      case '--fix':
        if (inline !== undefined) return usage(`option ${name} takes no value: '${arg}'`);
        fix = true;
        break;
      case '-o':
      case '--output': {
        const value = takeValue();
        if (typeof value !== 'string') return value;
        output = value;
        break;
      }
      case '-c':
      case '--config': {
        const value = takeValue();
        if (typeof value !== 'string') return value;
        config = value;
        break;
      }
      case '--minimum-severity': {
        const value = takeValue();
        if (typeof value !== 'string') return value;
        minimumSeverity = value;
        break;
      }
      case '-j':
      case '--jobs': {
        const value = takeValue();
        if (typeof value !== 'string') return value;
        jobs = value;
        break;
      }
      case '--no-inline-suppressions':
        if (inline !== undefined) return usage(`option ${name} takes no value: '${arg}'`);
        noInlineSuppressions = true;
        break;
      default:
        return usage(`unknown option: '${arg}'`);
    }
  }

  if (help) return { kind: 'help', topic: command === 'scan' || command === 'rules' ? command : undefined };
  if (version) return { kind: 'version' };

  switch (command) {
    case undefined:
      return usage('no command given (expected scan, rules or help)');
    case 'help': {
      const topic = positionals[0];
      if (positionals.length > 1) return usage(`unexpected argument: '${positionals[1]}'`);
      if (topic === undefined) return { kind: 'help' };
      if (topic === 'scan' || topic === 'rules') return { kind: 'help', topic };
      return usage(`unknown help topic: '${topic}' (expected scan or rules)`);
    }
    case 'rules': {
      if (positionals.length > 0) return usage(`unexpected argument: '${positionals[0]}' (rules takes no paths)`);
      if (config !== undefined) return usage('option --config is only for scan');
      if (minimumSeverity !== undefined) return usage('option --minimum-severity is only for scan');
      if (noInlineSuppressions) return usage('option --no-inline-suppressions is only for scan');
      if (jobs !== undefined) return usage('option --jobs is only for scan');
      const f = format ?? 'text';
      if (!isOneOf(RULES_FORMATS, f)) return usage(`invalid value for --format: '${f}' (rules supports ${RULES_FORMATS.join(', ')})`);
      return { kind: 'rules', format: f, ...(output !== undefined ? { output } : {}) };
    }
    case 'scan': {
      if (jobs !== undefined && !/^[1-9][0-9]{0,2}$/.test(jobs)) return usage(`invalid value for --jobs: '${jobs}' (expected a whole number from 1 to 999)`);
      if (positionals.length === 0) return usage('no paths given: infralint scan <files or folders...>');
      const f = format ?? 'text';
      if (!isOneOf(SCAN_FORMATS, f)) return usage(`invalid value for --format: '${f}' (expected ${SCAN_FORMATS.join(', ')})`);
      if (minimumSeverity !== undefined && !isOneOf(SEVERITY_LEVELS, minimumSeverity)) {
        return usage(`invalid value for --minimum-severity: '${minimumSeverity}' (expected ${SEVERITY_LEVELS.join(', ')})`);
      }
      return {
        kind: 'scan',
        paths: positionals,
        format: f,
        ...(output !== undefined ? { output } : {}),
        ...(fix ? { fix } : {}),
        ...(config !== undefined ? { config } : {}),
        ...(noInlineSuppressions ? { noInlineSuppressions } : {}),
        ...(minimumSeverity !== undefined ? { minimumSeverity } : {}),
        ...(jobs !== undefined ? { jobs: Number(jobs) } : {}),
      };
    }
  }
}
