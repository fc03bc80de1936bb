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

/** At most this many `*` in one segment: more could make matching take exponential time. */
const MAX_STARS_PER_SEGMENT = 2;

/** The most `*` one match of a segment can involve: braces count their busiest alternative. */
function starsIn(segment: string): number {
  let stars = 0;
  const outside = segment.replace(/\{([^}]*)\}/g, (_, inner: string) => {
    stars += Math.max(...inner.split(',').map((alt) => alt.split('*').length - 1));
    return '';
  });
  return stars + outside.split('*').length - 1;
}

/** What is wrong with a pattern, or undefined when it can be used. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'the pattern is empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  const segments = pattern.split('.').filter((s) => s !== '**');
  if (segments.some((s) => starsIn(s) > MAX_STARS_PER_SEGMENT)) {
    return `a segment has more than ${MAX_STARS_PER_SEGMENT} "*" wildcards`;
  }
  return undefined;
}

/** Compiles patterns into one anchored expression, or undefined for an empty list. */
export function compilePatterns(patterns: readonly string[]): RegExp | undefined {
  const usable = patterns.filter((p) => !patternProblem(p));
  if (usable.length === 0) return undefined;
  return new RegExp(`^(?:${usable.map(patternSource).join('|')})$`);
}

interface CompiledGroup {
  kind: IoKind;
  include: RegExp;
  exclude?: RegExp;
}

/**
 * Paths a matcher remembers its answer for. The same paths come back in every file (`push`,
 * `len`, `append`), and one answer runs every group's expression: remembering them took
 * n-plus-one-query from 1% to ~0% of the parse time on the bench corpus.
 */
const REMEMBERED_PATHS = 20_000;

/** Answers "is this call I/O, and of which kind?" for one language. */
export class CallMatcher {
  private readonly groups: CompiledGroup[];
  private readonly answers = new Map<string, IoKind | null>();

  constructor(groups: readonly CallPatternGroup[]) {
    this.groups = groups.flatMap((g) => {
      const include = compilePatterns(g.patterns);
      return include ? [{ kind: g.kind, include, exclude: compilePatterns(g.unless ?? []) }] : [];
    });
  }

  match(path: string): IoKind | undefined {
    let answer = this.answers.get(path);
    if (answer === undefined) {
      answer = this.answer(path) ?? null;
      if (this.answers.size >= REMEMBERED_PATHS) this.answers.clear();
      this.answers.set(path, answer);
    }
    return answer ?? undefined;
  }

  private answer(path: string): IoKind | undefined {
    if (path.length > MAX_PATH_LENGTH) return undefined;
    for (const group of this.groups) {
      if (group.include.test(path) && !group.exclude?.test(path)) return group.kind;
    }
    return undefined;
  }
}
