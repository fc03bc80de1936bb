/**
 * Self and total per function from a call tree, recursion counted once per stack.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Profile } from '../../server/src/profiles/model';
import { selfSum } from '../../server/src/profiles/self-values';
import { computeStats } from '../../server/src/profiles/stats';
import { TreeBuilder } from '../../server/src/profiles/tree-builder';

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
  const profile: Profile = {
    format: 'test',
    source: 'test',
    sampleTypes: [{ type: 'samples', unit: 'samples' }],
    defaultSampleType: 0,
    functions: b.functions,
    shape: { kind: 'tree', tree: b.build() },
  };
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
