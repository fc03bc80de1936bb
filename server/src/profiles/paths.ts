/**
 * Maps the paths a profile recorded (on a CI runner, in a container, on another machine) onto
 * the files of this workspace, and says whose code each frame is.
 *
 * Order of trust: an explicit `hotpath.profile.pathMappings` prefix, the same absolute path, then
 * the longest common path suffix (`/srv/app/src/shop/db.py` → `<workspace>/src/shop/db.py`).
 * A frame that matches no workspace file is never opened from the profile's own path.
 */
import * as path from 'node:path';
import type { ProfileFunction } from './model';

/** Whose code a frame is: ours (mapped to the workspace), a library's, the runtime's, or unknown. */
export type Origin = 'ours' | 'library' | 'runtime' | 'unknown';

export interface PathMapping {
  /** A prefix of the recorded paths, e.g. `/srv/app`. */
  from: string;
  /** The folder it corresponds to here (absolute). */
  to: string;
}

export interface MappedFrame {
  origin: Origin;
  /** The workspace file, for frames of ours. */
  file?: string;
}

const RUNTIME_NAMES = /^\((root|program|idle|garbage collector|GC|unknown)\)$|^\[(unknown|kernel\.kallsyms|vdso)\]$/;
const RUNTIME_FILES = [
  /^node:/,
  /^<frozen /,
  /^~$/,
  /^<built-in>$/,
  /\/usr\/(local\/)?lib\/go(-[\d.]+)?\/src\//,
  /\/go\/src\/(runtime|internal|syscall|reflect|sync|strconv|fmt|strings|bytes|sort|math|os|io|time|unicode|regexp|testing|encoding|net)\//,
  /^(java|javax|jdk|sun|com\/sun)[./]/,
  /\/lib\/jvm\//,
  /\[kernel\.kallsyms\]/,
  /^\/(usr\/)?lib(64)?\/.*\.so(\.\d+)*$/,
  /\/lib\/python\d+(\.\d+)?\//,
];
const LIBRARY_FILES = [
  /\/node_modules\//,
  /\/(site|dist)-packages\//,
  /\/go\/pkg\/mod\//,
  /\/vendor\//,
  /\/\.m2\/repository\//,
  /\/\.gradle\/caches\//,
];

/** A recorded location as a plain `/`-separated path (URLs and bundler prefixes removed). */
export function normalizeRecordedPath(recorded: string): string {
  let p = recorded.trim();
  if (p.startsWith('file://')) {
    try {
      p = decodeURIComponent(new URL(p).pathname);
    } catch {
      p = p.slice('file://'.length);
    }
  }
  p = p.replace(/^webpack(-internal)?:\/\/[^/]*\//, '').replace(/[?#].*$/, '');
  p = p.replace(/\\/g, '/').replace(/^[A-Za-z]:\//, (d) => `/${d.slice(0, 2).toLowerCase()}/`);
  const joined = p.split('/').filter((s) => s !== '.' && s !== '').join('/');
  return p.startsWith('/') ? `/${joined}` : joined;
}

/**
 * Java frames name a class, not a file (`com/example/orders/CustomerRepo$Row`, or dotted): the
 * source path it comes from. Class names start with a capital, which tells them from file names.
 */
export function javaSourcePath(recorded: string): string | undefined {
  const slashed = recorded.includes('/') ? recorded : recorded.replace(/\./g, '/');
  if (!/^([a-z_][\w]*\/)+[A-Z][\w$]*$/.test(slashed)) return undefined;
  return `${slashed.replace(/\$.*$/, '')}.java`;
}

export class PathMapper {
  private readonly byBasename = new Map<string, string[]>();
  private readonly known = new Set<string>();
  private readonly cache = new Map<string, MappedFrame>();

  constructor(
    files: readonly string[],
    private readonly mappings: readonly PathMapping[] = [],
  ) {
    for (const file of files) {
      const posix = file.split(path.sep).join('/');
      this.known.add(posix);
      const base = posix.slice(posix.lastIndexOf('/') + 1);
      const list = this.byBasename.get(base);
      if (list) list.push(posix);
      else this.byBasename.set(base, [posix]);
    }
  }

  map(fn: ProfileFunction): MappedFrame {
    if (!fn.file) {
      // Native frames name their binary instead (perf's dso): the C library and the kernel are the runtime's.
      if (RUNTIME_NAMES.test(fn.name) || !fn.name || (fn.module && RUNTIME_FILES.some((r) => r.test(fn.module!)))) return { origin: 'runtime' };
      return { origin: fn.module && LIBRARY_FILES.some((r) => r.test(fn.module!)) ? 'library' : 'unknown' };
    }
    let mapped = this.cache.get(fn.file);
    if (!mapped) {
      mapped = this.mapFile(fn.file);
      this.cache.set(fn.file, mapped);
    }
    return mapped;
  }

  private mapFile(recorded: string): MappedFrame {
    const normalized = normalizeRecordedPath(recorded);
    for (const { from, to } of this.mappings) {
      const prefix = normalizeRecordedPath(from);
      if (prefix && (normalized === prefix || normalized.startsWith(`${prefix}/`))) {
        const candidate = `${to.split(path.sep).join('/').replace(/\/$/, '')}${normalized.slice(prefix.length)}`;
        if (this.known.has(candidate)) return { origin: 'ours', file: candidate.split('/').join(path.sep) };
      }
    }
    if (this.known.has(normalized)) return { origin: 'ours', file: normalized.split('/').join(path.sep) };
    if (LIBRARY_FILES.some((r) => r.test(normalized))) return { origin: 'library' };
    if (RUNTIME_FILES.some((r) => r.test(recorded) || r.test(normalized))) return { origin: 'runtime' };
    const java = javaSourcePath(recorded);
    const match = this.bySuffix(java ?? normalized, java !== undefined);
    return match ? { origin: 'ours', file: match.split('/').join(path.sep) } : { origin: 'unknown' };
  }

  /**
   * The workspace file sharing the longest path suffix with `recorded`: at least the file name
   * and its folder, or only the name when the profile recorded nothing more and one file has it.
   */
  private bySuffix(recorded: string, isJava: boolean): string | undefined {
    const segments = recorded.split('/').filter(Boolean);
    const candidates = this.byBasename.get(segments[segments.length - 1] ?? '');
    if (!candidates) return undefined;
    let best: string | undefined;
    let bestScore = 0;
    let tie = false;
    for (const candidate of candidates) {
      const theirs = candidate.split('/');
      let score = 0;
      while (score < segments.length && score < theirs.length && segments[segments.length - 1 - score] === theirs[theirs.length - 1 - score]) score++;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
        tie = false;
      } else if (score === bestScore) {
        tie = true;
      }
    }
    const enough = bestScore >= Math.min(2, segments.length) && (isJava ? bestScore === segments.length : true);
    return enough && !tie ? best : undefined;
  }
}
