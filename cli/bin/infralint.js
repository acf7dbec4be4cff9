#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');

// The bundle (dist/cli.js, written by `npm run build`) starts faster than the compiled modules;
// it is used only when it is not older than them, so a `tsc -b` alone is never shadowed by it.
const compiled = path.join(__dirname, '..', 'out', 'src', 'main.js');
const bundled = path.join(__dirname, '..', '..', 'dist', 'cli.js');
function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
const compiledAt = mtime(compiled);
const bundledAt = mtime(bundled);
const entry = bundledAt !== undefined && (compiledAt === undefined || bundledAt >= compiledAt) ? bundled : compiled;

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
