/** Entry point: parses the command line, runs the command, sets the exit code. */
import { parseArgs, type Command } from './args';
import { discoverFiles, TEMPLATE_EXTENSIONS } from './discover';
import { formatReport } from './formats/index';
import { helpText } from './help';
import { shouldUseColor, writeReport } from './output';
import type { ScanReport } from './report';
import { formatRules } from './rules-list';
import { defaultJobs, scanFilesInParallel } from './parallel-scan';
import { formatConfigProblems, loadScanConfig } from './config';
import { readVersion, TOOL_NAME } from './version';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

function fail(message: string): number {
  process.stderr.write(`${TOOL_NAME}: ${message}\n`);
  return EXIT_ERROR;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function emit(text: string, output: string | undefined): number | undefined {
  try {
    writeReport(text, output);
    return undefined;
  } catch (error) {
    return fail(`cannot write output file '${output}': ${describeError(error)}`);
  }
}

async function scan(command: Extract<Command, { kind: 'scan' }>): Promise<number> {
  const cwd = process.cwd();
  const discovery = discoverFiles(command.paths, cwd);
  if (discovery.missing.length > 0) {
    for (const p of discovery.missing) process.stderr.write(`${TOOL_NAME}: no such file or folder: '${p}'\n`);
    return EXIT_ERROR;
  }
  const config = loadScanConfig(discovery.targets, command, cwd);
  if (config.problems.length > 0) {
    // Never a scan with part of the configuration silently dropped: CI must see the mistake.
    for (const line of formatConfigProblems(config.problems)) process.stderr.write(`${TOOL_NAME}: ${line}\n`);
    return EXIT_ERROR;
  }
  if (discovery.targets.length === 0 && discovery.problems.length === 0) {
    // Still a clean run (a repository may have no template yet), but a path that points at the
    // wrong folder must not pass a CI job unnoticed.
    process.stderr.write(`${TOOL_NAME}: warning: no template files (${TEMPLATE_EXTENSIONS.join(', ')}) under ${command.paths.map((p) => `'${p}'`).join(', ')}\n`);
  }
  const scans = await scanFilesInParallel(discovery.targets, { fix: command.fix, configFor: config.configFor, jobs: command.jobs ?? defaultJobs() });
  const files = [...scans.map((s) => s.entry), ...discovery.problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const report: ScanReport = {
    tool: { name: TOOL_NAME, version: readVersion() },
    findings: scans.flatMap((s) => s.findings),
    files,
  };
  const color = shouldUseColor(command.format, command.output, process.stdout.isTTY === true, process.env);
  const failed = emit(formatReport(report, command.format, { color, cwd }), command.output);
  if (failed !== undefined) return failed;
  if (command.fix) {
    const fixedFiles = files.filter((f) => f.fixed);
    const count = fixedFiles.reduce((n, f) => n + (f.fixed ?? 0), 0);
    process.stderr.write(`${TOOL_NAME}: fixed ${count} problem${count === 1 ? '' : 's'} in ${fixedFiles.length} file${fixedFiles.length === 1 ? '' : 's'}${fixedFiles.map((f) => `\n  ${f.file}: ${f.fixed}`).join('')}\n`);
    const notFixed = scans.filter((s) => s.notFixed !== undefined);
    if (notFixed.length > 0) process.stderr.write(`${TOOL_NAME}: not fixed:${notFixed.map((s) => `\n  ${s.entry.file}: ${s.notFixed}`).join('')}\n`);
  }
  return report.findings.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Runs one command line (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'usage-error':
      return fail(`${command.message}\nRun 'infralint --help' for usage.`);
    case 'help':
      process.stdout.write(helpText(command.topic));
      return EXIT_OK;
    case 'version':
      process.stdout.write(`${readVersion()}\n`);
      return EXIT_OK;
    case 'rules':
      return emit(formatRules(command.format), command.output) ?? EXIT_OK;
    case 'scan':
      return scan(command);
  }
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // A reader that goes away (`infralint scan . | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  try {
    // exitCode, not exit(): a large report piped to another process must be flushed completely.
    process.exitCode = await run(argv);
  } catch (error) {
    process.stderr.write(`${TOOL_NAME}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_ERROR;
  }
}
