import type { Node } from 'web-tree-sitter';
import type { Func } from '../syntax/facts';
import { Imports, requiredModule } from '../syntax/imports';
import { lastSegment } from '../syntax/paths';
import type { LanguageId } from '../syntax/languages';
import { asyncAlternative, GLOBALS, mayBlock, mayNameBlockingRoot, PATH_FILE_METHODS, PATH_METHOD_INSTEAD } from './blocking-calls';
import { quote } from './describe';
import type { Rule, RuleContext } from './rule';

/** Node types of `await` in the languages this rule covers. */
const AWAIT_TYPES = new Set(['await', 'await_expression']);

/**
 * The function a call runs in when it runs: the innermost one, or, for a synchronous per-item
 * callback (`items.map(x => …)`, which runs before the call that takes it returns), the one
 * around that.
 */
function hostFunction(innermost: Func | undefined, byNode: ReadonlyMap<number, Func>): Func | undefined {
  let fn = innermost;
  while (fn?.callback && !fn.isAsync) {
    let parent = fn.node.parent;
    while (parent && !byNode.has(parent.id)) parent = parent.parent;
    fn = parent ? byNode.get(parent.id) : undefined;
  }
  return fn;
}

/** What resolving call paths reads of one file, each part read once and only if a call needs it. */
class FileNames {
  private imports?: Imports;
  private namesRoot?: boolean;

  constructor(private readonly language: LanguageId) {}

  get importsOf(): Imports {
    return (this.imports ??= new Imports(this.language));
  }

  /**
   * False when the file's text names none of the modules and globals that blocking calls come
   * from: no import in it can then make a call blocking. The imports of the functions and the
   * module are not read at all: reading them took 2-4% of the parse time of TypeScript files on
   * the bench corpus, where few files name `fs` or `child_process`.
   */
  mayNameBlockingRoot(call: Node): boolean {
    return (this.namesRoot ??= mayNameBlockingRoot(this.language, call.tree.rootNode.text));
  }
}

/**
 * The dotted path a call stands for once its first name is resolved through the imports:
 * `sleep` after `from time import sleep` is `time.sleep`; `require('fs').statSync` is `fs.statSync`.
 * Undefined as well when the path cannot be a blocking one.
 */
function resolvedPath(context: RuleContext, names: FileNames, call: Node, path: string, scopes: Node[]): string | undefined {
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const rest = dot < 0 ? '' : path.slice(dot);
  const global = GLOBALS[context.language]?.has(head) ?? false;
  if (!global && !names.mayNameBlockingRoot(call)) return undefined;
  if (head === 'require()') {
    const module = requiredModule(context.dialect.receiver(call));
    return module && `${module}${rest}`;
  }
  const imported = names.importsOf.resolve(head, scopes);
  if (imported) return `${imported}${rest}`;
  return global ? path : undefined;
}

/** The async alternative to the call, or undefined when it does not block. */
function alternative(context: RuleContext, names: FileNames, call: Node, path: string, scopes: Node[]): string | undefined {
  const resolved = resolvedPath(context, names, call, path, scopes);
  const known = resolved && asyncAlternative(context.language, resolved);
  if (known) return known;
  // `pathlib.Path` objects come from anywhere; their whole-file methods block unless awaited
  // (the `anyio.Path` and `trio.Path` methods of the same names are awaited).
  if (context.language === 'python' && PATH_FILE_METHODS.has(lastSegment(path)) && context.dialect.receiver(call)) {
    return PATH_METHOD_INSTEAD;
  }
  return undefined;
}

/** "async function `load`", "the async callback passed to `app.post()`", "an async function". */
function describeHost(context: RuleContext, host: Func): string {
  if (host.name) return `async function ${quote(host.name)}`;
  const call = host.node.parent?.parent;
  if (call && context.dialect.callTypes.has(call.type)) {
    return `the async callback passed to ${quote(`${context.dialect.calleePath(call)}()`)}`;
  }
  return 'an async function';
}

export const blockingCallInAsync: Rule = {
  meta: {
    id: 'blocking-call-in-async',
    title: 'Blocking call inside an async function',
    languages: ['python', 'javascript', 'typescript'],
    severity: 'warning',
    confidence: 'high',
    why:
      'An async function shares one thread with every other task on the event loop. A blocking ' +
      'call (a sleep, a synchronous HTTP request, reading a file, waiting for a child process) ' +
      'holds that thread until it returns, so no other request, timer or callback runs in the ' +
      'meantime: one slow call in a handler adds its full latency to every request being ' +
      'served at that moment.',
    fix:
      'Call the async form and `await` it: `asyncio.sleep`, an async HTTP client (`httpx.AsyncClient`, ' +
      '`aiohttp`), `aiofiles` or `anyio.Path`, `asyncio.create_subprocess_exec` in Python; ' +
      '`fs.promises` and the callback or promisified forms of `child_process` in Node.js. Where ' +
      'no async form exists, move the call to a worker thread (`await asyncio.to_thread(fn, …)`, ' +
      '`worker_threads`).',
    examples: {
      python: {
        flagged:
          'async def handler(request):\n    time.sleep(1)\n' +
          '    profile = requests.get(f"{API}/users/{request.user_id}").json()\n    return profile',
        useInstead:
          'async def handler(request):\n    await asyncio.sleep(1)\n    async with httpx.AsyncClient() as client:\n' +
          '        profile = (await client.get(f"{API}/users/{request.user_id}")).json()\n    return profile',
      },
      javascript: {
        flagged:
          "import { readFileSync } from 'node:fs';\n\nasync function loadConfig(path) {\n" +
          "  return JSON.parse(readFileSync(path, 'utf8'));\n}",
        useInstead:
          "import { readFile } from 'node:fs/promises';\n\nasync function loadConfig(path) {\n" +
          "  return JSON.parse(await readFile(path, 'utf8'));\n}",
      },
      typescript: {
        flagged:
          "import { execSync } from 'node:child_process';\n\nasync function currentBranch(): Promise<string> {\n" +
          "  return execSync('git rev-parse --abbrev-ref HEAD').toString().trim();\n}",
        useInstead:
          "import { execFile } from 'node:child_process';\nimport { promisify } from 'node:util';\n\n" +
          'async function currentBranch(): Promise<string> {\n' +
          "  const { stdout } = await promisify(execFile)('git', ['rev-parse', '--abbrev-ref', 'HEAD']);\n" +
          '  return stdout.trim();\n}',
      },
    },
    references: [
      { title: 'Python: developing with asyncio, running blocking code', url: 'https://docs.python.org/3/library/asyncio-dev.html#running-blocking-code' },
      { title: 'Node.js: Don\'t block the event loop', url: 'https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop' },
      { title: 'Node.js: fs promises API', url: 'https://nodejs.org/api/fs.html#promises-api' },
      { title: 'Ruff: blocking-sleep-in-async-function (ASYNC251)', url: 'https://docs.astral.sh/ruff/rules/blocking-sleep-in-async-function/' },
    ],
    peers: [
      'ruff ASYNC210, ASYNC221, ASYNC230, ASYNC240, ASYNC251',
      'eslint-plugin-n no-sync',
    ],
  },

  // Whether any call can resolve to a blocking one depends on the modules the whole text names.
  fileWide: (language, text) => String(mayNameBlockingRoot(language, text)),

  check(context) {
    const { facts, dialect } = context;
    const byNode = new Map(facts.functions.map((f) => [f.node.id, f]));
    // The calls of one function share its host: finding it walks up the tree.
    const hosts = new Map<Func | undefined, Func | undefined>();
    let names: FileNames | undefined;
    for (const site of facts.sites.call) {
      let host = hosts.get(site.fn);
      if (!hosts.has(site.fn)) hosts.set(site.fn, (host = hostFunction(site.fn, byNode)));
      if (!host?.isAsync) continue;
      const path = dialect.calleePath(site.node);
      // A bare name may be an alias (`existsSync as exists`); a member call ends in its own name.
      if (path.includes('.') && !mayBlock(context.language, lastSegment(path))) continue;
      names ??= new FileNames(context.language);
      // Names are looked up in the innermost function, the async function and the module.
      const scopes = site.fn && site.fn !== host ? [site.fn.node, host.node] : [host.node];
      const instead = alternative(context, names, site.node, path, scopes);
      // An awaited call returns an awaitable: it is the async form (`await anyio.Path(p).read_text()`).
      if (!instead || AWAIT_TYPES.has(site.node.parent?.type ?? '')) continue;
      const callee = site.node.childForFieldName('function')?.text ?? path;
      context.report(site.node, `${quote(`${callee}()`)} blocks the event loop inside ${describeHost(context, host)}: use ${instead}`);
    }
  },
};
