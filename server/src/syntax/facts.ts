/**
 * The facts walk: one query per file, run once, that every rule reads from. For each interesting
 * node (a call, an await, a `+=`) it records the loops that repeat it and the function around it.
 */
import { Language, Node, Query, Tree } from 'web-tree-sitter';
import type { Dialect, FunctionShape, LoopShape, SiteKind } from './dialect';

export interface Loop extends Omit<LoopShape, 'once'> {
  node: Node;
  /** Offsets of the parts that run once (see LoopShape.once). */
  once: Array<[number, number]>;
}

export interface Func extends FunctionShape {
  node: Node;
}

export interface Site {
  node: Node;
  /**
   * Loops whose every iteration runs this node, innermost first. Follows per-item callbacks
   * (`items.map(x => …)`) outward but stops at any other function.
   */
  loops: Loop[];
  /**
   * The same loops cut at the first function boundary (callbacks included) and after the first
   * `for await` / `async for` loop, which is kept so rules can tell they stand inside one.
   */
  loopsInFunction: Loop[];
  /** The innermost function around the node. */
  fn?: Func;
}

export interface FileFacts {
  sites: Record<SiteKind, Site[]>;
  loops: Loop[];
  functions: Func[];
  /** Start and end offsets of ERROR nodes. */
  errors: Array<[number, number]>;
}

interface Scope {
  start: number;
  end: number;
  loop?: Loop;
  func?: Func;
}


function inside(start: number, end: number, [partStart, partEnd]: [number, number]): boolean {
  return start >= partStart && end <= partEnd;
}

function toLoop(shape: LoopShape, node: Node): Loop {
  return { ...shape, node, once: shape.once.map((part) => [part.startIndex, part.endIndex]) };
}

/**
 * web-tree-sitter parses UTF-16 text: node indices count code units, but a query's
 * `startIndex`/`endIndex` options are byte offsets into that UTF-16 text.
 */
const BYTES_PER_INDEX = 2;

/** The two queries of the facts walk, compiled once per grammar. */
export interface FactQueries {
  /** Loops, functions and ERROR nodes, over the whole file. */
  scopes: Query;
  /** Calls, awaits, assignments and comparisons, only where some rule reads them. */
  sites: Query;
}

function pattern(types: ReadonlySet<string>, capture: string): string {
  return types.size === 0 ? '' : `[${[...types].map((t) => `(${t})`).join(' ')}] @${capture}`;
}

export function factQueries(language: Language, dialect: Dialect): FactQueries {
  return {
    scopes: new Query(language, [pattern(dialect.loopTypes, 'loop'), pattern(dialect.functionTypes, 'function'), '(ERROR) @error'].join('\n')),
    sites: new Query(
      language,
      [
        pattern(dialect.callTypes, 'call'),
        pattern(dialect.awaitTypes, 'await'),
        pattern(dialect.assignTypes, 'assign'),
        pattern(dialect.compareTypes, 'compare'),
      ].join('\n'),
    ),
  };
}

interface Capture {
  name: string;
  node: Node;
  start: number;
  end: number;
  loop?: Loop;
  func?: Func;
}

function capture(name: string, node: Node): Capture {
  return { name, node, start: node.startIndex, end: node.endIndex };
}

/** Parents before children, so a scope is always opened before the nodes inside it. */
function documentOrder(a: Capture, b: Capture): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * The regions where sites matter to some rule: inside loops (per-item callbacks included) and
 * inside async functions. Outside them no rule reads a call or an assignment, so the site query
 * skips them: most of a file's code.
 */
function siteRegions(scopes: readonly Capture[]): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  for (const c of scopes) {
    if (!c.loop && !c.func?.isAsync) continue;
    const last = regions[regions.length - 1];
    if (last && c.start < last[1]) last[1] = Math.max(last[1], c.end);
    else regions.push([c.start, c.end]);
  }
  return regions;
}

export function collectFacts(tree: Tree, queries: FactQueries, dialect: Dialect): FileFacts {
  const facts: FileFacts = {
    sites: { loop: [], call: [], await: [], assign: [], compare: [] },
    loops: [],
    functions: [],
    errors: [],
  };
  const scopes: Capture[] = [];
  for (const { name, node } of queries.scopes.captures(tree.rootNode)) {
    const c = capture(name, node);
    if (name === 'error') {
      facts.errors.push([c.start, c.end]);
      continue;
    }
    if (name === 'loop') {
      const shape = dialect.loop(node);
      if (!shape) continue;
      c.loop = toLoop(shape, node);
    } else {
      const shape = dialect.func(node);
      c.func = { ...shape, node };
      if (shape.callback) c.loop = toLoop(shape.callback, node);
    }
    scopes.push(c);
  }
  scopes.sort(documentOrder);
  const all = [...scopes];
  for (const [start, end] of siteRegions(scopes)) {
    const range = { startIndex: start * BYTES_PER_INDEX, endIndex: end * BYTES_PER_INDEX };
    for (const { name, node } of queries.sites.captures(tree.rootNode, range)) {
      const c = capture(name, node);
      if (c.start >= start && c.end <= end) all.push(c);
    }
  }
  all.sort(documentOrder);
  const stack: Scope[] = [];
  for (const c of all) {
    while (stack.length > 0 && stack[stack.length - 1].end <= c.start) stack.pop();
    if (c.func) {
      facts.functions.push(c.func);
      if (c.loop) facts.loops.push(c.loop);
      stack.push({ start: c.start, end: c.end, func: c.func, loop: c.loop });
    } else if (c.loop) {
      facts.loops.push(c.loop);
      addSite(facts.sites, 'loop', c, stack);
      stack.push({ start: c.start, end: c.end, loop: c.loop });
    } else {
      addSite(facts.sites, c.name as SiteKind, c, stack);
    }
  }
  return facts;
}

/** Records a node with the loops and the function around it. */
function addSite(sites: FileFacts['sites'], kind: SiteKind, { node, start, end }: Capture, stack: readonly Scope[]): void {
  const loops: Loop[] = [];
  const loopsInFunction: Loop[] = [];
  let fn: Func | undefined;
  let inFunction = true;
  for (let i = stack.length - 1; i >= 0; i--) {
    const { loop, func } = stack[i];
    if (loop && !loop.once.some((part) => inside(start, end, part))) {
      loops.push(loop);
      if (inFunction && !func) loopsInFunction.push(loop);
    }
    if (loop?.asyncIteration) inFunction = false;
    if (func) {
      fn ??= func;
      inFunction = false;
      if (!func.callback) break;
    }
  }
  sites[kind].push({ node, loops, loopsInFunction, fn });
}
