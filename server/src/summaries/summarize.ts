/**
 * Computes a file's summary (file-summary.ts) from its tree: one query over the file for its
 * functions and calls, the module-level statements for its imports, and the facts walk's call
 * sites for the calls repeated by loops.
 */
import { Query, Tree } from 'web-tree-sitter';
import type { Node } from 'web-tree-sitter';
import type { Range } from '../findings';
import type { CallMatcher } from '../rules/call-patterns';
import { loopsRelated, nodeRange, repetition } from '../rules/describe';
import { repeatsPerItem } from '../rules/per-item-loops';
import type { Dialect } from '../syntax/dialect';
import type { FileFacts } from '../syntax/facts';
import type { GrammarId } from '../syntax/languages';
import { declarationInScope } from '../syntax/scopes';
import { goBindings } from './bindings/go';
import { javaBindings } from './bindings/java';
import { javascriptBindings } from './bindings/javascript';
import { pythonBindings } from './bindings/python';
import type { CallFact, FileSummary, FunctionFact } from './file-summary';
import { CLASSES_OF, functionContext } from './function-context';

/** Paths a call can be resolved by: one to three plain names (`fetch`, `db.fetch`, `this.repo.find`). */
const RESOLVABLE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,2}$/;

/**
 * The callee of each call, captured instead of the call: its text is the call's path, and a
 * query that names the field captures half as fast again as one over every call node. Java's
 * method invocations have no callee node; their name is captured and the object read with it.
 */
const CALLEES: Record<Dialect['language'], string> = {
  python: '(call function: (_) @callee) @call',
  javascript: '(call_expression function: (_) @callee) @call',
  typescript: '(call_expression function: (_) @callee) @call',
  go: '(call_expression function: (_) @callee) @call',
  java: '(method_invocation name: (identifier) @callee) @call',
};

const queries = new Map<GrammarId, Query>();

function queryFor(grammar: GrammarId, tree: Tree, dialect: Dialect): Query {
  let query = queries.get(grammar);
  if (!query) {
    const functions = [...dialect.functionTypes].map((t) => `(${t})`).join(' ');
    const classes = CLASSES_OF[dialect.language].map((t) => `(${t})`).join(' ');
    query = new Query(tree.language, [`[${functions}] @function`, classes && `[${classes}] @class`, CALLEES[dialect.language]].join('\n'));
    queries.set(grammar, query);
  }
  return query;
}

/** `UserRepository` in `UserRepository<User>` or `final UserRepository`. */
function typeName(type: Node | undefined): string | undefined {
  const text = type?.text.replace(/<.*$/s, '').trim();
  return text && /^[A-Za-z_$][\w$.]*$/.test(text) ? text.slice(text.lastIndexOf('.') + 1) : undefined;
}

/** Java: the declared type of each variable, field and parameter name of a file. */
type DeclaredTypes = ReadonlyMap<string, string | undefined>;

let javaDeclarations: Query | undefined;

/**
 * Java: the types names are declared with anywhere in the file, read in one query. A name
 * declared with two different types is ambiguous and maps to undefined: no type is guessed.
 * (Looking up each receiver's declaration through its scopes read every node's parents, which
 * web-tree-sitter finds by walking down from the root, and tripled the summary's cost.)
 */
function javaDeclaredTypes(tree: Tree): DeclaredTypes {
  javaDeclarations ??= new Query(
    tree.language,
    ['field_declaration', 'local_variable_declaration']
      .map((t) => `(${t} type: (_) @type declarator: (variable_declarator name: (identifier) @name))`)
      .concat('(formal_parameter type: (_) @type name: (identifier) @name)')
      .join('\n'),
  );
  const types = new Map<string, string | undefined>();
  for (const match of javaDeclarations.matches(tree.rootNode)) {
    const name = match.captures.find((c) => c.name === 'name')?.node.text;
    const type = typeName(match.captures.find((c) => c.name === 'type')?.node);
    if (!name) continue;
    types.set(name, types.has(name) && types.get(name) !== type ? undefined : type);
  }
  return types;
}

/**
 * Java: the class a method is called on, from the declared type of its receiver (`repo.find()`
 * with `UserRepository repo`, `this.repo.find()` with a field) or the class named itself
 * (`Users.find()`).
 */
function javaReceiverType(path: string, types: DeclaredTypes): string | undefined {
  const parts = path.split('.');
  const variable = parts.length === 3 && parts[0] === 'this' ? parts[1] : parts.length === 2 ? parts[0] : undefined;
  if (!variable) return undefined;
  if (types.has(variable)) return types.get(variable);
  return parts.length === 2 && /^[A-Z]/.test(variable) ? variable : undefined;
}

function callFact(call: Node, path: string, types: DeclaredTypes | undefined): CallFact {
  const fact: CallFact = { path, range: nodeRange(call) };
  const type = types && javaReceiverType(path, types);
  if (type) fact.receiverType = type;
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
function quickPath(call: Node, dialect: Dialect, callee = call.childForFieldName('function') ?? call.childForFieldName('name')): string {
  let text = callee?.text;
  if (call.type === 'method_invocation') {
    const object = call.childForFieldName('object');
    text = object ? `${object.text}.${text}` : text;
  }
  if (text !== undefined && text.length < MAX_PLAIN && PLAIN.test(text)) return text;
  // Only a chain (`conn.cursor().execute`) can still be I/O or resolve; `"".join` or `x[0].f` cannot.
  return text?.includes('(') ? dialect.calleePath(call) : '?';
}

/** Go's built-in functions: never a function of the package. */
const GO_BUILTINS = new Set(['append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover']);

/**
 * True when a call could name a function of the workspace by the language's rules, from what the
 * file itself shows: a name it defines or imports, its own object, an imported module or package.
 * Calls that cannot (`len(x)`, `items.append(y)`) are left out of the summary.
 */
function mayResolve(path: string, language: Dialect['language'], defined: ReadonlySet<string>, bound: ReadonlySet<string>, selves: ReadonlySet<string>): boolean {
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
}

/** A class or function around the current capture. */
interface Frame {
  end: number;
  /** The class's name, for a class. */
  owner?: string;
  isClass: boolean;
  /** The named function the calls inside count for (a nested function's count for the one around it). */
  fact?: FunctionFact;
  seen: Set<string>;
}

/**
 * The functions of the file with their direct I/O and their other calls. Classes and functions
 * come from the same query as the calls, so no node's parents are read (each parent read walks
 * down from the root in web-tree-sitter).
 */
function readFunctions(tree: Tree, grammar: GrammarId, dialect: Dialect, io: CallMatcher, bound: ReadonlySet<string>, types: DeclaredTypes | undefined): PlacedFunction[] {
  const placed: PlacedFunction[] = [];
  const pending: PendingCall[] = [];
  const stack: Frame[] = [];
  let call: Node | undefined;
  for (const { name, node } of queryFor(grammar, tree, dialect).captures(tree.rootNode)) {
    if (name === 'call') {
      call = node;
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1].end <= node.startIndex) stack.pop();
    const outer = stack[stack.length - 1];
    if (name === 'class') {
      stack.push({ end: node.endIndex, isClass: true, owner: node.childForFieldName('name')?.text, fact: outer?.fact, seen: outer?.seen ?? new Set() });
      continue;
    }
    if (name === 'function') {
      let fact = outer?.fact;
      if (!fact || outer?.isClass) {
        const context = functionContext(node, dialect, outer?.isClass ? outer.owner : undefined);
        if (context) {
          fact = { ...context, range: nodeRange(node.childForFieldName('name') ?? node), calls: [] };
          placed.push({ fact, start: node.startIndex, end: node.endIndex });
        }
      }
      stack.push({ end: node.endIndex, isClass: false, fact, seen: fact && fact === outer?.fact ? outer.seen : new Set() });
      continue;
    }
    const fact = outer?.fact;
    if (!fact || !call || !outer) continue;
    const path = quickPath(call, dialect, node);
    const kind = io.match(path);
    // In `db.QueryRow(…).Scan(&n)` both calls match; the one the chain starts from, captured
    // after the outer one at the same start, is the root cause.
    if (kind && (!fact.io || startsAt(fact.io.range, call))) fact.io = { ...callFact(call, path, types), kind };
    else if (!kind && !outer.seen.has(path)) {
      outer.seen.add(path);
      pending.push({ fact, node: call, path });
    }
  }
  const defined = new Set(placed.map((f) => f.fact.name));
  const selves = new Set(placed.flatMap((f) => (f.fact.selfName ? [f.fact.selfName] : [])));
  for (const { fact, node, path } of pending) {
    if (mayResolve(path, dialect.language, defined, bound, selves) && !boundLocally(node, path, dialect)) fact.calls.push(callFact(node, path, types));
  }
  return placed;
}

/** The innermost named function whose node holds the offset. */
function placedAt(functions: readonly PlacedFunction[], offset: number): FunctionFact | undefined {
  let found: PlacedFunction | undefined;
  for (const f of functions) if (f.start <= offset && offset < f.end && (!found || f.start >= found.start)) found = f;
  return found?.fact;
}

/**
 * True when a JavaScript call by bare name calls a parameter, or a variable a function declares
 * with something other than a function: not one of the file's functions, whatever its name.
 * Minified code reuses one-letter names in every scope (`function (q, v) { … v() … }`), and
 * resolving such a call by name would pin an unrelated function's I/O on it.
 */
function boundLocally(call: Node, path: string, dialect: Dialect): boolean {
  if ((dialect.language !== 'javascript' && dialect.language !== 'typescript') || path.includes('.')) return false;
  const callee = call.childForFieldName('function');
  const declaration = callee && declarationInScope(dialect.language, callee, path);
  if (!declaration) return false;
  const value = declaration.value;
  if (value && dialect.functionTypes.has(value.type)) return false;
  let declarator = false;
  for (let n = declaration.name.parent; n; n = n.parent) {
    if (n.type === 'formal_parameters') return true;
    if (n.type === 'variable_declarator') declarator = true;
    if (dialect.functionTypes.has(n.type)) return declarator;
  }
  return false;
}

/** The calls loops repeat once per item that are not I/O themselves (n-plus-one-query reports those). */
function readLoopCalls(facts: FileFacts, dialect: Dialect, io: CallMatcher, functions: readonly PlacedFunction[], types: DeclaredTypes | undefined): FileSummary['loopCalls'] {
  const calls: FileSummary['loopCalls'] = [];
  for (const site of facts.sites.call) {
    if (site.loops.length === 0) continue;
    const path = quickPath(site.node, dialect);
    if (!RESOLVABLE.test(path) || io.match(path)) continue;
    const loop = site.loops.find((l) => repeatsPerItem(dialect, l));
    if (!loop || boundLocally(site.node, path, dialect)) continue;
    const method = placedAt(functions, site.node.startIndex);
    calls.push({
      ...callFact(site.node, path, types),
      inFunction: method && { owner: method.owner, selfName: method.selfName },
      repetition: repetition(loop),
      loops: loopsRelated(site.loops),
    });
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
  const types = dialect.language === 'java' ? javaDeclaredTypes(tree) : undefined;
  const functions = readFunctions(tree, grammar, dialect, io, new Set(summary.imports.map((b) => b.local)), types);
  summary.functions = functions.map((f) => f.fact);
  summary.loopCalls = readLoopCalls(facts, dialect, io, functions, types);
  return summary;
}
