/**
 * Finds the source files of a workspace folder: every file with a known extension, minus what
 * `.gitignore` files, `files.exclude` and `hotpath.exclude` leave out, minus files over the size
 * limit (reported through `onSkip`).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import ignore, { Ignore } from 'ignore';
import picomatch from 'picomatch';
import { grammarForPath, GrammarId } from '../syntax/languages';
import { tooLarge } from './source-text';

export interface SourceFile {
  path: string;
  grammar: GrammarId;
}

export interface DiscoverOptions {
  /** Globs relative to the root. */
  exclude: readonly string[];
  maxFileSizeKb: number;
  onSkip?(file: string, reason: string): void;
  isCancelled?(): boolean;
}

interface GitIgnore {
  dir: string;
  rules: Ignore;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function readGitIgnore(dir: string): Promise<GitIgnore | undefined> {
  try {
    const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8');
    return { dir, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function gitIgnored(file: string, isDir: boolean, ignores: readonly GitIgnore[]): boolean {
  return ignores.some(({ dir, rules }) => {
    const rel = toPosix(path.relative(dir, file));
    return rel !== '' && !rel.startsWith('..') && rules.ignores(isDir ? `${rel}/` : rel);
  });
}

/** Makes the test "is this path excluded?" for paths relative to the root. */
export function excluder(globs: readonly string[]): (rel: string, isDir: boolean) => boolean {
  const usable = globs.filter((g) => g.trim() !== '');
  if (usable.length === 0) return () => false;
  const match = picomatch(usable, { dot: true });
  // A directory is excluded when the glob matches it or anything that could be inside it.
  return (rel, isDir) => match(rel) || (isDir && match(`${rel}/x`));
}

/**
 * Walks a folder and calls `visit` for every file that no exclude glob or `.gitignore` leaves
 * out, with its path relative to the root.
 */
export async function walkFiles(
  root: string,
  options: Pick<DiscoverOptions, 'exclude' | 'onSkip' | 'isCancelled'>,
  visit: (full: string, name: string) => Promise<void> | void,
): Promise<void> {
  const excluded = excluder(options.exclude);
  const pending: Array<{ dir: string; ignores: GitIgnore[] }> = [{ dir: root, ignores: [] }];
  while (pending.length > 0) {
    if (options.isCancelled?.()) return;
    const { dir, ignores: inherited } = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      options.onSkip?.(dir, `folder unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    const own = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? await readGitIgnore(dir) : undefined;
    const ignores = own ? [...inherited, own] : inherited;
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const rel = toPosix(path.relative(root, full));
      if (entry.isDirectory()) {
        if (entry.name === '.git' || excluded(rel, true) || gitIgnored(full, true, ignores)) continue;
        pending.push({ dir: full, ignores });
      } else if (entry.isFile() && !excluded(rel, false) && !gitIgnored(full, false, ignores)) {
        await visit(full, entry.name);
      }
    }
  }
}

export async function discoverFiles(root: string, options: DiscoverOptions): Promise<SourceFile[]> {
  const maxBytes = options.maxFileSizeKb * 1024;
  const found: SourceFile[] = [];
  await walkFiles(root, options, async (full, name) => {
    const grammar = grammarForPath(name);
    if (!grammar) return;
    try {
      const { size } = await fs.stat(full);
      if (size > maxBytes) return options.onSkip?.(full, tooLarge(size, maxBytes));
    } catch {
      return;
    }
    found.push({ path: full, grammar: grammar.id });
  });
  found.sort((a, b) => a.path.localeCompare(b.path));
  return found;
}
