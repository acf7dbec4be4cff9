/** File discovery: expands the command line's files and folders into a sorted list of files to lint. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '@infralint/shared-rules';
import type { FileEntry } from './report';

/** Extensions linted when found inside a folder (files named explicitly are linted whatever their extension). */
export const TEMPLATE_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json', '.template'];
/** Directories never entered while walking a folder. */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', '.git'];

export interface Target {
  /** Path shown in reports: as given, or relative to the current directory; forward slashes. */
  file: string;
  /** Absolute path used to read the file. */
  absPath: string;
}

export interface Discovery {
  /** Files to lint, sorted by `file`, each once. */
  targets: Target[];
  /** Folders that could not be read, reported like skipped files. */
  problems: FileEntry[];
  /** Command-line paths that do not exist (a usage error). */
  missing: string[];
}

export function toSlashes(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

export function hasTemplateExtension(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return TEMPLATE_EXTENSIONS.includes(ext);
}

function isInside(rel: string): boolean {
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const message = error instanceof Error ? error.message : String(error);
    return `${error.code}: ${message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function isMissing(error: unknown): boolean {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function discoverFiles(paths: readonly string[], cwd: string = process.cwd()): Discovery {
  const candidates: Target[] = [];
  const problems: FileEntry[] = [];
  const missing: string[] = [];
  /** Real paths of the folders already walked: stops symlink loops and double walks. */
  const visited = new Set<string>();

  const displayFor = (absPath: string, root: string, rootAbs: string): string => {
    const rel = path.relative(cwd, absPath);
    if (isInside(rel)) return toSlashes(rel);
    return toSlashes(path.join(root, path.relative(rootAbs, absPath)));
  };

  const walk = (dirAbs: string, root: string, rootAbs: string): void => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(dirAbs);
      if (visited.has(real)) return;
      visited.add(real);
      entries = fs.readdirSync(dirAbs, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: displayFor(dirAbs, root, rootAbs), format: 'none', reason: `unreadable folder (${errorText(error)})`, skipped: 'unreadable' });
      return;
    }
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      const childAbs = path.join(dirAbs, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(childAbs);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          // A dangling link with a template's name is reported as unreadable by the scan.
          isFile = true;
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRECTORIES.includes(entry.name)) walk(childAbs, root, rootAbs);
      } else if (isFile && hasTemplateExtension(entry.name) && !CONFIG_FILE_NAMES.includes(entry.name)) {
        candidates.push({ file: displayFor(childAbs, root, rootAbs), absPath: childAbs });
      }
    }
  };

  for (const given of paths) {
    const absPath = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absPath);
    } catch (error) {
      if (isMissing(error)) {
        missing.push(given);
      } else {
        // Exists but cannot be examined (permissions): the scan reports it as unreadable.
        candidates.push({ file: toSlashes(given), absPath });
      }
      continue;
    }
    if (stat.isDirectory()) walk(absPath, given, absPath);
    else candidates.push({ file: toSlashes(given), absPath });
  }

  candidates.sort((a, b) => compare(a.file, b.file));
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const c of candidates) {
    let key = c.absPath;
    try {
      key = fs.realpathSync(c.absPath);
    } catch {
      // keep the absolute path
    }
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push(c);
  }
  problems.sort((a, b) => compare(a.file, b.file));
  return { targets, problems, missing };
}
