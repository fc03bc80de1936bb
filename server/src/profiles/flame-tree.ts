/**
 * The active profile's call tree as a flame graph draws it: one node per call path of functions
 * (calls from different lines of the caller merged), children hottest first, in flat arrays in
 * depth-first order so that a subtree is one run of indexes. Nodes beyond a cap are merged into
 * one "other" node per parent, so that a profile with millions of paths still transfers and draws.
 */
import type { FlameFunction, FlameGraphData } from '../protocol';
import { formatValue } from './format';
import type { CallTree, Profile } from './model';
import type { MappedFrame } from './paths';
import { selfColumn } from './self-values';
import { childrenOf } from './stats';

/** At most this many nodes are sent; beyond it, the coldest are merged into "other" nodes. */
export const FLAME_NODE_CAP = 200_000;

/** The name of the node that stands for the merged children of a parent. */
export const OTHER_NAME = '(other)';

interface MergedTree {
  parent: Int32Array;
  func: Int32Array;
  self: Float64Array;
  total: Float64Array;
  size: number;
}

/**
 * Merges the children of a node that call the same function (from different lines of the
 * caller) into one node. Parents come before children in a CallTree, so one pass suffices. The
 * merged children are found through an open-addressing table of merged nodes keyed by (parent,
 * function): a Map of a million keys costs several times the rest of the work.
 */
function mergeByFunction(tree: CallTree, selfValues: Float64Array): MergedTree {
  const parent = new Int32Array(tree.size);
  const func = new Int32Array(tree.size);
  const self = new Float64Array(tree.size);
  const into = new Int32Array(tree.size);
  const slots = new Int32Array(2 ** Math.ceil(Math.log2(2 * tree.size + 2))).fill(-1);
  const mask = slots.length - 1;
  parent[0] = -1;
  func[0] = -1;
  self[0] = selfValues[0];
  let size = 1;
  for (let node = 1; node < tree.size; node++) {
    const newParent = into[tree.parent[node]];
    const f = tree.func[node];
    let hash = Math.imul(newParent ^ 0x9e3779b9, 0x85ebca6b);
    hash = Math.imul(hash ^ f ^ (hash >>> 13), 0xc2b2ae35);
    let slot = (hash ^ (hash >>> 16)) & mask;
    let merged = slots[slot];
    while (merged !== -1 && (parent[merged] !== newParent || func[merged] !== f)) {
      slot = (slot + 1) & mask;
      merged = slots[slot];
    }
    if (merged === -1) {
      merged = size++;
      parent[merged] = newParent;
      func[merged] = f;
      slots[slot] = merged;
    }
    into[node] = merged;
    self[merged] += selfValues[node];
  }
  const total = self.slice(0, size);
  for (let node = size - 1; node > 0; node--) total[parent[node]] += total[node];
  return { parent: parent.subarray(0, size), func: func.subarray(0, size), self: self.subarray(0, size), total, size };
}

/**
 * The total below which nodes are merged so that at most `cap` nodes remain, kept nodes and
 * "other" nodes counted: keeping nodes whose total is above the (cap/2)-th largest keeps at most
 * cap/2 nodes, and each kept node gets at most one "other" child. A child's total never exceeds
 * its parent's, so the kept nodes always form a tree.
 */
function keepAbove(total: Float64Array, cap: number): number {
  if (total.length <= cap) return -Infinity;
  const sorted = Float64Array.from(total).sort();
  return sorted[sorted.length - Math.floor(cap / 2)];
}

/** Children lists, hottest first, as offsets into one array. */
function sortedChildren(tree: MergedTree): { start: Int32Array; list: Int32Array } {
  const { start, list } = childrenOf(tree);
  for (let node = 0; node < tree.size; node++) {
    if (start[node + 1] - start[node] > 1) list.subarray(start[node], start[node + 1]).sort((a, b) => tree.total[b] - tree.total[a] || a - b);
  }
  return { start, list };
}

export interface FlameTreeOptions {
  /** Which of the profile's sample types (default: the profile's default). */
  sampleType?: number;
  /** The profile's file name, as the user sees it. */
  name: string;
  /** Where a function's code is. */
  map(fn: Profile['functions'][number]): MappedFrame;
  /** The file's URI for a mapped workspace path. */
  uriOf(file: string): string;
  cap?: number;
}

/** The flame graph of a profile with call stacks, or why it has none. */
export function buildFlameTree(profile: Profile, options: FlameTreeOptions): FlameGraphData | { problem: string } {
  const sampleType = options.sampleType ?? profile.defaultSampleType;
  if (sampleType < 0 || sampleType >= profile.sampleTypes.length) return { problem: `${options.name} has no sample type #${sampleType}` };
  if (profile.shape.kind !== 'tree') {
    return { problem: `${options.name} (${profile.format}) records costs per function and call, not whole call stacks, so it has no flame graph.` };
  }
  const cap = Math.max(options.cap ?? FLAME_NODE_CAP, 2);
  const merged = mergeByFunction(profile.shape.tree, selfColumn(profile.shape.tree, sampleType));
  const threshold = keepAbove(merged.total, cap);
  const { start, list } = sortedChildren(merged);

  const functionIndex = new Map<number, number>();
  const functions: FlameFunction[] = [];
  const functionOf = (func: number): number => {
    let index = functionIndex.get(func);
    if (index === undefined) {
      index = functions.length;
      functionIndex.set(func, index);
      functions.push(describe(func));
    }
    return index;
  };
  const describe = (func: number): FlameFunction => {
    if (func === -1) return { name: options.name, origin: 'unknown' };
    if (func === -2) return { name: OTHER_NAME, origin: 'unknown' };
    const fn = profile.functions[func];
    const where = options.map(fn);
    const described: FlameFunction = { name: fn.name || '(anonymous)', origin: where.origin };
    if (where.file) {
      described.uri = options.uriOf(where.file);
      described.line = Math.max((fn.line ?? 1) - 1, 0);
    }
    if (fn.module) described.module = fn.module;
    return described;
  };

  const out = { parent: [] as number[], func: [] as number[], self: [] as number[], total: [] as number[] };
  const push = (parent: number, func: number, self: number, total: number): number => {
    out.parent.push(parent);
    out.func.push(functionOf(func));
    out.self.push(self);
    out.total.push(total);
    return out.parent.length - 1;
  };
  const below = new Int32Array(merged.size).fill(1);
  for (let node = merged.size - 1; node > 0; node--) below[merged.parent[node]] += below[node];
  let mergedNodes = 0;
  // Depth first, hottest child first, each node numbered as it is popped so that a subtree is one
  // run of indexes. An entry is (node or OTHER, output index of its parent, value of an "other").
  const OTHER = -2;
  const stack: number[] = [0, -1, 0];
  while (stack.length > 0) {
    const value = stack.pop()!;
    const outParent = stack.pop()!;
    const node = stack.pop()!;
    if (node === OTHER) {
      push(outParent, OTHER, value, value);
      continue;
    }
    const at = push(outParent, node === 0 ? -1 : merged.func[node], merged.self[node], merged.total[node]);
    let other = 0;
    const kept: number[] = [];
    for (let i = start[node]; i < start[node + 1]; i++) {
      const child = list[i];
      if (merged.total[child] > threshold) kept.push(child);
      else if (merged.total[child] > 0) {
        other += merged.total[child];
        mergedNodes += below[child];
      }
    }
    // The "other" node is the coldest, so it comes last: pushed first, it is popped last.
    if (other > 0) stack.push(OTHER, at, other);
    for (let i = kept.length - 1; i >= 0; i--) stack.push(kept[i], at, 0);
  }
  const unit = profile.sampleTypes[sampleType].unit;
  const data: FlameGraphData = {
    profile: options.name,
    sampleType: profile.sampleTypes[sampleType].type,
    unit,
    totalLabel: formatValue(merged.total[0], unit),
    nodes: out,
    functions,
  };
  if (mergedNodes > 0) {
    data.merged = {
      nodes: mergedNodes,
      note: `${mergedNodes.toLocaleString('en-US')} of ${(merged.size - 1).toLocaleString('en-US')} call paths, each under ${formatValue(threshold, unit)}, are merged into "${OTHER_NAME}" nodes to keep the graph under ${cap.toLocaleString('en-US')} nodes.`,
    };
  }
  return data;
}
