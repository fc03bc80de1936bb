/**
 * The speedscope importer on files speedscope 1.25 exported from the corpus's other profiles:
 * shares cross-checked against our V8 importer on the same recording and against a plain count
 * of the folded stacks speedscope read; plus the model for several profiles, and broken files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ProfileError } from '../../../server/src/profiles/importer';
import { speedscopeImporter } from '../../../server/src/profiles/importers/speedscope';
import { v8CpuProfileImporter } from '../../../server/src/profiles/importers/v8-cpuprofile';
import { toInput } from '../../../server/src/profiles/load';
import type { Profile, ProfileFunction } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';
import { assertAgreement, functionKey, logTable, ourShares, Shares } from './function-shares';

const profilesDir = path.join(fixturesDir, 'profiles');
const speedscopeDir = path.join(profilesDir, 'speedscope');

function importFile(file: string): Profile {
  return speedscopeImporter.read(toInput(path.basename(file), fs.readFileSync(file)));
}

function importJson(json: unknown, name = 'test.speedscope.json'): Profile {
  return speedscopeImporter.read(toInput(name, Buffer.from(JSON.stringify(json))));
}

/** speedscope names anonymous V8 functions `(anonymous db.js:10)`; we name them `(anonymous)`. */
const anonymousAsOne = (fn: ProfileFunction): string => functionKey({ ...fn, name: fn.name.startsWith('(anonymous') ? '(anonymous)' : fn.name });

/** Shares of the profile without its (idle) time. */
function withoutIdle(shares: Shares): Shares {
  const idle = shares.get(functionKey({ name: '(idle)' }))?.self ?? 0;
  const rest: Shares = new Map();
  for (const [key, share] of shares) {
    if (!key.startsWith('(idle)|')) rest.set(key, { self: (100 * share.self) / (100 - idle), total: (100 * share.total) / (100 - idle) });
  }
  return rest;
}

test('app.cpuprofile.speedscope.json: self shares agree with our V8 importer on the same recording', (t) => {
  const speedscope = importFile(path.join(speedscopeDir, 'app.cpuprofile.speedscope.json'));
  const v8 = v8CpuProfileImporter.read(toInput('app.cpuprofile', fs.readFileSync(path.join(profilesDir, 'v8', 'app.cpuprofile'))));
  assert.deepEqual(speedscope.sampleTypes, [{ type: 'time', unit: 'nanoseconds' }]);
  assert.equal(speedscope.durationNanos, 3110987000);
  // speedscope leaves (idle) samples out, so our shares are taken of the time without them. It
  // stacks (garbage collector) samples on the JS stack before them, as DevTools' timeline does,
  // so totals differ on purpose (the DevTools test checks ours). The last sample lasts to
  // endTime in speedscope and the average gap in DevTools and here: 0.001 points at most.
  const reference: Shares = ourShares(speedscope, 0, anonymousAsOne);
  assert.equal([...reference.keys()].some((key) => key.startsWith('(idle)')), false);
  logTable(t, assertAgreement(withoutIdle(ourShares(v8, 1, anonymousAsOne)), reference, { top: 12, selfTolerance: 0.005, totals: false }, 'V8 importer (cpu) vs speedscope export'));
});

/** Counts folded stacks (`a;b;c 12` per line, the count after the last space) by hand. */
function countFolded(text: string): Shares {
  const counts = new Map<string, { self: number; total: number }>();
  let all = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const space = line.lastIndexOf(' ');
    const count = Number(line.slice(space + 1));
    const frames = line.slice(0, space).split(';');
    all += count;
    for (const name of new Set(frames)) {
      const entry = counts.get(name) ?? { self: 0, total: 0 };
      entry.total += count;
      counts.set(name, entry);
    }
    counts.get(frames[frames.length - 1])!.self += count;
  }
  const shares: Shares = new Map();
  for (const [name, { self, total }] of counts) shares.set(functionKey({ name }), { self: (100 * self) / all, total: (100 * total) / all });
  return shares;
}

test('perf_txn_folded.txt.speedscope.json: shares agree exactly with a count of txn.folded.txt', (t) => {
  const profile = importFile(path.join(speedscopeDir, 'perf_txn_folded.txt.speedscope.json'));
  assert.deepEqual(profile.sampleTypes, [{ type: 'samples', unit: 'samples' }]);
  assert.equal(computeStats(profile).grand, 2869);
  const expected = countFolded(fs.readFileSync(path.join(speedscopeDir, 'txn.folded.txt'), 'utf8'));
  logTable(t, assertAgreement(ourShares(profile), expected, { top: expected.size, selfTolerance: 1e-9 }, 'speedscope export vs folded count'));
});

test('go_bench_cpu.pprof.speedscope.json: nanoseconds over the benchmark, Go frames with files and lines', () => {
  const profile = importFile(path.join(speedscopeDir, 'go_bench_cpu.pprof.speedscope.json'));
  assert.equal(profile.durationNanos, 5.55e9);
  const stats = computeStats(profile);
  assert.equal(stats.grand, 5.55e9);
  const process = profile.functions.findIndex((fn) => fn.name === 'example.com/invsim/inventory.(*Store).ProcessOrder');
  assert.deepEqual(profile.functions[process], { name: 'example.com/invsim/inventory.(*Store).ProcessOrder', file: '/srv/app-source/go/src/inventory/inventory.go', line: 67 });
  assert.ok(stats.total[process] / stats.grand > 0.9);
});

test('java_app.jfr.speedscope.json: two profiles of one unit share a tree, each below a frame named after it', () => {
  const profile = importFile(path.join(speedscopeDir, 'java_app.jfr.speedscope.json'));
  assert.deepEqual(profile.sampleTypes, [{ type: 'samples', unit: 'samples' }]);
  const stats = computeStats(profile);
  const without = profile.functions.findIndex((fn) => fn.name === 'Without native calls');
  const withNative = profile.functions.findIndex((fn) => fn.name === 'With native calls');
  // Both profiles hold the same 569 samples, seen with and without native frames.
  assert.equal(stats.total[without], 569);
  assert.equal(stats.total[withNative], 569);
  assert.equal(stats.grand, 2 * 569);
  const tree = profile.shape.kind === 'tree' ? profile.shape.tree : assert.fail('a tree');
  const roots = new Set<number>();
  for (let node = 1; node < tree.size; node++) if (tree.parent[node] === 0) roots.add(tree.func[node]);
  assert.deepEqual([...roots].sort(), [without, withNative].sort());
});

test('sampled profiles: weights in their unit, one sample type per unit, default from activeProfileIndex', () => {
  const profile = importJson({
    $schema: 'https://www.speedscope.app/file-format-schema.json',
    activeProfileIndex: 2,
    shared: { frames: [{ name: 'main', file: 'a.py', line: 3 }, { name: 'work', file: 'a.py', line: 10, col: 5 }, { name: 'alloc' }] },
    profiles: [
      { type: 'sampled', name: 'thread 1', unit: 'milliseconds', startValue: 0, endValue: 5, samples: [[0, 1], [0], [0, 1]], weights: [1, 2, 2] },
      { type: 'sampled', name: 'thread 2', unit: 'microseconds', startValue: 0, endValue: 9000, samples: [[1]], weights: [500] },
      { type: 'sampled', name: 'heap', unit: 'bytes', startValue: 0, endValue: 64, samples: [[0, 2]], weights: [64] },
    ],
  });
  assert.deepEqual(profile.sampleTypes, [
    { type: 'time', unit: 'nanoseconds' },
    { type: 'space', unit: 'bytes' },
  ]);
  assert.equal(profile.defaultSampleType, 1);
  assert.equal(profile.sampleCount, 5);
  assert.equal(profile.durationNanos, 9e6);
  const time = computeStats(profile, 0);
  const id = (name: string): number => profile.functions.findIndex((fn) => fn.name === name);
  assert.equal(time.grand, 5.5e6);
  assert.equal(time.self[id('work')], 3.5e6);
  assert.equal(time.total[id('main')], 5e6);
  assert.equal(time.total[id('thread 1')], 5e6);
  assert.equal(time.total[id('thread 2')], 0.5e6);
  assert.deepEqual(profile.functions[id('work')], { name: 'work', file: 'a.py', line: 10, column: 5 });
  const space = computeStats(profile, 1);
  assert.equal(space.grand, 64);
  assert.equal(space.self[id('alloc')], 64);
});

test('an evented profile: self time is the time a frame is innermost; frames left open close at endValue', () => {
  const profile = importJson({
    shared: { frames: [{ name: 'a' }, { name: 'b' }] },
    profiles: [
      {
        type: 'evented',
        name: 'one',
        unit: 'nanoseconds',
        startValue: 0,
        endValue: 100,
        events: [
          { type: 'O', frame: 0, at: 0 },
          { type: 'O', frame: 1, at: 10 },
          { type: 'O', frame: 0, at: 20 },
          { type: 'C', frame: 0, at: 50 },
          { type: 'C', frame: 1, at: 60 },
        ],
      },
    ],
  });
  const stats = computeStats(profile);
  assert.equal(stats.grand, 100);
  assert.deepEqual([...stats.self], [10 + 30 + 40, 20]);
  assert.deepEqual([...stats.total], [100, 50]);
});

const frames = { frames: [{ name: 'a' }, { name: 'b' }] };
const evented = (events: unknown[]): unknown => ({ shared: frames, profiles: [{ type: 'evented', name: 'p', unit: 'none', startValue: 0, endValue: 9, events }] });
const BROKEN: Array<[string, unknown, RegExp]> = [
  ['no profiles', { shared: frames, profiles: [] }, /^bad\.json: the file has no profiles$/],
  ['no frames', { profiles: [] }, /^bad\.json: "shared" is not an object$/],
  ['unknown unit', { shared: frames, profiles: [{ type: 'sampled', unit: 'furlongs', samples: [], weights: [] }] }, /^bad\.json: profile #1 has unit "furlongs", which speedscope does not define$/],
  ['unknown type', { shared: frames, profiles: [{ type: 'flat', unit: 'none' }] }, /^bad\.json: profile #1 has type "flat", not "sampled" or "evented"$/],
  ['frame out of range', { shared: frames, profiles: [{ type: 'sampled', unit: 'none', samples: [[0, 2]], weights: [1] }] }, /^bad\.json: sample #1 of profile #1 names frame 2 but the file has 2 frames$/],
  ['weights mismatch', { shared: frames, profiles: [{ type: 'sampled', unit: 'none', samples: [[0]], weights: [] }] }, /^bad\.json: profile #1 has 1 samples but 0 weights$/],
  ['frame without a name', { shared: { frames: [{ file: 'x' }] }, profiles: [{ type: 'sampled', unit: 'none', samples: [], weights: [] }] }, /^bad\.json: frame 0 has no name$/],
  ['wrong close', evented([{ type: 'O', frame: 0, at: 0 }, { type: 'O', frame: 1, at: 1 }, { type: 'C', frame: 0, at: 2 }]), /^bad\.json: event #3 of profile #1 \(p\) closes frame 0, which is not the innermost open frame$/],
  ['close with nothing open', evented([{ type: 'C', frame: 0, at: 2 }]), /^bad\.json: event #1 of profile #1 \(p\) closes frame 0, which is not the innermost open frame$/],
  ['time going back', evented([{ type: 'O', frame: 0, at: 5 }, { type: 'C', frame: 0, at: 2 }]), /^bad\.json: event #2 of profile #1 \(p\) is at 2, before the event ahead of it \(at 5\)$/],
  ['unknown event type', evented([{ type: 'X', frame: 0, at: 5 }]), /^bad\.json: event #1 of profile #1 \(p\) has type "X", not "O" or "C"$/],
];
for (const [what, json, message] of BROKEN) {
  test(`a broken speedscope file (${what}) is refused with a message naming the file and the problem`, () => {
    assert.throws(
      () => importJson(json, 'bad.json'),
      (error: unknown) => error instanceof ProfileError && message.test(error.message),
    );
  });
}
