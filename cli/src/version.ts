import * as fs from 'node:fs';
import * as path from 'node:path';

export const TOOL_NAME = 'infralint';
export const INFORMATION_URI = 'https://github.com/infralint/infralint';

/** Set by the bundler (scripts/bundle.mjs) in dist/cli.js, which may be copied anywhere. */
declare const INFRALINT_BUNDLED_VERSION: string | undefined;

/** The CLI package's version: the bundle's own, or read at run time from cli/package.json (next to out/). */
export function readVersion(): string {
  if (typeof INFRALINT_BUNDLED_VERSION === 'string') return INFRALINT_BUNDLED_VERSION;
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
