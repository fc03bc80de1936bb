/**
 * The flame graph's geometry and search, as pure functions: where each frame goes for a zoom,
 * which frames are drawn at a width, where the arrow keys lead, how labels are cut, and what a
 * search matches and what share of the profile that is.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlameGraphData } from '../../../server/src/protocol';
import { ancestry, computeLayout, fitLabel, frameAt, neighbour, visibleFrames } from '../../../client/webview/flame-graph/layout';
import { searchFrames } from '../../../client/webview/flame-graph/search';

/** root (10) → main (6, self 1) → query (5); root → render (4). */
const nodes: FlameGraphData['nodes'] = { parent: [-1, 0, 1, 0], func: [0, 1, 2, 3], self: [0, 1, 5, 4], total: [10, 6, 5, 4] };
const ROOT = 0;
const MAIN = 1;
const QUERY = 2;
const RENDER = 3;

test('the layout puts each child after its elder siblings and knows where each subtree ends', () => {
  const layout = computeLayout(nodes);
  assert.deepEqual([...layout.depth], [0, 1, 2, 1]);
  assert.deepEqual([...layout.start], [0, 0, 0, 6]);
  assert.deepEqual([...layout.end], [4, 3, 3, 4]);
  assert.equal(layout.maxDepth, 2);
  assert.deepEqual(ancestry(nodes, QUERY), [ROOT, MAIN, QUERY]);
});

test('unzoomed, frames are as wide as their share of the root', () => {
  const frames = visibleFrames(nodes, computeLayout(nodes), ROOT, 100);
  assert.deepEqual(frames, [
    { node: ROOT, row: 0, x: 0, width: 100 },
    { node: MAIN, row: 1, x: 0, width: 60 },
    { node: QUERY, row: 2, x: 0, width: 50 },
    { node: RENDER, row: 1, x: 60, width: 40 },
  ]);
});

test('zoomed on a frame, it fills the width under its ancestors, and its siblings are gone', () => {
  const frames = visibleFrames(nodes, computeLayout(nodes), MAIN, 120);
  assert.deepEqual(frames, [
    { node: ROOT, row: 0, x: 0, width: 120 },
    { node: MAIN, row: 1, x: 0, width: 120 },
    { node: QUERY, row: 2, x: 0, width: 100 },
  ]);
});

test('frames narrower than the minimum width are not drawn, with their whole subtree', () => {
  const layout = computeLayout(nodes);
  assert.deepEqual(visibleFrames(nodes, layout, ROOT, 10, 5).map((f) => f.node), [ROOT, MAIN, QUERY]);
  assert.deepEqual(visibleFrames(nodes, layout, ROOT, 10, 6).map((f) => f.node), [ROOT, MAIN]);
  // 100,000 leaves of one sample each under a root 1,000 pixels wide: none is a pixel wide.
  const size = 100_001;
  const wide: FlameGraphData['nodes'] = { parent: [-1], func: [0], self: [0], total: [size - 1] };
  for (let i = 1; i < size; i++) {
    wide.parent.push(0);
    wide.func.push(1);
    wide.self.push(1);
    wide.total.push(1);
  }
  assert.deepEqual(visibleFrames(wide, computeLayout(wide), ROOT, 1000).map((f) => f.node), [ROOT]);
});

test('the frame under the pointer, and where the arrow keys lead', () => {
  const frames = visibleFrames(nodes, computeLayout(nodes), ROOT, 100);
  assert.equal(frameAt(frames, 18, 70, 20)?.node, RENDER);
  assert.equal(frameAt(frames, 18, 10, 40)?.node, QUERY);
  assert.equal(frameAt(frames, 18, 55, 40), undefined, 'right of query, under render, nothing is drawn');
  assert.equal(neighbour(frames, nodes, MAIN, 'right'), RENDER);
  assert.equal(neighbour(frames, nodes, RENDER, 'left'), MAIN);
  assert.equal(neighbour(frames, nodes, RENDER, 'right'), undefined);
  assert.equal(neighbour(frames, nodes, ROOT, 'down'), MAIN, 'down goes to the widest child');
  assert.equal(neighbour(frames, nodes, QUERY, 'up'), MAIN);
  assert.equal(neighbour(frames, nodes, ROOT, 'up'), undefined);
});

test('labels are cut with an ellipsis to fit their frame, or left out', () => {
  assert.equal(fitLabel('loadCustomers', 100, 7), 'loadCustomers');
  assert.equal(fitLabel('loadCustomers', 60, 7), 'loadCu…');
  assert.equal(fitLabel('loadCustomers', 15, 7), '');
});

test('search matches names case-insensitively and counts nested matches once in the share', () => {
  // root (12, self 2) → walk (8) → walk (5) → leaf (2); root → Walker (2).
  const data = {
    nodes: { parent: [-1, 0, 1, 2, 0], func: [0, 1, 1, 2, 3], self: [2, 3, 3, 2, 2], total: [12, 8, 5, 2, 2] },
    functions: [{ name: 'walk.cpuprofile', origin: 'unknown' as const }, { name: 'walk', origin: 'ours' as const }, { name: 'leaf', origin: 'ours' as const }, { name: 'Walker', origin: 'library' as const }],
  };
  const found = searchFrames(data, 'WALK');
  assert.deepEqual([...found.matched], [0, 1, 1, 0, 1], 'the root (the profile) is not a function');
  assert.equal(found.frames, 3);
  assert.equal(found.percent, ((8 + 2) / 12) * 100);
  assert.deepEqual(searchFrames(data, '  '), { matched: new Uint8Array(5), frames: 0, percent: 0 });
  assert.equal(searchFrames(data, 'nothing').frames, 0);
});
