/**
 * The facts walk: what every rule reads, collected once per file. For each interesting node (a
 * call, an await, a `+=`) it records the loops that repeat it and the function around it.
 *
 * Rules only read nodes inside loops and inside async functions, and most of a file is neither.
 * So the walk finds the loops, async functions and per-item callbacks from their words in the
 * text (scope-words.ts), then runs one query over the regions they cover: the sites there, and
 * the functions that stand between a site and its loops. Nothing visits the rest of the tree.
 */
import { Language, Node, Query } from 'web-tree-sitter';
import type { Dialect, FunctionShape, LoopShape, SiteKind } from './dialect';
import { scopeCandidates } from './scope-words';

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
  /** Every loop of the file, per-item callbacks included, in document order. */
  loops: Loop[];
  /**
   * In document order, the functions a rule can meet: those inside loops and async functions,
   * the async functions and callbacks themselves, and the innermost function around each of
   * them. Functions with no loop and no async code in or around them are left out.
   */
  functions: Func[];
}

/** A loop or a function, with its offsets. */
interface Scope {
  node: Node;
  start: number;
  end: number;
  loop?: Loop;
  func?: Func;
}

interface SiteCapture {
  kind: SiteKind;
  node: Node;
  start: number;
  end: number;
}

function inside(start: number, end: number, [partStart, partEnd]: [number, number]): boolean {
  return start >= partStart && end <= partEnd;
}

function toLoop(shape: LoopShape, node: Node): Loop {
  return { ...shape, node, once: shape.once.map((part) => [part.startIndex, part.endIndex]) };
}

/** The query of the facts walk, compiled once per grammar. */
export interface FactQueries {
  /** Calls, awaits, assignments and comparisons, and functions, run only where some rule reads them. */
  sites: Query;
}

function pattern(types: ReadonlySet<string>, capture: string): string {
  return types.size === 0 ? '' : `[${[...types].map((t) => `(${t})`).join(' ')}] @${capture}`;
}

export function factQueries(language: Language, dialect: Dialect): FactQueries {
  return {
    sites: new Query(
      language,
      [
        pattern(dialect.callTypes, 'call'),
        pattern(dialect.awaitTypes, 'await'),
        pattern(dialect.assignTypes, 'assign'),
        pattern(dialect.compareTypes, 'compare'),
        pattern(dialect.functionTypes, 'function'),
      ].join('\n'),
    ),
  };
}

/** Parents before children, so a scope is always opened before the nodes inside it. */
function documentOrder(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * A function no scope word led to. Every async function and per-item callback has a word the
 * scan finds (scope-words.ts), so this one is neither, and only its name is left to read, when a
 * rule asks for it. Reading the whole shape of every function in the regions instead cost 2-4%
 * of the parse time on the bench corpus of JavaScript and TypeScript.
 */
class PlainFunction implements Func {
  readonly isAsync = false;

  constructor(
    readonly node: Node,
    private readonly dialect: Dialect,
  ) {}

  get name(): string | undefined {
    return this.dialect.func(this.node).name;
  }
}

/** The loops and functions of one file, each read once. */
class Scopes {
  private readonly byId = new Map<number, Scope>();

  constructor(private readonly dialect: Dialect) {}

  /** A function that is neither async nor a per-item callback (see PlainFunction). */
  addPlainFunction(node: Node): void {
    if (!this.byId.has(node.id)) this.byId.set(node.id, { node, start: node.startIndex, end: node.endIndex, func: new PlainFunction(node, this.dialect) });
  }

  /**
   * Reads a node a scope word led to; undefined for a node of another type, or a loop the
   * dialect does not take.
   */
  add(node: Node): Scope | undefined {
    const known = this.byId.get(node.id);
    if (known) return known;
    const { dialect } = this;
    const type = node.type;
    let scope: Scope | undefined;
    if (dialect.loopTypes.has(type)) {
      const shape = dialect.loop(node);
      if (shape) scope = { node, start: node.startIndex, end: node.endIndex, loop: toLoop(shape, node) };
    } else if (dialect.functionTypes.has(type)) {
      const shape: FunctionShape = dialect.func(node);
      const func: Func = { ...shape, node };
      scope = { node, start: node.startIndex, end: node.endIndex, func, loop: shape.callback && toLoop(shape.callback, node) };
    }
    if (scope) this.byId.set(node.id, scope);
    return scope;
  }

  /** In document order. */
  sorted(): Scope[] {
    return [...this.byId.values()].sort(documentOrder);
  }
}

/** True when sites inside the scope matter: it is a loop (a per-item callback too) or an async function. */
function opensRegion(scope: Scope): boolean {
  return !!scope.loop || !!scope.func?.isAsync;
}

/**
 * The roots of the regions where sites matter to some rule: the outermost loops (per-item
 * callbacks included) and async functions. Outside them no rule reads a call or an assignment,
 * so the site query skips them: most of a file's code.
 */
function regionRoots(scopes: readonly Scope[]): Node[] {
  const roots: Node[] = [];
  let end = -1;
  for (const s of scopes) {
    // Scopes are nodes of one tree, in document order: one that starts before the end of the
    // last root lies within it.
    if (!opensRegion(s) || s.start < end) continue;
    roots.push(s.node);
    end = s.end;
  }
  return roots;
}

/** The innermost function around a node, if any. */
function enclosingFunction(node: Node, dialect: Dialect): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (dialect.functionTypes.has(n.type)) return n;
  return undefined;
}

/**
 * The facts of the code under `root`: a tree's root node for a whole file, or one function that
 * no loop, callback or other function encloses, whose facts then depend on its own code only.
 */
export function collectFacts(root: Node, queries: FactQueries, dialect: Dialect): FileFacts {
  const scopes = new Scopes(dialect);
  for (const node of scopeCandidates(root, dialect)) scopes.add(node);
  const sites: SiteCapture[] = [];
  for (const region of regionRoots(scopes.sorted())) {
    // Run on the region's root, the query walks its subtree only: no descent from the tree's
    // root to find the region, and no capture of the nodes around it.
    for (const { name, node } of queries.sites.captures(region)) {
      if (name === 'function') scopes.addPlainFunction(node);
      else sites.push({ kind: name as SiteKind, node, start: node.startIndex, end: node.endIndex });
    }
    // A site's function may be one around the whole region: the nearest one is enough, since
    // the loops and functions a site is recorded with stop at the first function that is not a
    // per-item callback, and the nearest one around a region opens no region of its own.
    const outer = enclosingFunction(region, dialect);
    if (outer) scopes.addPlainFunction(outer);
  }
  return assemble(scopes.sorted(), sites);
}

/** Walks the scopes and sites in document order with a stack of the scopes around each site. */
function assemble(scopes: readonly Scope[], sites: readonly SiteCapture[]): FileFacts {
  const facts: FileFacts = {
    sites: { loop: [], call: [], await: [], assign: [], compare: [] },
    loops: [],
    functions: [],
  };
  // Scopes first, so that a site with the same offsets as a scope comes after it (the sort is stable).
  const all: Array<Scope | SiteCapture> = [...scopes, ...sites].sort(documentOrder);
  const stack: Scope[] = [];
  for (const c of all) {
    while (stack.length > 0 && stack[stack.length - 1].end <= c.start) stack.pop();
    if ('kind' in c) {
      addSite(facts.sites, c.kind, c, stack);
      continue;
    }
    if (c.func) facts.functions.push(c.func);
    if (c.loop) {
      facts.loops.push(c.loop);
      if (!c.func) addSite(facts.sites, 'loop', c, stack);
    }
    stack.push(c);
  }
  return facts;
}

/** Records a node with the loops and the function around it. */
function addSite(sites: FileFacts['sites'], kind: SiteKind, { node, start, end }: Scope | SiteCapture, stack: readonly Scope[]): void {
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
