/**
 * A profile's functions as a comparison sees them: one per name and file, whatever lines the
 * profiler recorded (a function that moved down the file is the same function), with self and
 * total values computed for the merged functions without double counting.
 */
import type { CallGraph, Profile } from '../profiles/model';
import { normalizeRecordedPath, Origin, PathMapper } from '../profiles/paths';
import { computeStats, ProfileStats } from '../profiles/stats';

export interface FunctionGroup {
  name: string;
  /** The recorded file, normalized (`/`-separated, no URL scheme); '' when the profile gave none. */
  file: string;
  /** The workspace file it maps to, when it is ours. */
  workspaceFile?: string;
  origin: Origin;
  /** The first line recorded for it, when any (0 otherwise). */
  line: number;
  /** The profile's function indices merged into this group. */
  members: number[];
}

export interface GroupedProfile {
  groups: FunctionGroup[];
  stats: ProfileStats;
}

function remapGraph(graph: CallGraph, groupOf: Int32Array, count: number): CallGraph {
  const sumInto = (values: Float64Array): Float64Array => {
    const summed = new Float64Array(count);
    values.forEach((v, func) => (summed[groupOf[func]] += v));
    return summed;
  };
  const self = graph.self.map(sumInto);
  const total = graph.total.map((values, type) => {
    // Merged functions that call each other would count some calls twice: no group's total
    // may exceed the profile's.
    let grand = 0;
    for (const v of self[type]) grand += v;
    return sumInto(values).map((v) => Math.min(v, grand));
  });
  const edges = graph.edges.map((e) => ({ ...e, caller: groupOf[e.caller], callee: groupOf[e.callee] }));
  return { self, total, lines: [], edges };
}

/** Groups a profile's functions by name and recorded file, and computes their figures. */
export function groupFunctions(profile: Profile, sampleType: number, mapper?: Pick<PathMapper, 'map'>): GroupedProfile {
  const groups: FunctionGroup[] = [];
  const byKey = new Map<string, number>();
  const groupOf = new Int32Array(profile.functions.length);
  profile.functions.forEach((fn, func) => {
    const file = fn.file ? normalizeRecordedPath(fn.file) : '';
    const key = `${fn.name}\u0000${file}`;
    let index = byKey.get(key);
    if (index === undefined) {
      const where = mapper?.map(fn);
      index = groups.length;
      byKey.set(key, index);
      groups.push({ name: fn.name, file, workspaceFile: where?.file, origin: where?.origin ?? 'unknown', line: fn.line ?? 0, members: [] });
    }
    const group = groups[index];
    group.members.push(func);
    if (!group.line && fn.line) group.line = fn.line;
    groupOf[func] = index;
  });
  const functions = groups.map((g) => ({ name: g.name, file: g.file || undefined }));
  const shape: Profile['shape'] =
    profile.shape.kind === 'tree'
      ? { kind: 'tree', tree: { ...profile.shape.tree, func: profile.shape.tree.func.map((f, node) => (node === 0 ? f : groupOf[f])) } }
      : { kind: 'graph', graph: remapGraph(profile.shape.graph, groupOf, groups.length) };
  return { groups, stats: computeStats({ ...profile, functions, shape }, sampleType) };
}
