#!/usr/bin/env node
'use strict';
let main;
try {
  main = require('../out/src/main.js').main;
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /out[\\/]src[\\/]main\.js/.test(String(error.message))) {
    process.stderr.write('infralint: the CLI is not built yet: run `npm ci && npm run build` in the repository first.\n');
    process.exit(2);
  }
  throw error;
}
main();
