// Bundles the extension client and the language server into dist/ for the VSIX, and the CLI into
// dist/cli.js (one file loads faster than a tree of modules: cli/bin/infralint.js prefers it).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const cliVersion = JSON.parse(readFileSync('cli/package.json', 'utf8')).version;

// mainFields: jsonc-parser's default (UMD) build loads its modules in a way a bundle cannot follow.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
};
await build({ ...common, entryPoints: ['client/out/src/extension.js'], outfile: 'dist/client.js', external: ['vscode'] });
await build({ ...common, entryPoints: ['server/out/src/server.js'], outfile: 'dist/server.js' });
// Runnable on its own too (`node dist/cli.js scan ...`): one file to copy into a CI image.
await build({ ...common, entryPoints: ['cli/out/src/main.js'], outfile: 'dist/cli.js', define: { INFRALINT_BUNDLED_VERSION: JSON.stringify(cliVersion) }, footer: { js: "if (require.main === module && require('node:worker_threads').isMainThread) module.exports.main();" } });
