/**
 * The call graph as callgrind writes it, and how it becomes Hotpath's graph.
 *
 * A callgrind function is a node here: one function (object, file, name) at one recursion level
 * (`fib'2` is the second and deeper levels of `fib`, separated by callgrind's default
 * `--separate-recs=2`), in its own file or in a file it inlines code from (`fi=`/`fe=` lines).
 * The profile's functions merge the levels: `fib` and `fib'2` are one function. Inlined code
 * stays a function of its own, named as the function it was inlined into and placed in the
 * inlined file, so its lines heat the right file; a made-up edge from the host function to it
 * carries its inclusive cost (see functionTotals).
 *
 * Totals are callgrind's own measurements. A called node's total is the inclusive cost of the
 * calls into it from other nodes; with recursion levels separated, calls into the first level
 * are exactly the outermost calls, so recursion is not counted twice. With `--separate-recs=1`
 * recursive calls are calls of a node to itself, and those are left out. A node nobody calls
 * (the program's entry) totals its self cost plus the calls it makes. Mutual recursion without
 * separated levels is counted as often as it nests: without stacks nothing can tell.
 */
import type { CallGraph, GraphEdge, ProfileFunction } from '../../model';
import { appendInherited, InheritedEvent } from './events';

/** The recursion-level suffix callgrind appends: `fib'2`. */
const LEVEL_SUFFIX = /'(\d{1,9})$/;
/** Edge keys pack (callee, line) in one number: functions beyond this are refused. */
export const MAX_FUNCTIONS = 1 << 21;
const LINE_FACTOR = 2 ** 31;

interface Node {
  /** Index of the profile function this node is merged into. */
  func: number;
  /** The node of the function this code runs in: itself, unless this is inlined code. */
  home: number;
  level: number;
  /** Self cost: the sum of this node's cost lines. */
  self: Float64Array | undefined;
  /** Inclusive cost of the calls made from this node's lines, but for calls into its own frame's node. */
  calls: Float64Array | undefined;
  /** Inclusive cost of the calls into this node from other nodes. */
  incoming: Float64Array | undefined;
}

function addInto(target: Float64Array, costs: Float64Array, count: number): void {
  for (let i = 0; i < count; i++) target[i] += costs[i];
}

export class CallgrindGraph {
  readonly functions: ProfileFunction[] = [];
  private readonly funcIds = new Map<string, number>();
  private readonly nodes: Node[] = [];
  /** Node ids by object, file and name: nested maps reuse the hashes of the names' strings. */
  private readonly nodeIds = new Map<string, Map<string, Map<string, number>>>();
  /** Per function: its cost per line, and the node of its lowest recursion level. */
  private readonly lines: Array<Map<number, number[]>> = [];
  private readonly lowestNode: number[] = [];
  /** Per function: the function it is inlined into, or -1. */
  private readonly hostOf: number[] = [];
  private readonly edges: GraphEdge[] = [];
  private readonly edgeIds: Array<Map<number, number> | undefined> = [];

  constructor(private readonly events: number) {}

  /** The sum of all self costs, per event. */
  selfSum(): Float64Array {
    const sum = new Float64Array(this.events);
    for (const node of this.nodes) if (node.self) addInto(sum, node.self, this.events);
    return sum;
  }

  /**
   * The node of a function at the recursion level its name says, in `file` (its own file, or a
   * file whose code is inlined into `home`). Returns undefined when there are too many functions.
   */
  node(object: string, file: string, name: string, home?: number): number | undefined {
    let byFile = this.nodeIds.get(object);
    if (!byFile) this.nodeIds.set(object, (byFile = new Map()));
    let byName = byFile.get(file);
    if (!byName) byFile.set(file, (byName = new Map()));
    let id = byName.get(name);
    if (id !== undefined) return id;
    const level = LEVEL_SUFFIX.exec(name);
    const baseName = level ? name.slice(0, level.index) : name;
    const func = this.functionId(object, file, baseName, home === undefined ? -1 : this.nodes[home].func);
    if (func === undefined) return undefined;
    id = this.nodes.length;
    this.nodes.push({ func, home: home ?? id, level: level ? Number(level[1]) : 1, self: undefined, calls: undefined, incoming: undefined });
    byName.set(name, id);
    const lowest = this.lowestNode[func];
    if (lowest === -1 || this.nodes[id].level < this.nodes[lowest].level) this.lowestNode[func] = id;
    return id;
  }

  /** Notes the 1-based line a function starts at, when nothing said it before. */
  noteStart(node: number, line: number): void {
    const fn = this.functions[this.nodes[node].func];
    if (fn.line === undefined && line > 0 && this.nodes[node].home === node) fn.line = line;
  }

  /** Adds the first `count` costs of a cost line at `line` of `node`'s file. */
  addSelf(node: number, line: number, costs: Float64Array, count: number): void {
    const at = this.nodes[node];
    addInto((at.self ??= new Float64Array(this.events)), costs, count);
    const func = at.func;
    const byLine = this.lines[func];
    let values = byLine.get(line);
    if (!values) byLine.set(line, (values = new Array<number>(this.events).fill(0)));
    for (let i = 0; i < count; i++) values[i] += costs[i];
  }

  /** Adds the inclusive costs of calls from `caller` (at `line`) to `callee`. */
  addCall(caller: number, callee: number, line: number, costs: Float64Array, count: number): void {
    const from = this.nodes[caller];
    const to = this.nodes[callee];
    const key = to.func * LINE_FACTOR + line;
    const ids = (this.edgeIds[from.func] ??= new Map());
    let edge = ids.get(key);
    if (edge === undefined) {
      edge = this.edges.length;
      ids.set(key, edge);
      this.edges.push({ caller: from.func, callee: to.func, line, values: new Array<number>(this.events).fill(0) });
    }
    const values = this.edges[edge].values;
    for (let i = 0; i < count; i++) values[i] += costs[i];
    // A call into the very node whose frame this code runs in is recursion (callgrind writes
    // such calls with --separate-recs=1): its cost is already inside the frame's.
    if (callee === from.home) return;
    addInto((to.incoming ??= new Float64Array(this.events)), costs, count);
    addInto((from.calls ??= new Float64Array(this.events)), costs, count);
  }

  /** Hotpath's graph, with the inherited events appended to every cost vector. */
  build(inherited: InheritedEvent[]): CallGraph {
    const totals = this.functionTotals();
    const selves = this.functions.map(() => new Float64Array(this.events));
    for (const node of this.nodes) if (node.self) addInto(selves[node.func], node.self, this.events);
    for (const byLine of this.lines) for (const values of byLine.values()) appendInherited(values, inherited);
    for (const edge of this.edges) appendInherited(edge.values, inherited);
    const types = this.events + inherited.length;
    const graph: CallGraph = {
      self: Array.from({ length: types }, () => new Float64Array(this.functions.length)),
      total: Array.from({ length: types }, () => new Float64Array(this.functions.length)),
      lines: this.lines,
      edges: this.edges,
    };
    this.functions.forEach((_, func) => {
      const self = appendInherited(Array.from(selves[func]), inherited);
      const total = appendInherited(Array.from(totals[func]), inherited);
      for (let t = 0; t < types; t++) {
        graph.self[t][func] = self[t];
        graph.total[t][func] = total[t];
      }
      const host = this.hostOf[func];
      if (host >= 0) graph.edges.push({ caller: host, callee: func, line: 0, values: total });
    });
    return graph;
  }

  /**
   * Per function: the total of the node of its lowest recursion level (see the file comment).
   * Inlined code makes no frame of its own: its first level's own cost counts what it called, and
   * may or may not hold its deeper levels (when the recursion went through those calls), so its
   * total is the larger of that and its self cost over all levels, both lower bounds of the truth.
   */
  private functionTotals(): Float64Array[] {
    const totals: Float64Array[] = this.functions.map(() => new Float64Array(this.events));
    // A node's own cost: its self cost and the calls from its lines that are not recursion.
    const own = this.nodes.map((node) => {
      const sum = new Float64Array(this.events);
      if (node.self) addInto(sum, node.self, this.events);
      if (node.calls) addInto(sum, node.calls, this.events);
      return sum;
    });
    const frame = own.map((sum) => Float64Array.from(sum));
    this.nodes.forEach((node, id) => {
      if (node.home === id) return;
      addInto(frame[node.home], own[id], this.events);
      if (node.self) addInto(totals[node.func], node.self, this.events);
    });
    this.lowestNode.forEach((id, func) => {
      const node = this.nodes[id];
      if (node.home === id) {
        totals[func] = node.incoming ?? frame[id];
      } else {
        for (let e = 0; e < this.events; e++) totals[func][e] = Math.max(totals[func][e], own[id][e]);
      }
    });
    return totals;
  }

  private functionId(object: string, file: string, name: string, host: number): number | undefined {
    const key = `${object}\u0000${file}\u0000${name}`;
    let id = this.funcIds.get(key);
    if (id !== undefined) return id;
    if (this.functions.length >= MAX_FUNCTIONS) return undefined;
    id = this.functions.length;
    const fn: ProfileFunction = { name };
    if (file !== '' && file !== '???') fn.file = file;
    if (object !== '') fn.module = object;
    this.functions.push(fn);
    this.funcIds.set(key, id);
    this.lines.push(new Map());
    this.lowestNode.push(-1);
    this.hostOf.push(host);
    return id;
  }
}
