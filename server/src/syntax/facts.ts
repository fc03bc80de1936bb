/**
 * The facts walk: one query per file, run once, that every rule reads from. For each interesting
 * node (a call, an await, a `+=`) it records the loops that repeat it and the function around it.
 */
import type { Node, Query, Tree } from 'web-tree-sitter';
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

const SITE_KINDS: readonly string[] = ['call', 'await', 'assign', 'compare'];

function inside(start: number, end: number, [partStart, partEnd]: [number, number]): boolean {
  return start >= partStart && end <= partEnd;
}

function toLoop(shape: LoopShape, node: Node): Loop {
  return { ...shape, node, once: shape.once.map((part) => [part.startIndex, part.endIndex]) };
}

export function collectFacts(tree: Tree, query: Query, dialect: Dialect): FileFacts {
  const facts: FileFacts = {
    sites: { loop: [], call: [], await: [], assign: [], compare: [] },
    loops: [],
    functions: [],
    errors: [],
  };
  const captures = query.captures(tree.rootNode);
  // Parents before children, so the scope stack is always opened before the nodes inside it.
  captures.sort((a, b) => a.node.startIndex - b.node.startIndex || b.node.endIndex - a.node.endIndex);
  const stack: Scope[] = [];
  for (const { name, node } of captures) {
    const start = node.startIndex;
    while (stack.length > 0 && stack[stack.length - 1].end <= start) stack.pop();
    if (name === 'error') {
      facts.errors.push([start, node.endIndex]);
    } else if (name === 'loop') {
      const shape = dialect.loop(node);
      if (!shape) continue;
      const loop = toLoop(shape, node);
      facts.loops.push(loop);
      addSite(facts.sites, 'loop', node, stack);
      stack.push({ start, end: node.endIndex, loop });
    } else if (name === 'function') {
      const shape = dialect.func(node);
      const func: Func = { ...shape, node };
      facts.functions.push(func);
      const loop = shape.callback ? toLoop(shape.callback, node) : undefined;
      if (loop) facts.loops.push(loop);
      stack.push({ start, end: node.endIndex, func, loop });
    } else if (SITE_KINDS.includes(name)) {
      addSite(facts.sites, name as SiteKind, node, stack);
    }
  }
  return facts;
}

/** Records a node with the loops and the function around it. */
function addSite(sites: FileFacts['sites'], kind: SiteKind, node: Node, stack: readonly Scope[]): void {
  const start = node.startIndex;
  const end = node.endIndex;
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
