/**
 * What a profile says per function and per line, for one sample type: self and total values,
 * line-level self values, callers and callees. Computed once per (profile, sample type).
 *
 * Totals do not double count recursion: a function's total is the value of the stacks it is on,
 * counted once per stack however many times it appears.
 */
import type { CallGraph, CallTree, Profile } from './model';
import { PairSums } from './pair-sums';

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
 * The figures of a call tree, from its self values alone: a node's self value counts for its
 * function and line, for each call on its way up to the root (a function calling another), and
 * once for each function on that way (so a recursive one is not counted twice). No array per node
 * is made: a heap profile's tree has millions of nodes, and only the ends of its samples' stacks
 * carry a value. Sums are in the order the importer gave the values, which gives the same figures
 * as summing node by node as long as the values are whole numbers (counts, bytes, nanoseconds).
 */
function treeStats(profile: Profile, tree: CallTree, sampleType: number): ProfileStats {
  const stats = emptyStats(profile, sampleType);
  const { func: funcs, parent: parents, line, selfNodes } = tree;
  const values = tree.selfValues[sampleType];
  const lines = new PairSums();
  // Calls as (callee, caller) pairs: callers[callee] and callees[caller] hold the same sums.
  const calls = new PairSums();
  // The self entry each function's total last took a value from: at most once per entry.
  const countedFor = new Int32Array(profile.functions.length).fill(-1);
  for (let k = 0; k < selfNodes.length; k++) {
    const value = values[k];
    if (value === 0) continue;
    stats.grand += value;
    const leaf = selfNodes[k];
    // The root's own value is part of the whole, and no function's.
    if (leaf === 0) continue;
    stats.self[funcs[leaf]] += value;
    lines.add(funcs[leaf], line[leaf], value);
    for (let node = leaf; node > 0; node = parents[node]) {
      const func = funcs[node];
      if (countedFor[func] !== k) {
        countedFor[func] = k;
        stats.total[func] += value;
      }
      const parent = parents[node];
      if (parent > 0 && funcs[parent] !== func) calls.add(func, funcs[parent], value);
    }
  }
  lines.intoMaps(stats.lines);
  calls.intoMaps(stats.callers);
  calls.intoMaps(stats.callees, true);
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
