/**
 * The small glob matcher Infralint needs: `*` (any run of characters), `?` (one character) and a
 * leading `!` (negation). For paths, `*` and `?` stop at `/`, `**` crosses folders, and a pattern
 * without `/` matches a file or folder name at any depth (as in .gitignore).
 */

const ruleCache = new Map<string, RegExp>();

function escape(c: string): string {
  return /[\\^$.|+()[\]{}]/.test(c) ? `\\${c}` : c;
}

/** A rule-id glob (without `!`) as an anchored regular expression. */
function ruleRegExp(glob: string): RegExp {
  let re = ruleCache.get(glob);
  if (!re) {
    let source = '';
    for (const c of glob) source += c === '*' ? '.*' : c === '?' ? '.' : escape(c);
    re = new RegExp(`^${source}$`);
    ruleCache.set(glob, re);
  }
  return re;
}

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** Does a `rules.customizations` pattern (`id`, `glob`, `!glob`) apply to this rule id? */
export function ruleGlobMatches(pattern: string, ruleId: string): boolean {
  const negated = pattern.startsWith('!');
  const matches = ruleRegExp(negated ? pattern.slice(1) : pattern).test(ruleId);
  return negated ? !matches : matches;
}

const pathCache = new Map<string, { re: RegExp; anywhere: boolean }>();

function pathRegExp(glob: string): { re: RegExp; anywhere: boolean } {
  let compiled = pathCache.get(glob);
  if (!compiled) {
    let g = glob.replace(/\/+$/, '');
    const anywhere = !g.includes('/');
    g = g.replace(/^\.\//, '').replace(/^\/+/, '');
    let source = '';
    for (let i = 0; i < g.length; i++) {
      const c = g[i];
      if (c === '*' && g[i + 1] === '*') {
        // `**/` matches zero or more folders; `**` elsewhere anything.
        if (g[i + 2] === '/') {
          source += '(?:.*/)?';
          i += 2;
        } else {
          source += '.*';
          i += 1;
        }
      } else if (c === '*') source += '[^/]*';
      else if (c === '?') source += '[^/]';
      else source += escape(c);
    }
    compiled = { re: new RegExp(`^${source}$`), anywhere };
    pathCache.set(glob, compiled);
  }
  return compiled;
}

/**
 * Does a path glob (without `!`) match this path, or one of the folders it is in? `relPath` uses
 * `/` and is relative to the pattern's base folder.
 */
export function pathGlobMatches(glob: string, relPath: string): boolean {
  const { re, anywhere } = pathRegExp(glob);
  const parts = relPath.split('/').filter((p) => p !== '');
  if (anywhere) return parts.some((p) => re.test(p));
  for (let n = parts.length; n > 0; n--) if (re.test(parts.slice(0, n).join('/'))) return true;
  return false;
}

/** One layer of exclude patterns and the folder they are relative to (undefined: none known). */
export interface ExcludeSet {
  base?: string;
  patterns: readonly string[];
}

function slashes(p: string): string {
  return p.replace(/\\/g, '/');
}

/** The path relative to `base`, or undefined when it is not inside it. Both absolute. */
export function relativeTo(base: string, absPath: string): string | undefined {
  const b = slashes(base).replace(/\/+$/, '');
  const p = slashes(absPath);
  if (p.startsWith(`${b}/`)) return p.slice(b.length + 1);
  return undefined;
}

/**
 * Is the file excluded? Every pattern of every set is tried in order and the last one that
 * matches decides (`!pattern` re-includes). Patterns containing `/` only match files inside their
 * set's base folder; name patterns match anywhere.
 */
export function isExcluded(absPath: string, sets: readonly ExcludeSet[]): boolean {
  let excluded = false;
  for (const set of sets) {
    const rel = set.base !== undefined ? relativeTo(set.base, absPath) : undefined;
    for (const raw of set.patterns) {
      const negated = raw.startsWith('!');
      const glob = negated ? raw.slice(1) : raw;
      if (glob === '') continue;
      const anywhere = !glob.replace(/\/+$/, '').includes('/');
      const subject = rel ?? (anywhere ? slashes(absPath) : undefined);
      if (subject !== undefined && pathGlobMatches(glob, subject)) excluded = !negated;
    }
  }
  return excluded;
}
