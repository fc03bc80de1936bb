/**
 * How long each sample of a V8 CPU profile stands for, and which node its time goes to, computed
 * as Chrome DevTools' timeline does so that our `cpu` times match what users see there:
 * - samples are taken in time order (V8's `timeDeltas` can go backwards; then they are sorted);
 * - a sample lasts until the next one, and the last one lasts the average gap;
 * - a lone `(program)` sample between two samples under the same outermost function is a stack
 *   V8 failed to walk: its time goes to the sample before it.
 */
import type { V8NodeTable } from './v8-nodes';

/** Sample indexes in time order, or undefined when the samples are in time order already. */
export function timeOrder(deltas: ArrayLike<number>): Uint32Array | undefined {
  let ordered = true;
  for (let i = 1; i < deltas.length && ordered; i++) if (deltas[i] < 0) ordered = false;
  if (ordered) return undefined;
  const times = new Float64Array(deltas.length);
  let time = 0;
  for (let i = 0; i < deltas.length; i++) times[i] = time += deltas[i];
  return Uint32Array.from({ length: deltas.length }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
}

/**
 * Calls `visit(sample, micros)` with each sample's time, in time order. `deltas` are microseconds
 * from the previous sample (the first from the start of the recording), checked to be finite.
 */
export function forEachSampleTime(deltas: ArrayLike<number>, order: Uint32Array | undefined, visit: (sample: number, micros: number) => void): void {
  const n = deltas.length;
  if (n === 0) return;
  if (!order) {
    let span = 0;
    for (let i = 0; i < n - 1; i++) {
      span += deltas[i + 1];
      visit(i, deltas[i + 1]);
    }
    visit(n - 1, n > 1 ? span / (n - 1) : 0);
    return;
  }
  const times = new Float64Array(n);
  let time = 0;
  for (let i = 0; i < n; i++) times[i] = time += deltas[i];
  for (let rank = 0; rank < n - 1; rank++) visit(order[rank], times[order[rank + 1]] - times[order[rank]]);
  visit(order[n - 1], n > 1 ? (times[order[n - 1]] - times[order[0]]) / (n - 1) : 0);
}

/** The node of the profile's top-level entry named `name`, or -1. */
function topLevelNode(table: V8NodeTable, names: (index: number) => string, root: number, name: string): number {
  for (let i = 0; i < table.size; i++) if (table.parent[i] === root && names(i) === name) return i;
  return -1;
}

/**
 * The node each sample's time goes to: the sampled node, except for a lone `(program)` sample
 * between two samples whose stacks share their outermost function (below the root), neither of
 * them `(program)`, `(garbage collector)` or `(idle)`: that one goes to the sample before it.
 * `names` gives each node's function name; `at` holds each sample's node index; `order` the samples
 * in time order when the file's is not.
 */
export function timedNodes(table: V8NodeTable, names: (index: number) => string, at: Int32Array, order: Uint32Array | undefined): Int32Array {
  // `at` itself unless a sample moves; a copy is made on the first move.
  let timed = at;
  const n = at.length;
  // The fix needs one root, as V8 writes profiles: `(root)`.
  let root = -1;
  for (let i = 0; i < table.size; i++) {
    if (table.parent[i] >= 0) continue;
    if (root >= 0) return timed;
    root = i;
  }
  const program = root < 0 ? -1 : topLevelNode(table, names, root, '(program)');
  if (program < 0 || n < 3) return timed;
  const gc = topLevelNode(table, names, root, '(garbage collector)');
  const idle = topLevelNode(table, names, root, '(idle)');
  const isSystem = (node: number): boolean => node === program || node === gc || node === idle;
  // The outermost function of each node's stack: its ancestor just below the root.
  const outermost = new Int32Array(table.size);
  for (const node of table.order) {
    const parent = table.parent[node];
    outermost[node] = parent < 0 || table.parent[parent] < 0 ? node : outermost[parent];
  }
  const sample = (rank: number): number => (order ? order[rank] : rank);
  let previous = at[sample(0)];
  let current = at[sample(1)];
  for (let rank = 1; rank < n - 1; rank++) {
    const next = at[sample(rank + 1)];
    if (current === program && !isSystem(previous) && !isSystem(next) && outermost[previous] === outermost[next]) {
      if (timed === at) timed = at.slice();
      timed[sample(rank)] = previous;
    }
    previous = current;
    current = next;
  }
  return timed;
}
