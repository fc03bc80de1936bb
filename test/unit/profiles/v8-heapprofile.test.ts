/**
 * The .heapprofile importer on real profiles: the corpus one (3 samples, checked by hand) and a
 * recorded one with many samples, against DevTools' heap profile tree and an independent count.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ProfileError } from '../../../server/src/profiles/importer';
import { v8HeapProfileImporter } from '../../../server/src/profiles/importers/v8-heapprofile';
import { toInput } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';
import { callFrameKey, devtoolsHeapProfile } from './devtools-reference';
import { assertAgreement, logTable, ourShares, Shares } from './function-shares';

const v8Dir = path.join(fixturesDir, 'profiles', 'v8');
const SPACE = 0;
const OBJECTS = 1;

function importText(name: string, text: string): Profile {
  return v8HeapProfileImporter.read(toInput(name, Buffer.from(text)));
}

interface HeapNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children: HeapNode[];
}

/** Counts `samples[]` per function (self) and per distinct function up the stack (total), from the JSON alone. */
function handCountObjects(text: string): Shares {
  const profile = JSON.parse(text) as { head: HeapNode; samples: Array<{ nodeId: number }> };
  const stackOf = new Map<number, string[]>();
  const walk: Array<{ node: HeapNode; stack: string[] }> = [{ node: profile.head, stack: [] }];
  while (walk.length > 0) {
    const { node, stack } = walk.pop()!;
    const here = [...stack, callFrameKey(node.callFrame)];
    stackOf.set(node.id, here);
    for (const child of node.children) walk.push({ node: child, stack: here });
  }
  // Samples of nodes missing from the tree count nowhere (see the importer).
  const placed = profile.samples.filter(({ nodeId }) => stackOf.has(nodeId));
  const shares: Shares = new Map();
  const one = 100 / placed.length;
  for (const { nodeId } of placed) {
    const stack = stackOf.get(nodeId)!;
    const leaf = stack[stack.length - 1];
    for (const key of new Set(stack)) {
      const share = shares.get(key) ?? { self: 0, total: 0 };
      share.total += one;
      if (key === leaf) share.self += one;
      shares.set(key, share);
    }
  }
  return shares;
}

test('app.heapprofile: three samples, shares as derived by hand', () => {
  const profile = v8HeapProfileImporter.read(toInput('app.heapprofile', fs.readFileSync(path.join(v8Dir, 'app.heapprofile'))));
  assert.equal(profile.format, 'v8-heapprofile');
  assert.deepEqual(profile.sampleTypes, [
    { type: 'space', unit: 'bytes' },
    { type: 'objects', unit: 'objects' },
  ]);
  assert.equal(profile.sampleCount, 3);
  const space = computeStats(profile, SPACE);
  assert.equal(space.grand, 524416 + 524320 + 524320);
  const shares = ourShares(profile, SPACE);
  // Module.load allocated 524416 bytes itself and is on every stack.
  assert.deepEqual(shares.get('Module.load|node:internal/modules/cjs/loader|1257'), { self: (100 * 524416) / space.grand, total: 100 });
  // The module body of lib/db.js (an absolute path here) and computeTotals (no url at all).
  assert.equal(shares.get('(anonymous)|/srv/app-source/node/src/lib/db.js|1')!.self, (100 * 524320) / space.grand);
  assert.equal(shares.get('computeTotals||')!.self, (100 * 524320) / space.grand);
  const objects = computeStats(profile, OBJECTS);
  assert.equal(objects.grand, 3);
  assert.deepEqual([...objects.self].filter((v) => v > 0), [1, 1, 1]);
});

for (const file of ['app.heapprofile', 'recorded-app.heapprofile']) {
  test(`${file}: shares agree with DevTools' heap profile tree and with a count of samples[]`, async (t) => {
    const text = fs.readFileSync(path.join(v8Dir, file), 'utf8');
    const profile = importText(file, text);
    logTable(t, assertAgreement(ourShares(profile, SPACE), await devtoolsHeapProfile(text), { top: 12, selfTolerance: 1e-9 }, `${file} (space) vs DevTools`));
    logTable(t, assertAgreement(ourShares(profile, OBJECTS), handCountObjects(text), { top: 12, selfTolerance: 1e-9 }, `${file} (objects) vs a count of samples[]`));
  });
}

test('recorded-app.heapprofile: many samples; those naming a node V8 left out of the tree are skipped', () => {
  const text = fs.readFileSync(path.join(v8Dir, 'recorded-app.heapprofile'), 'utf8');
  const json = JSON.parse(text) as { head: HeapNode; samples: Array<{ nodeId: number }> };
  const profile = importText('recorded-app.heapprofile', text);
  assert.ok(json.samples.length > 50, `${json.samples.length} samples`);
  const ids = new Set<number>();
  for (const walk = [json.head]; walk.length > 0; ) {
    const node = walk.pop()!;
    ids.add(node.id);
    walk.push(...node.children);
  }
  // V8 wrote samples of a node newer than every node of the tree: allocated while it wrote it.
  const missing = json.samples.filter((s) => !ids.has(s.nodeId));
  assert.ok(missing.length > 0 && missing.every((s) => s.nodeId > Math.max(...ids)));
  const placed = json.samples.length - missing.length;
  assert.equal(computeStats(profile, OBJECTS).grand, placed);
  assert.equal(profile.sampleCount, placed);
});

test('a profile nested thousands of frames deep imports without recursion', () => {
  const depth = 20000;
  const frame = (id: number): string => `{"callFrame":{"functionName":"f${id % 7}","url":"a.js","lineNumber":${id % 7}},"selfSize":${id === depth ? 10 : 0},"id":${id},"children":[`;
  const parts: string[] = [];
  for (let id = 1; id <= depth; id++) parts.push(frame(id));
  const text = `{"head":${parts.join('')}${']}'.repeat(depth)},"samples":[{"size":10,"nodeId":${depth},"ordinal":1}]}`;
  const profile = importText('deep.heapprofile', text);
  assert.equal(computeStats(profile, SPACE).grand, 10);
  assert.equal(profile.shape.kind === 'tree' && profile.shape.tree.size, depth + 1);
});

test('a profile without samples[] has only the space sample type', () => {
  const profile = importText('old.heapprofile', JSON.stringify({ head: { callFrame: { functionName: '(root)' }, selfSize: 5, id: 1, children: [] } }));
  assert.deepEqual(profile.sampleTypes, [{ type: 'space', unit: 'bytes' }]);
  assert.equal(profile.sampleCount, undefined);
});

const node = (id: number, children: unknown[] = [], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  callFrame: { functionName: `f${id}`, url: 'a.js', lineNumber: id },
  selfSize: 8,
  id,
  children,
  ...extra,
});
const BROKEN: Array<[string, unknown, RegExp]> = [
  ['head not an object', { head: [], samples: [] }, /^bad\.heapprofile: "head" is not an object$/],
  ['sample without a node id', { head: node(1, [node(2)]), samples: [{ size: 8, nodeId: 'x', ordinal: 1 }] }, /^bad\.heapprofile: sample #1 has no integer nodeId$/],
  ['duplicate id', { head: node(1, [node(2), node(2)]), samples: [] }, /^bad\.heapprofile: two nodes have the id 2$/],
  ['no selfSize', { head: node(1, [node(2, [], { selfSize: 'big' })]), samples: [] }, /^bad\.heapprofile: node 2 has no selfSize$/],
  ['child not an object', { head: node(1, [7]), samples: [] }, /^bad\.heapprofile: a child of node 1 is not an object$/],
  ['children not a list', { head: node(1, {} as unknown[]), samples: [] }, /^bad\.heapprofile: "children" of node 1 is not a list$/],
];
for (const [what, json, message] of BROKEN) {
  test(`a broken heap profile (${what}) is refused with a message naming the file and the problem`, () => {
    assert.throws(
      () => importText('bad.heapprofile', JSON.stringify(json)),
      (error: unknown) => error instanceof ProfileError && message.test(error.message),
    );
  });
}
