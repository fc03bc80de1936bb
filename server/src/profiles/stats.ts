/**
 * What a profile says per function and per line, for one sample type: self and total values,
 * line-level self values, callers and callees. Computed once per (profile, sample type).
 *
 * Totals do not double count recursion: a function's total is the value of the stacks it is on,
 * counted once per stack however many times it appears.
 */
import type { CallGraph, CallTree, Profile } from './model';
import { grown } from './importers/typed-arrays';
import { PairSums } from './pair-sums';
import { selfColumn } from './self-values';

export interface ProfileStats {
  sampleType: number;
  /** The sum of all self values: 100% of the profile. */
  grand: number;
  self: Float64Array;
  total: Float64Array;
  /** Per function, self value per 1-based line (line 0 is "unknown"). */
  lines: Array<Map<number, number> | undefined>;
  /** Per function, the inclusive value of its calls from each caller / to each callee. */
  callers: Array<Map<number, number> | undefined>;
  callees: Array<Map<number, number> | undefined>;
}

function addTo(maps: Array<Map<number, number> | undefined>, at: number, key: number, value: number): void {
  if (value === 0) return;
  let map = maps[at];
  if (!map) maps[at] = map = new Map();
  map.set(key, (map.get(key) ?? 0) + value);
}

function emptyStats(profile: Profile, sampleType: number): ProfileStats {
  const n = profile.functions.length;
  return {
    sampleType,
    grand: 0,
    self: new Float64Array(n),
    total: new Float64Array(n),
    lines: new Array(n),
    callers: new Array(n),
    callees: new Array(n),
  };
}

/**
 * Children lists of a tree, as offsets into one array (parents come before children), each list
 * in node order. The lists are filled from their ends, so that the offsets themselves serve as
 * the cursors and no third array is needed: a profile's tree may have millions of nodes.
 */
export function childrenOf(tree: Pick<CallTree, 'parent' | 'size'>): { start: Int32Array; list: Int32Array } {
  // Counted at parent + 2 and summed, offsets[p + 2] is where p's children end; filling each list
  // backwards from there leaves it where they begin, which is where p - 1's end.
  const offsets = new Int32Array(tree.size + 3);
  for (let node = 1; node < tree.size; node++) offsets[tree.parent[node] + 2]++;
  for (let i = 2; i < offsets.length; i++) offsets[i] += offsets[i - 1];
  const list = new Int32Array(Math.max(tree.size - 1, 0));
  for (let node = tree.size - 1; node >= 1; node--) list[--offsets[tree.parent[node] + 2]] = node;
  return { start: offsets.subarray(2), list };
}

/**
 * Each function's total: the inclusive value of its nodes that have no ancestor of the same
 * function. A depth-first walk (last child first) keeps how often each function is on the current
 * path; it holds only that path, each node with the next of its children to visit, as a tree
 * may have millions of nodes.
 */
function addTotals(tree: CallTree, inclusive: Float64Array, functions: number, total: Float64Array): void {
  const { start, list } = childrenOf(tree);
  const onPath = new Int32Array(functions);
  let path = new Int32Array(64);
  let next = new Int32Array(64);
  path[0] = 0;
  next[0] = start[1];
  let depth = 1;
  while (depth > 0) {
    const at = depth - 1;
    if (next[at] === start[path[at]]) {
      // Every child visited: the node leaves the path (the root is on no function's count).
      if (at > 0) onPath[tree.func[path[at]]]--;
      depth--;
      continue;
    }
    const node = list[--next[at]];
    const func = tree.func[node];
    if (onPath[func] === 0) total[func] += inclusive[node];
    onPath[func]++;
    path = grown(path, depth + 1);
    next = grown(next, depth + 1);
    path[depth] = node;
    next[depth++] = start[node + 1];
  }
}

function treeStats(profile: Profile, tree: CallTree, sampleType: number): ProfileStats {
  const stats = emptyStats(profile, sampleType);
  const { func: funcs, parent: parents, line } = tree;
  // Each node's self value first; summed up the tree in place after the self figures are taken.
  const inclusive = selfColumn(tree, sampleType);
  const lines = new PairSums();
  for (let node = 1; node < tree.size; node++) {
    const func = funcs[node];
    stats.self[func] += inclusive[node];
    lines.add(func, line[node], inclusive[node]);
  }
  for (let node = tree.size - 1; node > 0; node--) inclusive[parents[node]] += inclusive[node];
  stats.grand = inclusive[0];
  // Calls as (callee, caller) pairs: callers[callee] and callees[caller] hold the same sums.
  const calls = new PairSums();
  for (let node = 1; node < tree.size; node++) {
    const func = funcs[node];
    const parent = parents[node];
    if (parent > 0 && funcs[parent] !== func) calls.add(func, funcs[parent], inclusive[node]);
  }
  lines.intoMaps(stats.lines);
  calls.intoMaps(stats.callers);
  calls.intoMaps(stats.callees, true);
  addTotals(tree, inclusive, profile.functions.length, stats.total);
  return stats;
}

function graphStats(profile: Profile, graph: CallGraph, sampleType: number): ProfileStats {
  const stats = emptyStats(profile, sampleType);
  stats.self.set(graph.self[sampleType]);
  stats.total.set(graph.total[sampleType]);
  for (const value of graph.self[sampleType]) stats.grand += value;
  graph.lines.forEach((byLine, func) => {
    for (const [line, values] of byLine) addTo(stats.lines, func, line, values[sampleType] ?? 0);
  });
  for (const edge of graph.edges) {
    if (edge.caller === edge.callee) continue;
    addTo(stats.callers, edge.callee, edge.caller, edge.values[sampleType] ?? 0);
    addTo(stats.callees, edge.caller, edge.callee, edge.values[sampleType] ?? 0);
  }
  return stats;
}

export function computeStats(profile: Profile, sampleType = profile.defaultSampleType): ProfileStats {
  if (sampleType < 0 || sampleType >= profile.sampleTypes.length) {
    throw new Error(`${profile.source} has no sample type #${sampleType}`);
  }
  return profile.shape.kind === 'tree'
    ? treeStats(profile, profile.shape.tree, sampleType)
    : graphStats(profile, profile.shape.graph, sampleType);
}
