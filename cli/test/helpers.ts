import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The real CLI, run as users run it. */
export const BIN = path.resolve(__dirname, '..', '..', 'bin', 'infralint.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs with `--format json` (or the given args) and parses stdout. */
export function runJson(args: readonly string[], cwd: string): { run: CliRun; report: JsonReport } {
  const run = runCli([...args, '--format', 'json'], cwd);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  resource?: string;
}

export interface JsonReport {
  tool: { name: string; version: string };
  findings: JsonFinding[];
  files: { file: string; format: string; reason?: string }[];
}

/** A fresh temp folder with the given files (paths with `/`), removed by `cleanup`. */
export function makeFixture(files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'infralint-cli-')));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A bucket without BucketEncryption: `aws-s3-bucket-encryption` reports it at `Logs:` (line 4, columns 3-7). */
export const BUCKET_YAML = [
  "AWSTemplateFormatVersion: '2010-09-09'",
  'Description: fixture',
  'Resources:',
  '  Logs:',
  '    Type: AWS::S3::Bucket',
  '',
].join('\n');

/** A template no rule should report: a resource type without properties or security settings. */
export const CLEAN_YAML = [
  "AWSTemplateFormatVersion: '2010-09-09'",
  'Resources:',
  '  Handle:',
  '    Type: AWS::CloudFormation::WaitConditionHandle',
  '',
].join('\n');

/** CloudFormation content indented with tabs: a YAML parse error on line 3. */
export const TAB_YAML = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n\tLogs:\n\t\tType: AWS::S3::Bucket\n";

/** YAML that is not a template. */
export const COMPOSE_YAML = 'services:\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n';

export const ENCRYPTION_RULE = 'aws-s3-bucket-encryption';

export function readCliVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
