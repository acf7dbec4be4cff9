/** Where the report goes: stdout, or the file named by --output. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes the report; `undefined` or `-` means stdout. Throws when the file cannot be written. */
export function writeReport(text: string, output: string | undefined): void {
  if (output === undefined || output === '-') {
    process.stdout.write(text);
    return;
  }
  const file = path.resolve(output);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, 'utf8');
}

export function toStdout(output: string | undefined): boolean {
  return output === undefined || output === '-';
}

/** ANSI colors only for a text report going to a terminal, and never when NO_COLOR is set. */
export function shouldUseColor(format: string, output: string | undefined, stdoutIsTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  return format === 'text' && toStdout(output) && stdoutIsTTY && env.NO_COLOR === undefined;
}
