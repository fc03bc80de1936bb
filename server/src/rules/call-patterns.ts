/**
 * Call patterns: globs over the dotted path of a call, the way users and the built-in tables
 * name I/O functions.
 *
 * - `.` separates segments; a call in a chain reads `name()`: `getRepository().findOne`.
 * - `*` matches any characters within one segment, `**.` any number of leading segments.
 * - `{a,b}` matches either alternative; `[A-Z]` one character of a class.
 *
 * Examples: `requests.*`, `**.session.query`, `*.objects.{get,filter}`, `db.Query*`.
 */

export type IoKind = 'database' | 'http' | 'cache' | 'rpc' | 'io';

export const IO_KINDS: readonly IoKind[] = ['database', 'http', 'cache', 'rpc', 'io'];

export interface CallPatternGroup {
  kind: IoKind;
  patterns: readonly string[];
  /** Paths that look like a match but are not I/O (`Object.create`, `Math.max`). */
  unless?: readonly string[];
}

const MAX_PATTERN_LENGTH = 300;
const MAX_PATH_LENGTH = 400;

/** Translates one pattern to a regular expression source (unanchored). */
export function patternSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (pattern.startsWith('**.', i)) {
      out += '(?:[^.]*\\.)*';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (c === '*') {
      out += '[^.]*';
    } else if (c === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      const alternatives = pattern.slice(i + 1, close).split(',').map(patternSource);
      out += `(?:${alternatives.join('|')})`;
      i = close;
    } else if (c === '[' && /^\[[A-Za-z0-9_-]+\]/.test(pattern.slice(i))) {
      const close = pattern.indexOf(']', i);
      out += pattern.slice(i, close + 1);
      i = close;
    } else {
      out += c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    }
  }
  return out;
}

/** Compiles patterns into one anchored expression, or undefined for an empty list. */
export function compilePatterns(patterns: readonly string[]): RegExp | undefined {
  const usable = patterns.filter((p) => p.length > 0 && p.length <= MAX_PATTERN_LENGTH);
  if (usable.length === 0) return undefined;
  return new RegExp(`^(?:${usable.map(patternSource).join('|')})$`);
}

interface CompiledGroup {
  kind: IoKind;
  include: RegExp;
  exclude?: RegExp;
}

/** Answers "is this call I/O, and of which kind?" for one language. */
export class CallMatcher {
  private readonly groups: CompiledGroup[];

  constructor(groups: readonly CallPatternGroup[]) {
    this.groups = groups.flatMap((g) => {
      const include = compilePatterns(g.patterns);
      return include ? [{ kind: g.kind, include, exclude: compilePatterns(g.unless ?? []) }] : [];
    });
  }

  match(path: string): IoKind | undefined {
    if (path.length > MAX_PATH_LENGTH) return undefined;
    for (const group of this.groups) {
      if (group.include.test(path) && !group.exclude?.test(path)) return group.kind;
    }
    return undefined;
  }
}
