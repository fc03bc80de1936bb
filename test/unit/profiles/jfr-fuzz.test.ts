/**
 * Property-based tests of both JFR importers. Synthetic recordings of random shape (see
 * jfr-writer.ts) must give exactly the self and total values their events say; and damaged
 * input (real and synthetic recordings cut short or with bytes changed, JSON of the right general
 * shape with random values) must end in a ProfileError that names the file, never another
 * exception, a hang, or a huge allocation.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ProfileError } from '../../../server/src/profiles/importer';
import { jfrImporter } from '../../../server/src/profiles/importers/jfr';
import { Cursor } from '../../../server/src/profiles/importers/jfr/cursor';
import { jfrJsonImporter } from '../../../server/src/profiles/importers/jfr-json';
import { toInput } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';
import { fixtureBytes, ourKey } from './jfr-reference';
import { type SyntheticEvent, type SyntheticRecording, writeJfr } from './jfr-writer';

const jfrDir = path.join(fixturesDir, 'profiles', 'jfr');
/** Far more than any input here takes; a read that runs this long is a hang. */
/** Reads with one importer; returns the profile, or the ProfileError it threw (anything else fails). */
function outcome(importer: typeof jfrImporter, name: string, bytes: Uint8Array): Profile | ProfileError {
  try {
    return importer.read(toInput(name, bytes));
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    assert.ok(error.message.startsWith(`${name}: `), error.message);
    return error;
  }
}

/** JFR's varint: seven bits a byte, low first, at most nine bytes, the ninth with all eight. */
function varint(value: bigint): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < 8 && value >= 0x80n; i++, value >>= 7n) bytes.push(Number(value & 0x7fn) | 0x80);
  bytes.push(Number(value));
  return bytes;
}

test('integers: every 64-bit value decodes exactly, as a key, a long, an int and a short', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.boolean(), (value, compressed) => {
      const raw = (width: number) => Array.from({ length: width }, (_, i) => Number((value >> BigInt(8 * (width - 1 - i))) & 0xffn));
      const cursor = new Cursor(Uint8Array.from(compressed ? [...varint(value), ...varint(value), ...varint(value), ...varint(value)] : [...raw(8), ...raw(8), ...raw(4), ...raw(2)]), compressed);
      const key = cursor.key();
      assert.equal(key, value < 2n ** 53n ? Number(value) : `${value >> 32n}:${value & 0xffffffffn}`);
      assert.equal(cursor.long(), Number(BigInt.asIntN(64, value)));
      assert.equal(cursor.int(), Number(BigInt.asIntN(32, value)));
      assert.equal(cursor.short(), Number(BigInt.asIntN(16, value)));
      assert.equal(cursor.pos, cursor.bytes.length);
    }),
    { numRuns: 2000, examples: [[0n, true], [127n, true], [128n, true], [2n ** 64n - 1n, true], [2n ** 63n, true], [2n ** 53n, true], [2n ** 35n - 1n, true]] },
  );
});

// Synthetic recordings: frames from a small set of classes and methods, so stacks share them.
const frame = fc.record({
  className: fc.constantFrom('com/example/Repo', 'com/example/Repo$Row', 'Main', 'ü/Größe', 'x/y/z/Ω'),
  method: fc.constantFrom('run', '<init>', 'lambda$main$0', 'größe'),
  line: fc.integer({ min: -1, max: 3000 }),
});
const event: fc.Arbitrary<SyntheticEvent> = fc.record({
  kind: fc.constantFrom('cpu', 'alloc', 'other'),
  frames: fc.option(fc.array(frame, { minLength: 1, maxLength: 7 }), { nil: null, freq: 6 }),
  truncated: fc.boolean(),
  weight: fc.integer({ min: 1, max: 2 ** 40 }),
});
const recording: fc.Arbitrary<SyntheticRecording> = fc.record({
  compressed: fc.boolean(),
  chunks: fc.array(
    fc.record({
      events: fc.array(event, { maxLength: 25 }),
      periodMs: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      encoding: fc.constantFrom('utf8', 'latin1', 'chars', 'pool'),
      splitCheckpoints: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

interface Expected {
  events: number;
  grand: number;
  values: Map<string, { self: number; total: number; lines: Map<number, number> }>;
}

/** What a sample type must hold, from the events of one kind: self at the leaf, total once per stack. */
function expected(rec: SyntheticRecording, kind: 'cpu' | 'alloc'): Expected {
  const result: Expected = { events: 0, grand: 0, values: new Map() };
  for (const e of rec.chunks.flatMap((c) => c.events)) {
    if (e.kind !== kind) continue;
    const amount = kind === 'cpu' ? 1 : e.weight;
    result.events++;
    result.grand += amount;
    if (!e.frames) continue;
    const keys = e.frames.map((f) => `${f.className}#${f.method}`);
    for (const key of new Set(keys)) {
      if (!result.values.has(key)) result.values.set(key, { self: 0, total: 0, lines: new Map() });
      result.values.get(key)!.total += amount;
    }
    const leaf = result.values.get(keys[0])!;
    leaf.self += amount;
    const line = Math.max(e.frames[0].line, 0);
    leaf.lines.set(line, (leaf.lines.get(line) ?? 0) + amount);
  }
  return result;
}

function assertMatches(profile: Profile, type: string, want: Expected): void {
  const index = profile.sampleTypes.findIndex((t) => t.type === type);
  assert.ok(index >= 0, `no ${type} sample type`);
  const stats = computeStats(profile, index);
  assert.equal(stats.grand, want.grand);
  const got = new Map<string, { self: number; total: number; lines: Map<number, number> }>();
  profile.functions.forEach((fn, i) => {
    if (fn.file === undefined || stats.total[i] === 0) return;
    got.set(ourKey(fn), { self: stats.self[i], total: stats.total[i], lines: new Map([...(stats.lines[i] ?? [])].filter(([, v]) => v > 0)) });
  });
  assert.deepEqual(got, want.values, type);
}

test('synthetic recordings: every sample type holds exactly what the events say', () => {
  fc.assert(
    fc.property(recording, (rec) => {
      const result = outcome(jfrImporter, 'synthetic.jfr', writeJfr(rec));
      const cpu = expected(rec, 'cpu');
      const alloc = expected(rec, 'alloc');
      if (cpu.events + alloc.events === 0) {
        assert.ok(result instanceof ProfileError && /none of the events/.test(result.message), String(result));
        return;
      }
      assert.ok(!(result instanceof ProfileError), String(result));
      // A chunk without a period setting keeps the one before it.
      let period: number | undefined;
      let timed = true;
      for (const chunk of rec.chunks) {
        period = chunk.periodMs ?? period;
        if (period === undefined && chunk.events.some((e) => e.kind === 'cpu')) timed = false;
      }
      const types = [...(cpu.events ? ['cpu'] : []), ...(cpu.events && timed ? ['cpu-time'] : []), ...(alloc.events ? ['alloc-sampled'] : [])];
      assert.deepEqual(result.sampleTypes.map((t) => t.type), types);
      if (cpu.events) assertMatches(result, 'cpu', cpu);
      if (alloc.events) assertMatches(result, 'alloc-sampled', alloc);
      const truncated = rec.chunks.flatMap((c) => c.events).filter((e) => e.kind !== 'other' && e.frames && e.truncated).length;
      assert.equal(result.truncatedSamples, truncated);
      assert.equal(result.durationNanos, rec.chunks.length * 1e9);
    }),
    { numRuns: 300 },
  );
});

test('synthetic recordings cut short or with bytes changed: a profile or a ProfileError', () => {
  fc.assert(
    fc.property(recording, fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (rec, cut, flips) => {
      const bytes = writeJfr(rec);
      outcome(jfrImporter, 'cut.jfr', bytes.slice(0, Math.floor(cut * bytes.length)) || new Uint8Array([0x46]));
      const changed = bytes.slice();
      for (const [at, value] of flips) changed[Math.min(Math.floor(at * changed.length), changed.length - 1)] = value;
      outcome(jfrImporter, 'flipped.jfr', changed);
    }),
    { numRuns: 400 },
  );
});

const real = fixtureBytes(path.join(jfrDir, 'catalog-jdk17.jfr.gz'));

test('a real recording cut short anywhere: a ProfileError, or the chunks before the cut', () => {
  const chunkEnds = new Set<number>();
  fc.assert(
    fc.property(fc.integer({ min: 1, max: real.length - 1 }), (length) => {
      const result = outcome(jfrImporter, 'catalog.jfr', real.subarray(0, length));
      if (!(result instanceof ProfileError)) chunkEnds.add(length);
    }),
    { numRuns: 60, examples: [[4], [67], [68], [69]] },
  );
  // Only a cut at a chunk boundary leaves a readable recording.
  assert.ok(chunkEnds.size <= 2, `readable at ${[...chunkEnds]}`);
});

test('a real recording with bytes changed: a profile or a ProfileError', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: real.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
      const changed = Uint8Array.from(real);
      for (const [at, value] of flips) changed[at] = value;
      outcome(jfrImporter, 'catalog.jfr', changed);
    }),
    { numRuns: 60 },
  );
});

test('absurd sizes and counts are refused without allocating what they claim', () => {
  const bytes = writeJfr({ compressed: true, chunks: [{ events: [{ kind: 'cpu', frames: [{ className: 'A', method: 'b', line: 1 }], truncated: false, weight: 1 }], encoding: 'utf8', splitCheckpoints: false }] });
  const view = new DataView(bytes.buffer);
  const bigChunk = bytes.slice();
  new DataView(bigChunk.buffer).setBigInt64(8, 2n ** 62n);
  assert.match(String(outcome(jfrImporter, 'big.jfr', bigChunk)), /big\.jfr: not a readable JFR recording: the chunk at byte 0 says it is \d+ bytes long but the file has \d+ bytes/);
  const version = bytes.slice();
  new DataView(version.buffer).setUint16(4, 3);
  assert.match(String(outcome(jfrImporter, 'v3.jfr', version)), /version 3\.1; Hotpath reads versions 1\.x and 2\.x/);
  const unfinished = bytes.slice();
  new DataView(unfinished.buffer).setBigInt64(24, 0n);
  assert.match(String(outcome(jfrImporter, 'open.jfr', unfinished)), /never finished/);
  // The metadata's string count, set to a billion: refused by the bytes that remain.
  const metadataAt = Number(view.getBigInt64(24));
  const strings = bytes.slice();
  const countAt = metadataAt + 4 + 4; // size (padded varint), type, start, duration, id: one byte each
  strings.set([0x80, 0x94, 0xeb, 0xdc, 0x03], countAt);
  assert.match(String(outcome(jfrImporter, 'strings.jfr', strings)), /not a readable JFR recording: the metadata string table \(at byte \d+\) says 1000000000 items but only \d+ bytes remain/);
});

// The JSON form: a small real file (the corpus output's first events, printed the way jfr prints).
const corpusJson = JSON.parse(fixtureBytes(path.join(jfrDir, 'app.ExecutionSample.json.gz')).toString('utf8')) as { recording: { events: unknown[] } };
const smallJson = Buffer.from(JSON.stringify({ recording: { events: corpusJson.recording.events.slice(0, 12) } }, null, 2).replace(/\//g, '\\/'));

test('jfr print JSON cut short or with bytes changed: a profile or a ProfileError', () => {
  assert.ok(!(outcome(jfrJsonImporter, 'small.json', smallJson) instanceof ProfileError));
  fc.assert(
    fc.property(fc.integer({ min: 1, max: smallJson.length }), fc.array(fc.tuple(fc.integer({ min: 0, max: smallJson.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (length, flips) => {
      const changed = Uint8Array.from(smallJson.subarray(0, length));
      for (const [at, value] of flips) if (at < changed.length) changed[at] = value;
      outcome(jfrJsonImporter, 'small.json', changed);
    }),
    { numRuns: 300 },
  );
});

test('JSON of the right general shape with random values: a profile or a ProfileError', () => {
  const value = fc.anything({ maxDepth: 2 });
  const jsonFrame = fc.oneof(fc.record({ method: fc.oneof(fc.record({ type: fc.oneof(fc.record({ name: fc.oneof(fc.string(), value) }), value), name: fc.oneof(fc.string(), value) }), value), lineNumber: fc.oneof(fc.integer(), value) }), value);
  const jsonEvent = fc.oneof(
    fc.record({
      type: fc.oneof(fc.constantFrom('jdk.ExecutionSample', 'jdk.NativeMethodSample', 'jdk.ObjectAllocationSample', 'jdk.ObjectAllocationInNewTLAB', 'jdk.ActiveSetting'), value),
      values: fc.oneof(fc.record({ stackTrace: fc.oneof(fc.constant(null), fc.record({ truncated: fc.oneof(fc.boolean(), value), frames: fc.oneof(fc.array(jsonFrame, { maxLength: 4 }), value) }), value), weight: fc.oneof(fc.integer(), value), tlabSize: fc.integer() }), value),
    }),
    value,
  );
  fc.assert(
    fc.property(fc.array(jsonEvent, { maxLength: 6 }), (events) => {
      const text = JSON.stringify({ recording: { events } }).replace(/\//g, '\\/');
      outcome(jfrJsonImporter, 'random.json', Buffer.from(text));
    }),
    { numRuns: 400 },
  );
});
