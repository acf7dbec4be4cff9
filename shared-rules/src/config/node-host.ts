import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigHost } from './loader';

/**
 * Node's file system for the config loader, shared by the CLI and the server (the engine itself
 * never touches files): a missing file is `undefined`, other errors throw.
 */
export const nodeConfigHost: ConfigHost = {
  readFile(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
  dirname: (file) => path.dirname(file),
  join: (dir, name) => path.join(dir, name),
};
