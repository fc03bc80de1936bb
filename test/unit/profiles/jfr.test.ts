/**
 * The binary JFR importer against the JDK's own reader on real recordings: per-function self and
 * total shares of every sample type, function by function, with `jfr print --json` (stacks
 * counted by jfr-reference.ts) and event and chunk counts with `jfr summary`.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { readProfile } from '../../../server/src/profiles/load';
import type { CallTree, Profile } from '../../../server/src/profiles/model';
import { selfColumn, selfSum } from '../../../server/src/profiles/self-values';
import { fixturesDir } from '../../helpers/paths';
import { assertAgreement, ourShares, type Shares } from './function-shares';
import { fixtureBytes, type JfrDocument, ourKey, parseSummary, plainCopy, referenceProfile, runJfr, topByTotal } from './jfr-reference';

const jfrDir = path.join(fixturesDir, 'profiles', 'jfr');

/** Every event the importer reads, with the field that holds its weight (none: one sample). */
const EVENTS: ReadonlyArray<{ event: string; weight?: string }> = [
  { event: 'jdk.ExecutionSample' },
  { event: 'jdk.NativeMethodSample' },
  { event: 'jdk.ObjectAllocationSample', weight: 'weight' },
  { event: 'jdk.ObjectAllocationInNewTLAB', weight: 'tlabSize' },
  { event: 'jdk.ObjectAllocationOutsideTLAB', weight: 'allocationSize' },
];

/** Which events each sample type adds up (alloc-tlab: new TLABs and allocations outside them). */
const SAMPLE_TYPES: ReadonlyArray<{ type: string; events: string[] }> = [
  { type: 'cpu', events: ['jdk.ExecutionSample'] },
  { type: 'native', events: ['jdk.NativeMethodSample'] },
  { type: 'alloc-sampled', events: ['jdk.ObjectAllocationSample'] },
  { type: 'alloc-tlab', events: ['jdk.ObjectAllocationInNewTLAB', 'jdk.ObjectAllocationOutsideTLAB'] },
];

const RECORDINGS = [
  { file: 'app.jfr.gz', types: ['cpu', 'cpu-time', 'alloc-sampled'] },
  { file: 'catalog-jdk17.jfr.gz', types: ['cpu', 'cpu-time', 'native', 'native-time', 'alloc-sampled', 'alloc-tlab'] },
  { file: 'catalog-jdk25.jfr.gz', types: ['cpu', 'cpu-time', 'native', 'native-time', 'alloc-sampled', 'alloc-tlab'] },
];

/** The jfr runs start at once, side by side, since each pays for a JVM start. */
const REFERENCE = new Map(
  RECORDINGS.map(({ file }) => {
    const plain = plainCopy(path.join(jfrDir, file));
    const events = EVENTS.map((e) => e.event).join(',');
    const print = runJfr(['print', '--json', '--stack-depth', '64', '--events', events, plain]);
    return [file, Promise.all([print.then((json) => JSON.parse(json) as JfrDocument), runJfr(['summary', plain]).then(parseSummary)])];
  }),
);

function typeIndex(profile: Profile, type: string): number {
  const index = profile.sampleTypes.findIndex((t) => t.type === type);
  assert.ok(index >= 0, `${profile.source} has no ${type} sample type (it has ${profile.sampleTypes.map((t) => t.type).join(', ')})`);
  return index;
}

function treeOf(profile: Profile): CallTree {
  return profile.shape.kind === 'tree' ? profile.shape.tree : assert.fail(`${profile.source} is not a call tree`);
}

function sumOf(profile: Profile, type: string): number {
  return selfSum(treeOf(profile), typeIndex(profile, type));
}

/** The reference's shares for a sample type made of one or more events, weighted by their sums. */
function referenceShares(document: JfrDocument, events: string[]): { shares: Shares; events: number } {
  const parts = events.map((event) => referenceProfile(document, event, EVENTS.find((e) => e.event === event)!.weight));
  const grand = parts.reduce((sum, part) => sum + part.grand, 0);
  const shares: Shares = new Map();
  for (const part of parts) {
    for (const [key, share] of part.shares) {
      const sum = shares.get(key) ?? { self: 0, total: 0 };
      sum.self += (share.self * part.grand) / grand;
      sum.total += (share.total * part.grand) / grand;
      shares.set(key, sum);
    }
  }
  return { shares, events: parts.reduce((sum, part) => sum + part.events, 0) };
}

for (const recording of RECORDINGS) {
  describe(`JFR recording ${recording.file}`, () => {
    let profile: Profile;
    let document: JfrDocument;
    let summary: { chunks: number; counts: Map<string, number> };
    before(async () => {
      profile = readProfile(recording.file, fixtureBytes(path.join(jfrDir, recording.file)));
      [document, summary] = await REFERENCE.get(recording.file)!;
    });

    test('is read as JFR, every chunk, with the sample types its events give', () => {
      assert.equal(profile.format, 'jfr');
      assert.deepEqual(profile.sampleTypes.map((t) => t.type), recording.types);
      assert.equal(profile.defaultSampleType, 0);
      assert.ok(summary.chunks >= 1);
      assert.ok(profile.durationNanos! > 1e9, `duration ${profile.durationNanos}`);
    });

    test('counts the events jfr summary counts', () => {
      assert.equal(profile.sampleCount, summary.counts.get('jdk.ExecutionSample'));
      for (const type of ['cpu', 'native']) {
        if (recording.types.includes(type)) assert.equal(sumOf(profile, type), summary.counts.get(SAMPLE_TYPES.find((s) => s.type === type)!.events[0]), type);
      }
    });

    for (const { type, events } of SAMPLE_TYPES) {
      test(`${type}: per-function shares agree with jfr print, top functions by self and by total`, (t) => {
        const reference = referenceShares(document, events);
        if (!recording.types.includes(type)) {
          assert.equal(reference.events, 0, `jfr print finds ${events.join(' and ')} events the importer missed`);
          return;
        }
        const ours = ourShares(profile, typeIndex(profile, type), ourKey);
        const options = { top: 12, selfTolerance: 0.005 };
        t.diagnostic(assertAgreement(ours, reference.shares, options, `${recording.file} ${type}, top by self`));
        t.diagnostic(assertAgreement(ours, topByTotal(reference.shares, 12), options, `${recording.file} ${type}, top by total`));
      });
    }

    test('notes the truncated stacks jfr print reports', () => {
      const truncated = EVENTS.reduce((sum, { event }) => sum + referenceProfile(document, event).truncated, 0);
      assert.equal(profile.truncatedSamples, truncated);
      assert.equal(profile.functions.some((fn) => fn.name === '[truncated stack]'), truncated > 0);
    });
  });
}

test('a multi-chunk recording is read chunk by chunk', async () => {
  const [, summary] = await REFERENCE.get('catalog-jdk17.jfr.gz')!;
  assert.equal(summary.chunks, 3);
});

test('cpu-time and native-time are samples × the recorded periods (10 ms, 20 ms); the cpu period is on the profile', () => {
  const profile = readProfile('catalog-jdk17.jfr.gz', fixtureBytes(path.join(jfrDir, 'catalog-jdk17.jfr.gz')));
  assert.equal(sumOf(profile, 'cpu-time'), sumOf(profile, 'cpu') * 10_000_000);
  assert.equal(sumOf(profile, 'native-time'), sumOf(profile, 'native') * 20_000_000);
  assert.deepEqual(profile.period, { type: 'cpu', unit: 'nanoseconds', value: 10_000_000 });
});

test('frames are Java methods with their class as the file, and 1-based lines', () => {
  const profile = readProfile('app.jfr.gz', fixtureBytes(path.join(jfrDir, 'app.jfr.gz')));
  const findById = profile.functions.findIndex((fn) => fn.name === 'CustomerRepo.findById');
  assert.deepEqual(profile.functions[findById], { name: 'CustomerRepo.findById', file: 'com/example/orders/CustomerRepo', module: 'com.example.orders' });
  // The linear scan (CustomerRepo.java lines 29-33, the loop's closing brace included: JIT code
  // puts samples there) holds nearly all of the function's samples.
  const tree = treeOf(profile);
  const self = selfColumn(tree, 0);
  const lines = new Map<number, number>();
  for (let node = 1; node < tree.size; node++) {
    if (tree.func[node] === findById) lines.set(tree.line[node], (lines.get(tree.line[node]) ?? 0) + self[node]);
  }
  const inLoop = [...lines].filter(([line]) => line >= 29 && line <= 33).reduce((sum, [, value]) => sum + value, 0);
  const all = [...lines.values()].reduce((a, b) => a + b, 0);
  assert.ok(inLoop / all > 0.9, `samples by line: ${JSON.stringify([...lines])}`);
});

test('hidden classes lose their run-specific address', () => {
  for (const file of ['catalog-jdk17.jfr.gz', 'catalog-jdk25.jfr.gz']) {
    const profile = readProfile(file, fixtureBytes(path.join(jfrDir, file)));
    assert.deepEqual(profile.functions.filter((fn) => /0x[0-9a-f]{6}/i.test(fn.file ?? '')), [], file);
    assert.ok(profile.functions.some((fn) => fn.file?.startsWith('java/lang/invoke/LambdaForm$')), file);
  }
});
