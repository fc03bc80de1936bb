/**
 * Search in a flame graph: which frames' function names contain the query, and what share of
 * the profile they account for, as pure functions (no DOM).
 */
import type { FlameGraphData } from '../../../server/src/protocol';

export interface SearchResult {
  /** Per node: 1 when its function's name matches. */
  matched: Uint8Array;
  /** How many frames match. */
  frames: number;
  /** Share of the root's total (0–100) spent in matching frames, counted once where matches nest. */
  percent: number;
}

/** Case-insensitive substring search; an empty (or blank) query matches nothing. */
export function searchFrames(data: Pick<FlameGraphData, 'nodes' | 'functions'>, query: string): SearchResult {
  const { nodes, functions } = data;
  const size = nodes.parent.length;
  const matched = new Uint8Array(size);
  const needle = query.trim().toLowerCase();
  if (!needle || size === 0) return { matched, frames: 0, percent: 0 };
  const byFunction = functions.map((fn) => fn.name.toLowerCase().includes(needle));
  // A node under a matching node is already counted in that node's total.
  const covered = new Uint8Array(size);
  let frames = 0;
  let value = 0;
  for (let node = 1; node < size; node++) {
    const parent = nodes.parent[node];
    if (parent >= 0 && (covered[parent] || matched[parent])) covered[node] = 1;
    if (!byFunction[nodes.func[node]]) continue;
    matched[node] = 1;
    frames++;
    if (!covered[node]) value += nodes.total[node];
  }
  const root = nodes.total[0];
  return { matched, frames, percent: root > 0 ? (value / root) * 100 : 0 };
}
