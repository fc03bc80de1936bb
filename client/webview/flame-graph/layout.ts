/**
 * Where each frame of a flame graph goes, as pure functions over the node arrays (no DOM), so
 * that the drawing code only paints what these say and node's test runner can check them.
 *
 * Nodes come in depth-first order (a subtree is the run of indexes after its root), which makes
 * a node's left edge its parent's left edge plus the totals of the siblings before it, and lets a
 * walk skip a whole subtree that is too narrow to see by jumping to its end.
 */
import type { FlameGraphData } from '../../../server/src/protocol';

export type FlameNodes = FlameGraphData['nodes'];

export interface FlameLayout {
  /** Per node: depth (root 0), left edge in value units from the root's left edge, end of its subtree (exclusive). */
  depth: Int32Array;
  start: Float64Array;
  end: Int32Array;
  maxDepth: number;
}

export function computeLayout(nodes: FlameNodes): FlameLayout {
  const size = nodes.parent.length;
  const depth = new Int32Array(size);
  const start = new Float64Array(size);
  const end = new Int32Array(size);
  // The next free left edge under each node, as its children are met in order.
  const cursor = new Float64Array(size);
  let maxDepth = 0;
  for (let node = 1; node < size; node++) {
    const parent = nodes.parent[node];
    depth[node] = depth[parent] + 1;
    start[node] = start[parent] + cursor[parent];
    cursor[parent] += nodes.total[node];
    if (depth[node] > maxDepth) maxDepth = depth[node];
  }
  for (let node = size - 1; node >= 0; node--) {
    end[node] = Math.max(end[node], node + 1);
    const parent = nodes.parent[node];
    if (parent >= 0 && end[node] > end[parent]) end[parent] = end[node];
  }
  return { depth, start, end, maxDepth };
}

/** A frame to draw: the node, its row, and its horizontal extent in pixels. */
export interface Frame {
  node: number;
  row: number;
  x: number;
  width: number;
}

/** The chain from the root down to `node`, root first. */
export function ancestry(nodes: FlameNodes, node: number): number[] {
  const chain: number[] = [];
  for (let at = node; at >= 0; at = nodes.parent[at]) chain.push(at);
  return chain.reverse();
}

/** Whether `node` is `ancestor` or lies in its subtree. */
export function isWithin(layout: FlameLayout, node: number, ancestor: number): boolean {
  return node >= ancestor && node < layout.end[ancestor];
}

/**
 * The frames seen when zoomed on `focus` in a view `width` pixels wide: the focus's ancestors
 * across the whole width (as context), then the focus's subtree scaled so that the focus fills
 * the width. Subtrees narrower than `minWidth` pixels are skipped whole.
 */
export function visibleFrames(nodes: FlameNodes, layout: FlameLayout, focus: number, width: number, minWidth = 1): Frame[] {
  const frames: Frame[] = [];
  for (const node of ancestry(nodes, focus)) if (node !== focus) frames.push({ node, row: layout.depth[node], x: 0, width });
  const span = nodes.total[focus];
  if (!(span > 0)) return frames.concat({ node: focus, row: layout.depth[focus], x: 0, width });
  const scale = width / span;
  const origin = layout.start[focus];
  for (let node = focus; node < layout.end[focus]; ) {
    const w = nodes.total[node] * scale;
    if (w < minWidth) {
      node = layout.end[node];
      continue;
    }
    frames.push({ node, row: layout.depth[node], x: (layout.start[node] - origin) * scale, width: w });
    node++;
  }
  return frames;
}

/** The frame under a point, if any. */
export function frameAt(frames: readonly Frame[], rowHeight: number, x: number, y: number): Frame | undefined {
  const row = Math.floor(y / rowHeight);
  return frames.find((f) => f.row === row && x >= f.x && x < f.x + f.width);
}

/**
 * The frame the arrow keys move to from `from`: up to its parent, down to its widest child, left
 * and right to the neighbouring frame in the same row. Only frames on screen are reachable.
 */
export function neighbour(frames: readonly Frame[], nodes: FlameNodes, from: number, key: 'up' | 'down' | 'left' | 'right'): number | undefined {
  const here = frames.find((f) => f.node === from);
  if (!here) return frames[0]?.node;
  if (key === 'up') return frames.some((f) => f.node === nodes.parent[from]) ? nodes.parent[from] : undefined;
  if (key === 'down') {
    let best: Frame | undefined;
    for (const f of frames) if (nodes.parent[f.node] === from && (!best || f.width > best.width)) best = f;
    return best?.node;
  }
  const row = frames.filter((f) => f.row === here.row).sort((a, b) => a.x - b.x);
  const at = row.indexOf(here);
  return row[key === 'left' ? at - 1 : at + 1]?.node;
}

/**
 * A label that fits `width` pixels, with an ellipsis when cut, from an average character width;
 * empty when not even two characters fit.
 */
export function fitLabel(text: string, width: number, charWidth: number, padding = 4): string {
  const room = Math.floor((width - 2 * padding) / charWidth);
  if (room >= text.length) return text;
  if (room < 2) return '';
  return `${text.slice(0, room - 1)}…`;
}
