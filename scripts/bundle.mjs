// Bundles the extension client and the language server into dist/ for the VSIX.
import { build } from 'esbuild';

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
