/**
 * The node lists of V8's profiles (.cpuprofile, the ProfileChunk events of Chrome traces), checked
 * to form a forest: every id unique, every link naming a node of the profile, one parent per
 * node, no cycles. Nodes link to their children (`children: [ids]`, .cpuprofile) or to their
 * parent (`parent: id`, traces); both become one parent index per node.
 */
import type { JsonShape } from './json-input';
import type { V8NodeList } from './v8-node-list';

export interface V8NodeTable {
  size: number;
  /** The index of each node's parent in the node list, -1 for a root. */
  parent: Int32Array;
  /** Every node index once, each parent before its children. */
  order: Int32Array;
  /** The id each node has in the file. */
  ids: Float64Array;
  /** The index of the node with this id, or -1 when the profile has none. */
  indexOf(id: number): number;
}

/**
 * Finds node indexes by id: a flat table when ids are small and dense (as V8 writes them, 1…n),
 * a Map otherwise, so that absurd ids cost no memory.
 */
class IdIndex {
  private readonly dense?: Int32Array;
  private readonly sparse?: Map<number, number>;

  constructor(shape: JsonShape, ids: Float64Array) {
    let max = -1;
    let min = 0;
    for (const id of ids) {
      if (id > max) max = id;
      if (id < min) min = id;
    }
    if (min >= 0 && max < 4 * ids.length + 1024) {
      const dense = new Int32Array(max + 1).fill(-1);
      ids.forEach((id, index) => {
        if (dense[id] !== -1) shape.fail(`two nodes have the id ${id}`);
        dense[id] = index;
      });
      this.dense = dense;
    } else {
      const sparse = new Map<number, number>();
      ids.forEach((id, index) => {
        if (sparse.has(id)) shape.fail(`two nodes have the id ${id}`);
        sparse.set(id, index);
      });
      this.sparse = sparse;
    }
  }

  get(id: number): number {
    if (this.dense) return id >= 0 && id < this.dense.length && Number.isInteger(id) ? this.dense[id] : -1;
    return this.sparse!.get(id) ?? -1;
  }
}

/** Every node index once, parents first; or the index of a node on a cycle when there is one. */
function parentsFirst(parent: Int32Array): { order: Int32Array } | { cycleAt: number } {
  const size = parent.length;
  const start = new Int32Array(size + 1);
  for (let node = 0; node < size; node++) if (parent[node] >= 0) start[parent[node] + 1]++;
  for (let i = 1; i <= size; i++) start[i] += start[i - 1];
  const next = start.slice(0, size);
  const children = new Int32Array(size);
  for (let node = 0; node < size; node++) if (parent[node] >= 0) children[next[parent[node]]++] = node;
  const order = new Int32Array(size);
  let length = 0;
  for (let node = 0; node < size; node++) if (parent[node] < 0) order[length++] = node;
  for (let at = 0; at < length; at++) {
    const node = order[at];
    for (let i = start[node]; i < start[node + 1]; i++) order[length++] = children[i];
  }
  if (length === size) return { order };
  // Nodes never reached from a root all lie on, or hang below, a cycle of parent links.
  const reached = new Uint8Array(size);
  for (let at = 0; at < length; at++) reached[order[at]] = 1;
  let node = reached.indexOf(0);
  for (let steps = 0; steps < size; steps++) node = parent[node];
  return { cycleAt: node };
}

/** Checks a node list's links and links its nodes into a forest. */
export function v8NodeTable(shape: JsonShape, list: V8NodeList): V8NodeTable {
  const { ids, linkStart, linkIds } = list;
  const index = new IdIndex(shape, ids);
  const parent = new Int32Array(list.size).fill(-1);
  for (let i = 0; i < list.size; i++) {
    for (let k = linkStart[i]; k < linkStart[i + 1]; k++) {
      const at = index.get(linkIds[k]);
      if (list.links === 'parent') {
        if (at < 0) shape.fail(`node ${ids[i]} names parent ${linkIds[k]} which is not a node of the profile`);
        parent[i] = at;
        continue;
      }
      if (at < 0) shape.fail(`node ${ids[i]} names child ${linkIds[k]} which is not a node of the profile`);
      if (parent[at] !== -1) shape.fail(`node ${linkIds[k]} is a child of both node ${ids[parent[at]]} and node ${ids[i]}`);
      parent[at] = i;
    }
  }
  const ordered = parentsFirst(parent);
  if ('cycleAt' in ordered) shape.fail(`node ${ids[ordered.cycleAt]} is its own ancestor: the node links form a cycle`);
  return { size: list.size, parent, order: ordered.order, ids, indexOf: (id) => index.get(id) };
}
