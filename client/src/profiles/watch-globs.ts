/**
 * Reads the `hotpath.profile.watch` setting into patterns a file watcher can use. Pure, so it can
 * be tested without VS Code.
 */

export interface WatchPattern {
  /** The folder an absolute glob starts from; undefined for globs relative to each workspace folder. */
  base?: string;
  /** The glob below that folder. */
  pattern: string;
}

const GLOB_CHARACTERS = /[*?[{]/;

function isAbsolute(glob: string): boolean {
  return glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob);
}

/**
 * Splits an absolute glob into the folder before its first wildcard and the rest:
 * `/tmp/profiles/*.cpuprofile` → `/tmp/profiles` and `*.cpuprofile`.
 */
function splitAbsolute(glob: string): WatchPattern {
  // Windows paths may be written with backslashes; globs use forward slashes.
  const path = /^[A-Za-z]:\\/.test(glob) ? glob.replace(/\\/g, '/') : glob;
  const wildcard = path.search(GLOB_CHARACTERS);
  const cut = path.lastIndexOf('/', wildcard < 0 ? path.length : wildcard);
  const base = cut === 0 ? '/' : path.slice(0, cut);
  return { base: /^[A-Za-z]:$/.test(base) ? `${base}/` : base, pattern: path.slice(cut + 1) };
}

/**
 * The patterns to watch, and a problem for each entry that is not a usable glob. `setting` names
 * the setting in problems, and `example` is a file pattern they suggest.
 */
export function watchPatterns(raw: unknown, setting = 'hotpath.profile.watch', example = '*.cpuprofile'): { patterns: WatchPattern[]; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { patterns: [], problems };
  if (!Array.isArray(raw)) return { patterns: [], problems: [`${setting} must be a list of glob patterns`] };
  const patterns: WatchPattern[] = [];
  raw.forEach((entry: unknown, i) => {
    const glob = typeof entry === 'string' ? entry.trim() : '';
    if (glob === '') problems.push(`${setting}[${i}] is not a glob pattern`);
    else if (isAbsolute(glob)) {
      const split = splitAbsolute(glob);
      if (split.pattern === '') problems.push(`${setting}[${i}] names a folder; add a pattern for the files in it, e.g. ${glob.replace(/[\\/]$/, '')}/${example}`);
      else patterns.push(split);
    } else patterns.push({ pattern: glob.replace(/^\.\//, '') });
  });
  return { patterns, problems };
}
