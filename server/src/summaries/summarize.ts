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
import { functionContext } from './function-context';

/** Paths a call can be resolved by: one to three plain names (`fetch`, `db.fetch`, `this.repo.find`). */
const RESOLVABLE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,2}$/;

const queries = new Map<GrammarId, Query>();

function queryFor(grammar: GrammarId, tree: Tree, dialect: Dialect): Query {
  let query = queries.get(grammar);
  if (!query) {
    const types = (set: ReadonlySet<string>) => [...set].map((t) => `(${t})`).join(' ');
    query = new Query(tree.language, `[${types(dialect.functionTypes)}] @function\n[${types(dialect.callTypes)}] @call`);
    queries.set(grammar, query);
  }
  return query;
}

/** `UserRepository` in `UserRepository<User>` or `final UserRepository`. */
function typeName(type: Node | undefined): string | undefined {
  const text = type?.text.replace(/<.*$/s, '').trim();
  return text && /^[A-Za-z_$][\w$.]*$/.test(text) ? text.slice(text.lastIndexOf('.') + 1) : undefined;
}

/**
 * Java: the class a method is called on, from the declaration of its receiver (`repo.find()`
 * with `UserRepository repo`, `this.repo.find()` with a field) or the class named itself
 * (`Users.find()`).
 */
function javaReceiverType(call: Node, path: string): string | undefined {
  const parts = path.split('.');
  const variable = parts.length === 3 && parts[0] === 'this' ? parts[1] : parts.length === 2 ? parts[0] : undefined;
  if (!variable) return undefined;
  const declared = typeName(declarationInScope('java', call, variable)?.type);
  if (declared) return declared;
  return parts.length === 2 && /^[A-Z]/.test(variable) ? variable : undefined;
}

function callFact(call: Node, path: string, dialect: Dialect): CallFact {
  const fact: CallFact = { path, range: nodeRange(call) };
  if (dialect.language === 'java') {
    const type = javaReceiverType(call, path);
    if (type) fact.receiverType = type;
  }
  return fact;
}

function startsAt(range: Range, node: Node): boolean {
  return range.start.line === node.startPosition.row && range.start.character === node.startPosition.column;
}

/** The functions of the file with their direct I/O and their other calls. */
function readFunctions(tree: Tree, grammar: GrammarId, dialect: Dialect, io: CallMatcher): FunctionFact[] {
  const functions: FunctionFact[] = [];
  // The functions around the current capture, each with the summary its calls count for (a
  // nested function's calls count for the named function around it).
  const stack: Array<{ end: number; fact?: FunctionFact; seen: Set<string> }> = [];
  for (const { name, node } of queryFor(grammar, tree, dialect).captures(tree.rootNode)) {
    while (stack.length > 0 && stack[stack.length - 1].end <= node.startIndex) stack.pop();
    const outer = stack[stack.length - 1];
    if (name === 'function') {
      const context = outer ? undefined : functionContext(node, dialect);
      let fact = outer?.fact;
      if (context) {
        const nameNode = node.childForFieldName('name') ?? node;
        fact = { ...context, range: nodeRange(nameNode), calls: [] };
        functions.push(fact);
      }
      stack.push({ end: node.endIndex, fact, seen: fact === outer?.fact && outer ? outer.seen : new Set() });
      continue;
    }
    const fact = outer?.fact;
    if (!fact) continue;
    const path = dialect.calleePath(node);
    const kind = io.match(path);
    // In `db.QueryRow(…).Scan(&n)` both calls match; the one the chain starts from, captured
    // after the outer one at the same start, is the root cause.
    if (kind && (!fact.io || startsAt(fact.io.range, node))) fact.io = { ...callFact(node, path, dialect), kind };
    else if (RESOLVABLE.test(path) && !outer.seen.has(path)) {
      outer.seen.add(path);
      fact.calls.push(callFact(node, path, dialect));
    }
  }
  return functions;
}

/** The calls loops repeat once per item that are not I/O themselves (n-plus-one-query reports those). */
function readLoopCalls(facts: FileFacts, dialect: Dialect, io: CallMatcher): FileSummary['loopCalls'] {
  const calls: FileSummary['loopCalls'] = [];
  for (const site of facts.sites.call) {
    if (site.loops.length === 0) continue;
    const path = dialect.calleePath(site.node);
    if (!RESOLVABLE.test(path) || io.match(path)) continue;
    const loop = site.loops.find((l) => repeatsPerItem(dialect, l));
    if (!loop) continue;
    let method: ReturnType<typeof functionContext>;
    for (let n = site.node.parent; n && !method; n = n.parent) if (dialect.functionTypes.has(n.type)) method = functionContext(n, dialect);
    calls.push({
      ...callFact(site.node, path, dialect),
      inFunction: method && { owner: method.owner, selfName: method.selfName },
      repetition: repetition(loop),
      loops: loopsRelated(site.loops),
    });
  }
  return calls;
}

export function summarizeTree(tree: Tree, grammar: GrammarId, dialect: Dialect, facts: FileFacts, io: CallMatcher): FileSummary {
  const root = tree.rootNode;
  const summary: FileSummary = {
    language: dialect.language,
    functions: readFunctions(tree, grammar, dialect, io),
    imports: [],
    loopCalls: readLoopCalls(facts, dialect, io),
  };
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
  return summary;
}
