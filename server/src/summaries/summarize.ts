/**
 * Computes a file's summary (file-summary.ts) from its tree: one query over the file for its
 * functions and calls (and Java's declarations), the module-level statements for its imports,
 * and the facts walk's call sites for the calls repeated by loops.
 */
import { Query, Tree } from 'web-tree-sitter';
import type { Node, QueryCapture } from 'web-tree-sitter';
import type { EnclosingFunction, Range } from '../findings';
import type { CallMatcher } from '../rules/call-patterns';
import { loopsRelated, nodeRange, repetition } from '../rules/describe';
import { repeatsPerItem } from '../rules/per-item-loops';
import type { Dialect } from '../syntax/dialect';
import type { FileFacts, Loop } from '../syntax/facts';
import type { GrammarId } from '../syntax/languages';
import { goBindings } from './bindings/go';
import { addReceiverTypes } from './java-receiver-types';
import { javaBindings } from './bindings/java';
import { javascriptBindings } from './bindings/javascript';
import { pythonBindings } from './bindings/python';
import type { ClassNode } from './attribute-types';
import { classFact } from './class-facts';
import type { CallFact, ClassFact, FileSummary, FunctionFact, LoopCallFact } from './file-summary';
import { CLASSES_OF, functionContext } from './function-context';
import { mayBeObjectMethod, objectOwner } from './object-owner';
import { boundLocally, LocalNames, localNames } from './local-names';
import { madeReceiverTypes, ReceiverTypes } from './receiver-types';

/** Paths a call can be resolved by: one to three plain names (`fetch`, `db.fetch`, `this.repo.find`). */
const RESOLVABLE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,2}$/;

/**
 * The nodes the summary reads, in one query over the file: calls, functions and classes, and in
 * Java the declarations that give variables their types. Calls are captured alone: a pattern
 * with a field (`(call function: (_) @callee)`) makes the whole query a third slower, and the
 * path of most calls is read from the start of their text instead (see pathFromText).
 */
const CALLS: Record<Dialect['language'], string> = {
  python: '(call) @call',
  javascript: '(call_expression) @call',
  typescript: '(call_expression) @call',
  go: '(call_expression) @call',
  java: '(method_invocation) @call',
};

const JAVA_DECLARATIONS = '[(field_declaration) (local_variable_declaration) (formal_parameter)] @declaration';

const queries = new Map<GrammarId, Query>();

function queryFor(grammar: GrammarId, tree: Tree, dialect: Dialect): Query {
  let query = queries.get(grammar);
  if (!query) {
    const functions = [...dialect.functionTypes].map((t) => `(${t})`).join(' ');
    const classes = CLASSES_OF[dialect.language].map((t) => `(${t})`).join(' ');
    const declarations = dialect.language === 'java' ? JAVA_DECLARATIONS : '';
    query = new Query(tree.language, [`[${functions}] @function`, classes && `[${classes}] @class`, CALLS[dialect.language], declarations].join('\n'));
    queries.set(grammar, query);
  }
  return query;
}

function callFact(call: Node, path: string, receiverType?: string): CallFact {
  const fact: CallFact = { path, range: nodeRange(call) };
  if (receiverType) fact.receiverType = receiverType;
  return fact;
}

function startsAt(range: Range, node: Node): boolean {
  return range.start.line === node.startPosition.row && range.start.character === node.startPosition.column;
}

/** Names and dots only: the text of such a callee is its path. */
const PLAIN = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const MAX_PLAIN = 200;

/**
 * The path of what a call calls. Most callees are plain names and dots, whose text is their path:
 * one read instead of one per segment, since the summary reads every call of the file.
 */
function quickPath(call: Node, dialect: Dialect): string {
  const callee = call.childForFieldName('function') ?? call.childForFieldName('name');
  let text = callee?.text;
  if (call.type === 'method_invocation') {
    const object = call.childForFieldName('object');
    text = object ? `${object.text}.${text}` : text;
  }
  if (text !== undefined && text.length < MAX_PLAIN && PLAIN.test(text)) return text;
  // Only a chain (`conn.cursor().execute`) can still be I/O or resolve; `"".join` or `x[0].f` cannot.
  return text?.includes('(') ? dialect.calleePath(call) : '?';
}

/** Names and dots written with no space or comment between them, then the argument list: `db.fetch (`. */
const PLAIN_START = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/;

/**
 * The path of a call read from the start of its text, as quickPath would read it from its callee
 * but without a read of the callee's node; undefined where the two could differ. They differ only
 * when the `(` after the names opens the arguments of something else that starts where the call
 * does, a call or a function (`a.b(c).d(e)`, `function () {}()`): `alone` says that no capture
 * of the summary's query starts there. quickPath reads Java's `Outer.super.run()` as
 * `Outer.run`, so such calls are left to it.
 */
function pathFromText(call: Node, alone: boolean): string | undefined {
  if (!alone) return undefined;
  const path = PLAIN_START.exec(call.text)?.[1];
  return path === undefined || path.length >= MAX_PLAIN || path.includes('.super.') ? undefined : path;
}

/** Go's built-in functions: never a function of the package. */
const GO_BUILTINS = new Set(['append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover']);

/**
 * True when a call could name a function of the workspace by the language's rules, from what the
 * file itself shows: a name it defines or imports, its own object, an imported module or package.
 * Calls that cannot (`len(x)`, `items.append(y)`) are left out of the summary.
 */
function mayResolve(path: string, language: Dialect['language'], { defined, bound, selves }: KnownNames): boolean {
  if (!RESOLVABLE.test(path)) return false;
  const parts = path.split('.');
  const first = parts[0];
  switch (language) {
    case 'go':
      return parts.length === 1 ? !GO_BUILTINS.has(first) : parts.length === 2 && (bound.has(first) || selves.has(first));
    case 'java':
      // `helper()`, `this.helper()`, and calls on a variable or class, whose type is read later.
      return parts.length <= 2 || first === 'this';
    default:
      if (parts.length === 1) return defined.has(first) || bound.has(first);
      return bound.has(first) || (parts.length === 2 && selves.has(first));
  }
}

/** The names the file gives its functions, imports and objects: what a call by name can resolve to. */
interface KnownNames {
  /** The file's named functions. */
  defined: ReadonlySet<string>;
  /** Its imports. */
  bound: ReadonlySet<string>;
  /** The self names of its methods and the names of its classes. */
  selves: ReadonlySet<string>;
}

interface PendingCall {
  fact: FunctionFact;
  node: Node;
  path: string;
}

/** A named function with where its node stands, so call sites can be placed in it by offset. */
interface PlacedFunction {
  fact: FunctionFact;
  start: number;
  end: number;
  /** Read only while the tree lives, during the summary. */
  node: Node;
}

/**
 * A method of an object literal that can be reached by name (object-owner.ts), as a function of
 * its own: JavaScript only.
 */
function objectMethod(node: Node, dialect: Dialect, outer: PlacedFunction | undefined, text: string): FunctionFact | undefined {
  if (dialect.language !== 'javascript' && dialect.language !== 'typescript') return undefined;
  if (!mayBeObjectMethod(node, text)) return undefined;
  const owner = objectOwner(node, outer && { name: outer.fact.name, start: outer.start });
  const context = owner === undefined ? undefined : functionContext(node, dialect, owner);
  // An arrow function's `this` is not the object's.
  if (context && node.type === 'arrow_function') delete context.selfName;
  return context && { ...context, range: nodeRange(node.childForFieldName('name') ?? node), calls: [] };
}

/** A class or function around the current capture. */
interface Frame {
  end: number;
  /** The class's name, for a class. */
  owner?: string;
  isClass: boolean;
  /** The named function the calls inside count for (a nested function's count for the one around it). */
  fact?: FunctionFact;
  /** Where that function stands. */
  placed?: PlacedFunction;
  seen: Set<string>;
}

/**
 * The functions of the file with their direct I/O and their other calls, from the captures of
 * the summary's query. Classes and functions come from the same query as the calls, so no node's
 * parents are read (each parent read walks down from the root in web-tree-sitter).
 */
function readFunctions(
  captures: readonly QueryCapture[],
  dialect: Dialect,
  io: CallMatcher,
  bound: ReadonlySet<string>,
  types: ReceiverTypes | undefined,
  placed: PlacedFunction[],
  /** The classes met, as facts of the summary and as nodes for the attribute types. */
  found: { classes: ClassFact[]; classNodes: ClassNode[] },
  text: string,
  locals: LocalNames,
): KnownNames {
  const pending: PendingCall[] = [];
  const stack: Frame[] = [];
  captures.forEach(({ name, node }, i) => {
    if (name === 'declaration') return;
    while (stack.length > 0 && stack[stack.length - 1].end <= node.startIndex) stack.pop();
    const outer = stack[stack.length - 1];
    if (name === 'class') {
      const declared = classFact(node, dialect.language);
      if (declared) {
        found.classes.push(declared);
        found.classNodes.push({ name: declared.name, node });
      }
      stack.push({ end: node.endIndex, isClass: true, owner: declared?.name, fact: outer?.fact, placed: outer?.placed, seen: outer?.seen ?? new Set() });
      return;
    }
    if (name === 'function') {
      locals.parameters?.add(node, !!outer?.isClass);
      let fact = outer?.isClass ? undefined : objectMethod(node, dialect, outer?.placed, text);
      let where = fact && { fact, start: node.startIndex, end: node.endIndex, node };
      if (where) placed.push(where);
      else {
        fact = outer?.fact;
        where = outer?.placed;
      }
      if (!fact || outer?.isClass) {
        const context = functionContext(node, dialect, outer?.isClass ? outer.owner : undefined);
        if (context) {
          fact = { ...context, range: nodeRange(node.childForFieldName('name') ?? node), calls: [] };
          where = { fact, start: node.startIndex, end: node.endIndex, node };
          placed.push(where);
        }
      }
      stack.push({ end: node.endIndex, isClass: false, fact, placed: where, seen: fact && fact === outer?.fact ? outer.seen : new Set() });
      return;
    }
    const fact = outer?.fact;
    if (!fact || !outer) return;
    const start = node.startIndex;
    const alone = captures[i - 1]?.node.startIndex !== start && captures[i + 1]?.node.startIndex !== start;
    const path = pathFromText(node, alone) ?? quickPath(node, dialect);
    const kind = io.match(path);
    // In `db.QueryRow(…).Scan(&n)` both calls match; the one the chain starts from, captured
    // after the outer one at the same start, is the root cause.
    if (kind && (!fact.io || startsAt(fact.io.range, node))) fact.io = { ...callFact(node, path, types?.of(path, node)), kind };
    else if (!kind && !outer.seen.has(path)) {
      outer.seen.add(path);
      pending.push({ fact, node, path });
    }
  });
  const defined = new Set(placed.map((f) => f.fact.name));
  const selves = new Set(placed.flatMap((f) => (f.fact.selfName ? [f.fact.selfName] : [])));
  for (const f of placed) if (f.fact.owner) selves.add(f.fact.owner);
  const known = { defined, bound, selves };
  for (const { fact, node, path } of pending) {
    const type = types?.of(path, node, fact);
    if (type || (mayResolve(path, dialect.language, known) && !boundLocally(node, path, dialect, locals))) fact.calls.push(callFact(node, path, type));
  }
  return known;
}

/** The innermost named function whose node holds the offset. */
function placedAt(functions: readonly PlacedFunction[], offset: number): FunctionFact | undefined {
  return placedFunctionAt(functions, offset)?.fact;
}

/** The innermost of the spans that hold the offset. */
function innermost<T extends { start: number; end: number }>(spans: readonly T[], offset: number): T | undefined {
  let found: T | undefined;
  for (const f of spans) if (f.start <= offset && offset < f.end && (!found || f.start >= found.start)) found = f;
  return found;
}

function placedFunctionAt(functions: readonly PlacedFunction[], offset: number): PlacedFunction | undefined {
  return innermost(functions, offset);
}

/** The named functions of the facts with where they stand, read once per file. */
type NamedFunction = { name: string; start: number; end: number; node: Node };

function namedFunctions(facts: FileFacts): NamedFunction[] {
  return facts.functions.flatMap((f) => (f.name ? [{ name: f.name, start: f.node.startIndex, end: f.node.endIndex, node: f.node }] : []));
}

/** The innermost named function around an offset, as the rule engine records it on findings. */
function enclosingFunction(functions: readonly NamedFunction[], offset: number): EnclosingFunction | undefined {
  const found = innermost(functions, offset);
  return found && { name: found.name, line: found.node.startPosition.row };
}

/** A function that remembers its answer for each key: the calls in one loop ask the same of it. */
function remembered<K, V>(read: (key: K) => V): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    if (!answers.has(key)) answers.set(key, read(key));
    return answers.get(key) as V;
  };
}

/**
 * The calls loops repeat once per item that are not I/O themselves (n-plus-one-query reports
 * those). What is said of a loop is read once per loop, not once per call in it: the words read
 * the loop's nodes (its iterable's text, the call a callback is passed to), and took a third of
 * this function's time on the bench corpus of Python.
 */
function readLoopCalls(
  facts: FileFacts,
  dialect: Dialect,
  io: CallMatcher,
  functions: readonly PlacedFunction[],
  types: ReceiverTypes | undefined,
  locals: LocalNames,
  known: KnownNames,
): FileSummary['loopCalls'] {
  const calls: FileSummary['loopCalls'] = [];
  const perItem = remembered((loop: Loop) => repeatsPerItem(dialect, loop));
  const repeats = remembered(repetition);
  const related = new Map<string, LoopCallFact['loops']>();
  let named: NamedFunction[] | undefined;
  for (const site of facts.sites.call) {
    if (site.loops.length === 0) continue;
    const path = quickPath(site.node, dialect);
    if (!RESOLVABLE.test(path) || io.match(path)) continue;
    const loop = site.loops.find(perItem);
    if (!loop) continue;
    const method = placedAt(functions, site.node.startIndex);
    // A parameter given a new object in the function (`repo = UserRepo(db)`) has the object's type.
    const type = types?.of(path, site.node, method);
    // Python's parameters are read only for calls that could resolve by name: no other call
    // can be mistaken for one of the file's functions or imports, and the read costs.
    const byName = dialect.language !== 'python' || mayResolve(path, dialect.language, known);
    if (!type && byName && boundLocally(site.node, path, dialect, locals)) continue;
    const loopsKey = site.loops.map((l) => l.node.id).join(',');
    let loops = related.get(loopsKey);
    if (!loops) related.set(loopsKey, (loops = loopsRelated(site.loops)));
    const call: LoopCallFact = {
      ...callFact(site.node, path, type),
      inFunction: method && { owner: method.owner, selfName: method.selfName },
      repetition: repeats(loop),
      loops,
    };
    const enclosing = enclosingFunction((named ??= namedFunctions(facts)), site.node.startIndex);
    if (enclosing) call.function = enclosing;
    calls.push(call);
  }
  return calls;
}

export function summarizeTree(tree: Tree, grammar: GrammarId, dialect: Dialect, facts: FileFacts, io: CallMatcher): FileSummary {
  const root = tree.rootNode;
  const summary: FileSummary = { language: dialect.language, functions: [], imports: [], loopCalls: [] };
  switch (dialect.language) {
    case 'python':
      summary.imports = pythonBindings(root);
      break;
    case 'javascript':
    case 'typescript': {
      const { bindings, defaultExport } = javascriptBindings(root);
      summary.imports = bindings;
      if (defaultExport) summary.defaultExport = defaultExport;
      break;
    }
    case 'go': {
      const { bindings, packageName } = goBindings(root);
      summary.imports = bindings;
      summary.packageName = packageName;
      break;
    }
    case 'java': {
      const { bindings, packageName, classes } = javaBindings(root);
      summary.imports = bindings;
      summary.packageName = packageName;
      summary.classes = classes;
      break;
    }
  }
  const captures = queryFor(grammar, tree, dialect).captures(root);
  const functions: PlacedFunction[] = [];
  const classes: ClassFact[] = [];
  const classNodes: ClassNode[] = [];
  const made = madeReceiverTypes(tree, dialect.language, (offset) => placedFunctionAt(functions, offset), () => classNodes);
  // Object literals' methods are found by the words before them (object-owner.ts).
  const text = dialect.language === 'javascript' || dialect.language === 'typescript' ? root.text : '';
  const locals = localNames(root, dialect.language, text);
  const known = readFunctions(captures, dialect, io, new Set(summary.imports.map((b) => b.local)), made?.types, functions, { classes, classNodes }, text, locals);
  summary.functions = functions.map((f) => f.fact);
  summary.loopCalls = readLoopCalls(facts, dialect, io, functions, made?.types, locals, known);
  if (dialect.language === 'java') addReceiverTypes(summary, captures.filter((c) => c.name === 'declaration').map((c) => c.node));
  if (classes.length > 0) summary.classFacts = classes;
  const instances = made?.instances();
  if (instances && instances.length > 0) summary.instances = instances;
  return summary;
}
