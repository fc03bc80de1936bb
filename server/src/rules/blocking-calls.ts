/**
 * Calls that block the thread until I/O, a child process or a timer finishes, with what to call
 * from async code instead. Patterns (see call-patterns.ts) are matched against the call's path
 * with imports resolved: `sleep(1)` after `from time import sleep` reads `time.sleep`.
 */
import type { LanguageId } from '../syntax/languages';
import { lastSegment } from '../syntax/paths';
import { compilePatterns } from './call-patterns';

interface BlockingGroup {
  patterns: readonly string[];
  /** The async alternative, given the resolved path of the call. */
  instead: (path: string) => string;
}

const ASYNC_HTTP = 'an async client such as `httpx.AsyncClient` or `aiohttp`';

const PYTHON: BlockingGroup[] = [
  { patterns: ['time.sleep'], instead: () => '`await asyncio.sleep()`' },
  {
    patterns: ['requests.{get,post,put,patch,delete,head,options,request}', 'urllib.request.urlopen'],
    instead: () => ASYNC_HTTP,
  },
  { patterns: ['open', 'io.open'], instead: () => '`aiofiles.open()` or `await asyncio.to_thread()`' },
  { patterns: ['subprocess.{run,call,check_call,check_output}'], instead: () => '`await asyncio.create_subprocess_exec()`' },
  { patterns: ['os.system'], instead: () => '`await asyncio.create_subprocess_shell()`' },
];

/** `pathlib.Path` methods that read or write the whole file. */
export const PATH_FILE_METHODS: ReadonlySet<string> = new Set(['read_text', 'write_text', 'read_bytes', 'write_bytes']);
export const PATH_METHOD_INSTEAD = '`anyio.Path` or `await asyncio.to_thread()`';

/** Functions of `fs.promises` (the names without `Sync`). */
const FS_PROMISES = new Set([
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchown', 'link', 'lstat', 'lutimes',
  'mkdir', 'mkdtemp', 'open', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath', 'rename',
  'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
]);

function fsPromise(path: string): string {
  const name = lastSegment(path).replace(/Sync$/, '');
  // fs-extra's functions without `Sync` return promises.
  if (path.startsWith('fs-extra.')) return `\`await ${name}()\` from \`fs-extra\``;
  if (name === 'exists') return '`await fs.promises.access()`';
  if (FS_PROMISES.has(name)) return `\`await fs.promises.${name}()\``;
  return '`fs.promises.open()` and the `FileHandle` methods';
}

const JAVASCRIPT: BlockingGroup[] = [
  { patterns: ['{fs,fs-extra,graceful-fs}.*Sync'], instead: fsPromise },
  { patterns: ['child_process.execSync'], instead: () => '`child_process.exec()` wrapped in `util.promisify`' },
  { patterns: ['child_process.execFileSync'], instead: () => '`child_process.execFile()` wrapped in `util.promisify`' },
  { patterns: ['child_process.spawnSync'], instead: () => '`child_process.spawn()` and its `close` event' },
  { patterns: ['Atomics.wait'], instead: () => '`Atomics.waitAsync()`' },
];

/** Names that mean the same everywhere, without an import. */
export const GLOBALS: Partial<Record<LanguageId, ReadonlySet<string>>> = {
  python: new Set(['open']),
  javascript: new Set(['Atomics']),
  typescript: new Set(['Atomics']),
};

interface CompiledGroup {
  match: RegExp;
  instead: (path: string) => string;
}

interface CompiledTable {
  groups: CompiledGroup[];
  /** The names a blocking call can end in, to skip most calls before resolving imports. */
  names: RegExp;
  /** The modules and globals a blocking call's path starts from, as words in source text. */
  roots: RegExp;
}

/** The last segment of a pattern: `{get,post}` in `requests.{get,post}`. */
function lastPart(pattern: string): string {
  let depth = 0;
  for (let i = pattern.length - 1; i >= 0; i--) {
    const c = pattern[i];
    if (c === '}') depth++;
    else if (c === '{') depth--;
    else if (c === '.' && depth === 0) return pattern.slice(i + 1);
  }
  return pattern;
}

/** The first segment of a pattern, its alternatives spelled out: `fs` and `fs-extra` in `{fs,fs-extra}.*Sync`. */
function firstParts(pattern: string): string[] {
  const segment = pattern.startsWith('{') ? pattern.slice(1, pattern.indexOf('}')) : pattern.split('.')[0];
  return segment.split(',');
}

function compile(groups: readonly BlockingGroup[], methods: readonly string[] = []): CompiledTable {
  const compiled = groups.flatMap((g) => {
    const match = compilePatterns(g.patterns);
    return match ? [{ match, instead: g.instead }] : [];
  });
  const names = compilePatterns([...groups.flatMap((g) => g.patterns.map(lastPart)), ...methods]);
  const roots = [...new Set(groups.flatMap((g) => g.patterns.flatMap(firstParts)))];
  return { groups: compiled, names: names ?? /$^/, roots: new RegExp(`\\b(?:${roots.join('|')})\\b`) };
}

const JAVASCRIPT_TABLE = compile(JAVASCRIPT);

const TABLE: Partial<Record<LanguageId, CompiledTable>> = {
  python: compile(PYTHON, [...PATH_FILE_METHODS]),
  javascript: JAVASCRIPT_TABLE,
  typescript: JAVASCRIPT_TABLE,
};

/** False when no blocking call ends in `name`: a cheap test before imports are resolved. */
export function mayBlock(language: LanguageId, name: string): boolean {
  return TABLE[language]?.names.test(name) ?? false;
}

/**
 * False when the text names none of the modules and globals that blocking calls come from: then
 * no import in it can make a call blocking, and reading its imports can be skipped.
 */
export function mayNameBlockingRoot(language: LanguageId, text: string): boolean {
  return TABLE[language]?.roots.test(text) ?? false;
}

/** The async alternative to a blocking call, given its resolved path; undefined when it does not block. */
export function asyncAlternative(language: LanguageId, path: string): string | undefined {
  return TABLE[language]?.groups.find((g) => g.match.test(path))?.instead(path);
}
