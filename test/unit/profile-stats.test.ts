/**
 * Self and total per function from a call tree, recursion counted once per stack.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Profile, SampleType } from '../../server/src/profiles/model';
import { selfSum } from '../../server/src/profiles/self-values';
import { computeStats } from '../../server/src/profiles/stats';
import { TreeBuilder } from '../../server/src/profiles/tree-builder';

/** The profile of the tree built so far, named `test`, the first sample type shown. */
function treeProfile(b: TreeBuilder, sampleTypes: SampleType[]): Profile {
  return { format: 'test', source: 'test', sampleTypes, defaultSampleType: 0, functions: b.functions, shape: { kind: 'tree', tree: b.build() } };
}

test('self, total, lines, callers and callees of a tree with recursion', () => {
  const b = new TreeBuilder(1);
  const main = b.functionId({ name: 'main', file: 'app.js', line: 1 });
  const walk = b.functionId({ name: 'walk', file: 'app.js', line: 10 });
  const leaf = b.functionId({ name: 'leaf', file: 'lib.js', line: 3 });
  // main@5 → walk@12 → walk@12 → leaf@4 : 3 samples
  b.addStack([{ func: main, line: 5 }, { func: walk, line: 12 }, { func: walk, line: 12 }, { func: leaf, line: 4 }], [3]);
  // main@5 → walk@11 : 2 samples
  b.addStack([{ func: main, line: 5 }, { func: walk, line: 11 }], [2]);
  // main@6 : 5 samples
  b.addStack([{ func: main, line: 6 }], [5]);
  const profile = treeProfile(b, [{ type: 'samples', unit: 'samples' }]);
  const s = computeStats(profile);
  assert.equal(s.grand, 10);
  assert.deepEqual([...s.self], [5, 2, 3]);
  assert.deepEqual([...s.total], [10, 5, 3]);
  assert.deepEqual([...s.lines[main]!], [[6, 5]]);
  assert.deepEqual([...s.lines[walk]!], [[11, 2]]);
  assert.deepEqual([...s.callers[walk]!], [[main, 5]]);
  assert.deepEqual([...s.callees[walk]!], [[leaf, 3]]);
  assert.throws(() => computeStats(profile, 3), /test has no sample type #3/);
});

test('the same function, file and line is one function; children are found again', () => {
  const b = new TreeBuilder(2);
  const a = b.functionId({ name: 'a', file: 'x.go', line: 1 });
  assert.equal(b.functionId({ name: 'a', file: 'x.go', line: 1 }), a);
  assert.notEqual(b.functionId({ name: 'a', file: 'y.go', line: 1 }), a);
  for (let i = 0; i < 5000; i++) b.addStack([{ func: a, line: i % 100 }], [1, 2]);
  const tree = b.build();
  assert.equal(tree.size, 101);
  assert.equal(selfSum(tree, 1), 10000);
});

test('a place sampled again, right after or later, adds up in every sample type, values past 32 bits and fractions included', () => {
  const b = new TreeBuilder(2);
  const main = b.functionId({ name: 'main', file: 'app.go', line: 1 });
  const work = b.functionId({ name: 'work', file: 'app.go', line: 6 });
  const atWork = [
    { func: main, line: 2 },
    { func: work, line: 7 },
  ];
  b.addStack(atWork, [1, 2_000_000_000]);
  b.addStack(atWork, [1, 2_000_000_000]);
  b.addStack([{ func: main, line: 3 }], [1, 0.5]);
  b.addStack(atWork, [1, 0]);
  b.addStack([{ func: main, line: 3 }], [0, 0]);
  const profile = treeProfile(b, [
    { type: 'samples', unit: 'samples' },
    { type: 'alloc_space', unit: 'bytes' },
  ]);
  const samples = computeStats(profile, 0);
  assert.equal(samples.grand, 4);
  assert.deepEqual([...samples.self], [1, 3]);
  assert.deepEqual([...samples.total], [4, 3]);
  assert.deepEqual([...samples.lines[main]!], [[3, 1]]);
  assert.deepEqual([...samples.lines[work]!], [[7, 3]]);
  const bytes = computeStats(profile, 1);
  assert.equal(bytes.grand, 4_000_000_000.5);
  assert.deepEqual([...bytes.self], [0.5, 4_000_000_000]);
  assert.deepEqual([...bytes.total], [4_000_000_000.5, 4_000_000_000]);
  assert.deepEqual([...bytes.callers[work]!], [[main, 4_000_000_000]]);
});
