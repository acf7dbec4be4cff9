#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');

// The bundle (dist/cli.js, written by `npm run build`) starts faster than the compiled modules;
// it is used only when it is not older than the last compile of the CLI and of the engine it
// bundles (tsc -b rewrites a project's .tsbuildinfo whenever it rebuilds it, even when main.js
// itself comes out unchanged), so a `tsc -b` alone is never shadowed by an old bundle.
const root = path.join(__dirname, '..', '..');
const compiled = path.join(root, 'cli', 'out', 'src', 'main.js');
const bundled = path.join(root, 'dist', 'cli.js');
function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
const compiledAt = [compiled, path.join(root, 'cli', 'out', 'tsconfig.tsbuildinfo'), path.join(root, 'shared-rules', 'out', 'tsconfig.tsbuildinfo')]
  .map(mtime)
  .filter((t) => t !== undefined);
const bundledAt = mtime(bundled);
const entry = bundledAt !== undefined && compiledAt.every((t) => bundledAt >= t) ? bundled : compiled;

let main;
try {
  main = require(entry).main;
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /out[\\/]src[\\/]main\.js/.test(String(error.message))) {
    process.stderr.write('infralint: the CLI is not built yet: run `npm ci && npm run build` in the repository first.\n');
    process.exit(2);
  }
  throw error;
}
main();
