/**
 * The .cpuprofile importer on real profiles, against DevTools' own reader of the same files and
 * against an independent count of `samples[]`; line values, the profile's metadata, and the
 * messages for broken profiles.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ProfileError } from '../../../server/src/profiles/importer';
import { v8CpuProfileImporter } from '../../../server/src/profiles/importers/v8-cpuprofile';
import { toInput } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';
import { callFrameKey, devtoolsCpuProfile } from './devtools-reference';
import { assertAgreement, logTable, ourShares, Shares } from './function-shares';

const v8Dir = path.join(fixturesDir, 'profiles', 'v8');
const REAL_FILES = ['app.cpuprofile', 'recorded-app.cpuprofile'];
const SAMPLES = 0;
const CPU = 1;

function importText(name: string, text: string): Profile {
  return v8CpuProfileImporter.read(toInput(name, Buffer.from(text)));
}

function importFixture(file: string): Profile {
  return v8CpuProfileImporter.read(toInput(file, fs.readFileSync(path.join(v8Dir, file))));
}

interface HandNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * The independent check described in test/fixtures/profiles/v8/README.md: count each entry of
 * `samples[]` as one sample of its node's function (self), and of every distinct function on the
 * path from that node up to the root (total).
 */
function handCount(text: string): Shares {
  const profile = JSON.parse(text) as { nodes: HandNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const counts = new Map<string, { self: number; total: number }>();
  const entry = (key: string): { self: number; total: number } => {
    if (!counts.has(key)) counts.set(key, { self: 0, total: 0 });
    return counts.get(key)!;
  };
  for (const id of profile.samples) {
    entry(callFrameKey(byId.get(id)!.callFrame)).self++;
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) onStack.add(callFrameKey(byId.get(at)!.callFrame));
    for (const key of onStack) entry(key).total++;
  }
  const shares: Shares = new Map();
  for (const [key, { self, total }] of counts) shares.set(key, { self: (100 * self) / profile.samples.length, total: (100 * total) / profile.samples.length });
  return shares;
}

for (const file of REAL_FILES) {
  test(`${file}: sample counts agree exactly with an independent count of samples[]`, (t) => {
    const text = fs.readFileSync(path.join(v8Dir, file), 'utf8');
    const expected = handCount(text);
    logTable(t, assertAgreement(ourShares(importFixture(file), SAMPLES), expected, { top: expected.size, selfTolerance: 1e-9 }, `${file} (samples) vs hand count`));
  });

  test(`${file}: shares agree with Chrome DevTools' reading of the same file`, async (t) => {
    const text = fs.readFileSync(path.join(v8Dir, file), 'utf8');
    const profile = importFixture(file);
    const reference = await devtoolsCpuProfile(text);
    // DevTools counts hitCount, which may differ by one from samples[]: 0.1 points covers two samples.
    logTable(t, assertAgreement(ourShares(profile, SAMPLES), reference.samples, { top: 12, selfTolerance: 0.1 }, `${file} (samples) vs DevTools`));
    // DevTools' timeline stacks (garbage collector) samples on the JS stack before them, so only self times compare.
    logTable(t, assertAgreement(ourShares(profile, CPU), reference.cpuSelf, { top: 12, selfTolerance: 0.01, totals: false }, `${file} (cpu) vs DevTools`));
  });
}

test('app.cpuprofile: sample types, duration, sample count and special nodes', () => {
  const profile = importFixture('app.cpuprofile');
  assert.equal(profile.format, 'v8-cpuprofile');
  assert.deepEqual(profile.sampleTypes, [
    { type: 'samples', unit: 'samples' },
    { type: 'cpu', unit: 'nanoseconds' },
  ]);
  assert.equal(profile.durationNanos, 3110987000);
  assert.equal(profile.sampleCount, 2381);
  const stats = computeStats(profile, SAMPLES);
  assert.equal(stats.grand, 2381);
  const named = (name: string): number => profile.functions.findIndex((fn) => fn.name === name);
  for (const special of ['(root)', '(program)', '(idle)', '(garbage collector)']) assert.ok(named(special) >= 0, special);
  assert.equal(stats.total[named('(root)')], 2381);
  assert.equal(stats.self[named('(garbage collector)')], 161);
  // The cpu times add up to the sample gaps: all deltas after the first, plus the average gap.
  const cpu = computeStats(profile, CPU);
  const json = JSON.parse(fs.readFileSync(path.join(v8Dir, 'app.cpuprofile'), 'utf8')) as { timeDeltas: number[] };
  const gaps = json.timeDeltas.slice(1).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(cpu.grand - (gaps + gaps / (json.timeDeltas.length - 1)) * 1000) < 1);
});

test('app.cpuprofile: line values come from positionTicks; lines inlined from other files stay unknown', () => {
  const profile = importFixture('app.cpuprofile');
  const stats = computeStats(profile, SAMPLES);
  const fn = profile.functions.findIndex((f) => f.name === 'computeTotals');
  assert.deepEqual(profile.functions[fn], { name: 'computeTotals', file: 'file:///srv/app-source/node/src/app.js', line: 13, column: 23 });
  // computeTotals starts on line 13: its ticks on lines 5, 6 and 10 are isValidEmail's and
  // findUser's, inlined from lib/, and are kept at line 0 (5 + 43 + 1341 = 1389 samples).
  const lines = Object.fromEntries(stats.lines[fn]!);
  assert.deepEqual(lines, { 0: 1389, 15: 8, 16: 2, 17: 3, 19: 1, 20: 415, 22: 49 });
  // renderReport was sampled 99 times in samples[] but has 98 positionTicks: the lines share 99.
  const render = profile.functions.findIndex((f) => f.name === 'renderReport');
  const renderLines = stats.lines[render]!;
  assert.ok(Math.abs(renderLines.get(13)! - (99 * 93) / 98) < 1e-9);
  assert.ok(Math.abs(renderLines.get(12)! + renderLines.get(13)! - 99) < 1e-9);
});

test('recorded-app.cpuprofile: recursion counts once per stack', () => {
  const profile = importFixture('recorded-app.cpuprofile');
  const stats = computeStats(profile, SAMPLES);
  const depth = profile.functions.findIndex((f) => f.name === 'categoryDepth');
  assert.ok(stats.self[depth] > 0);
  assert.ok(stats.total[depth] >= stats.self[depth]);
  assert.ok(stats.total[depth] <= stats.grand);
  const tree = profile.shape.kind === 'tree' ? profile.shape.tree : assert.fail('a tree');
  let nested = false;
  for (let node = 1; node < tree.size; node++) {
    const parent = tree.parent[node];
    if (tree.func[node] === depth && parent > 0 && tree.func[parent] === depth) nested = true;
  }
  assert.ok(nested, 'categoryDepth calls itself in the recorded profile');
});

/** A small profile: root → main → work, main sampled twice, work three times. */
function small(overrides: Record<string, unknown> = {}): string {
  const frame = (functionName: string, lineNumber: number): Record<string, unknown> => ({ functionName, scriptId: '1', url: 'file:///a.js', lineNumber, columnNumber: 0 });
  return JSON.stringify({
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 }, hitCount: 0, children: [2] },
      { id: 2, callFrame: frame('main', 0), hitCount: 2, children: [3], positionTicks: [{ line: 2, ticks: 2 }] },
      { id: 3, callFrame: frame('work', 9), hitCount: 3, positionTicks: [{ line: 11, ticks: 1 }, { line: 12, ticks: 2 }] },
    ],
    startTime: 1000,
    endTime: 1600,
    samples: [2, 3, 3, 2, 3],
    timeDeltas: [10, 100, 100, 100, 100],
    ...overrides,
  });
}

test('samples are timed by the gap to the next one, the last by the average gap', () => {
  const profile = importText('small.cpuprofile', small());
  const cpu = computeStats(profile, CPU);
  const work = profile.functions.findIndex((f) => f.name === 'work');
  assert.equal(cpu.grand, 500_000);
  assert.equal(cpu.self[work], 300_000);
  assert.deepEqual(Object.fromEntries(computeStats(profile, SAMPLES).lines[work]!), { 11: 1, 12: 2 });
});

test('samples whose deltas go backwards are timed in time order', () => {
  // Times 10, 110, 60, 160, 260: in time order the samples are 2, 3(at 60), 3(at 110), 2, 3.
  const profile = importText('unsorted.cpuprofile', small({ timeDeltas: [10, 100, -50, 100, 100] }));
  const cpu = computeStats(profile, CPU);
  const main = profile.functions.findIndex((f) => f.name === 'main');
  // main: sample at 10 (gap 50 to 60) and at 160 (gap 100): 150 µs.
  assert.equal(cpu.self[main], 150_000);
  assert.equal(cpu.grand, 250_000 + 62_500);
});

test('a lone (program) sample inside a JS stack is timed for the sample before it, as in DevTools', () => {
  const program = { id: 4, callFrame: { functionName: '(program)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 }, hitCount: 1 };
  const text = small({ samples: [2, 3, 4, 3, 2], timeDeltas: [10, 100, 100, 100, 100] }).replace('"children":[2]', '"children":[2,4]').replace(']}],"startTime"', `]},${JSON.stringify(program)}],"startTime"`);
  const profile = importText('program.cpuprofile', text);
  const id = (name: string): number => profile.functions.findIndex((f) => f.name === name);
  // Counts stay as recorded; the (program) sample's 100 µs go to work, the sample before it.
  assert.equal(computeStats(profile, SAMPLES).self[id('(program)')], 1);
  assert.equal(computeStats(profile, CPU).self[id('(program)')], 0);
  assert.equal(computeStats(profile, CPU).self[id('work')], 300_000);
});

test('without samples[], hitCount gives the counts and an equal share of the recording each', () => {
  const profile = importText('hits.cpuprofile', small({ samples: undefined, timeDeltas: undefined }));
  const cpu = computeStats(profile, CPU);
  const work = profile.functions.findIndex((f) => f.name === 'work');
  assert.equal(computeStats(profile, SAMPLES).self[work], 3);
  assert.equal(cpu.self[work], (3 * 600_000) / 5);
  assert.equal(profile.sampleCount, 5);
});

const BROKEN: Array<[string, string, RegExp]> = [
  ['not JSON', '{"nodes": [', /^bad\.cpuprofile: not valid JSON/],
  ['no nodes', '{"nodes": [], "samples": []}', /^bad\.cpuprofile: the profile has no nodes$/],
  ['nodes not a list', '{"nodes": 3}', /^bad\.cpuprofile: "nodes" is not a list$/],
  ['missing child', small().replace('"children":[3]', '"children":[4]'), /^bad\.cpuprofile: node 2 names child 4 which is not a node of the profile$/],
  ['duplicate id', small().replace('"id":3', '"id":2'), /^bad\.cpuprofile: two nodes have the id 2$/],
  ['two parents', small().replace('"children":[2]', '"children":[2,3]'), /^bad\.cpuprofile: node 3 is a child of both node 1 and node 2$/],
  ['cycle', small().replace('"children":[2]', '"children":[]').replace('"hitCount":3,', '"hitCount":3,"children":[2],'), /^bad\.cpuprofile: node \d is its own ancestor: the node links form a cycle$/],
  ['unknown sample', small({ samples: [2, 3, 3, 2, 9] }), /^bad\.cpuprofile: sample #5 names node 9 which is not a node of the profile$/],
  ['deltas mismatch', small({ timeDeltas: [1, 2] }), /^bad\.cpuprofile: samples has 5 entries but timeDeltas has 2; each sample needs one$/],
  ['delta not a number', small({ timeDeltas: [1, 2, '3', 4, 5] }), /^bad\.cpuprofile: timeDeltas entry #3 is not a number$/],
  ['bad callFrame', small().replace('"callFrame":{"functionName":"main"', '"callFrame":{"functionName":7'), /^bad\.cpuprofile: node 2 has a functionName that is not a string$/],
  ['no id', '{"nodes":[{"callFrame":{}}]}', /^bad\.cpuprofile: node #1 of the node list has no integer id$/],
];

for (const [what, text, message] of BROKEN) {
  test(`a broken profile (${what}) is refused with a message naming the file and the problem`, () => {
    assert.throws(
      () => importText('bad.cpuprofile', text),
      (error: unknown) => error instanceof ProfileError && message.test(error.message),
    );
  });
}
