import * as fs from 'fs';
import * as path from 'path';

/** `../shared` beside the checkout: the corpora every developer and CI have. */
export const SHARED_DIR = path.resolve(__dirname, '../../../../shared');

/**
 * The shared corpus, or undefined in a user's clone without it. CI always has it, so there a
 * missing corpus is an error, never a silent skip.
 */
export function sharedCorpus(sub: string): string | undefined {
  const dir = path.join(SHARED_DIR, sub);
  if (fs.existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`${dir} is missing: CI must have ../shared beside the checkout`);
  return undefined;
}

export interface CorpusEntry {
  path: string;
  format: string;
  file: string;
}

/** Entries of corpus/real/index.json. */
export function realCorpus(): CorpusEntry[] | undefined {
  const dir = sharedCorpus('corpus/real');
  if (!dir) return undefined;
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as { path: string; format: string }[];
  return index.map((e) => ({ ...e, file: path.join(dir, e.path) }));
}

export function walk(dir: string, accept: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, accept));
    else if (accept(full)) out.push(full);
  }
  return out.sort();
}
