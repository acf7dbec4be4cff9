// Generates docs/rules/<id>.md and docs/rules/README.md from rule metadata.
// `node scripts/gen-rule-docs.mjs --check` exits 1 when the committed pages are stale.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { renderRulePages } = require(join(root, 'shared-rules/out/src/docs/render.js'));

const outDir = join(root, 'docs/rules');
const pages = renderRulePages();
const check = process.argv.includes('--check');
const stale = [];
mkdirSync(outDir, { recursive: true });
for (const [name, content] of Object.entries(pages)) {
  const file = join(outDir, name);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === content) continue;
  stale.push(name);
  if (!check) writeFileSync(file, content);
}
for (const name of readdirSync(outDir)) {
  if (name.endsWith('.md') && !(name in pages)) {
    stale.push(`${name} (no such rule)`);
    if (!check) unlinkSync(join(outDir, name));
  }
}
if (check && stale.length > 0) {
  console.error(`docs/rules is out of date (${stale.join(', ')}): run npm run docs`);
  process.exit(1);
}
console.log(check ? 'docs/rules is up to date' : `docs/rules: ${Object.keys(pages).length} pages, ${stale.length} written or removed`);
