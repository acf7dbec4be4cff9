import * as fs from 'node:fs';
import * as path from 'node:path';

export const TOOL_NAME = 'infralint';
export const INFORMATION_URI = 'https://github.com/infralint/infralint';

/** The CLI package's version, read at run time from cli/package.json (next to out/). */
export function readVersion(): string {
  const candidates = [
    path.resolve(__dirname, '..', '..', 'package.json'), // cli/package.json from cli/out/src
    path.resolve(__dirname, '..', '..', '..', 'package.json'), // the workspace root
  ];
  for (const file of candidates) {
    try {
      const pkg: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0-unknown';
}
