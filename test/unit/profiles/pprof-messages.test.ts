/**
 * The pprof importer on small messages built with pprof-format's encoder: the rules of
 * profile.proto the real files do not exercise (sparse ids, unsymbolized locations, scaled
 * units, the default sample type) and each way a message can be wrong, which must be reported
 * as a ProfileError naming the file and the problem.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { Profile as PprofMessage, StringTable, type ProfileInput as MessageInput } from 'pprof-format';
import { ProfileError } from '../../../server/src/profiles/importer';
import { pprofImporter } from '../../../server/src/profiles/importers/pprof';
import { readProfile, toInput } from '../../../server/src/profiles/load';
import { computeStats } from '../../../server/src/profiles/stats';
import { assertAgreement, ourShares, sharesOf } from './function-shares';
import { readSniffed } from './sniffed-read';

/** Encodes a message whose strings are given as text (turned into string-table indices). */
function encode(build: (s: (text: string) => number) => MessageInput): Uint8Array {
  const strings = new StringTable();
  const message = build((text) => strings.dedup(text));
  return new PprofMessage({ ...message, stringTable: strings }).encode();
}

/** main → work (line 12) → leaf inlined into work (line 30), with cpu in milliseconds. */
function smallProfile(overrides: Partial<MessageInput> = {}, ids = { location: 1, fn: 1 }) {
  return encode((s) => ({
    sampleType: [
      { type: s('samples'), unit: s('count') },
      { type: s('wall'), unit: s('milliseconds') },
    ],
    mapping: [{ id: 1, filename: s('/usr/bin/app') }],
    function: [
      { id: ids.fn, name: s('main'), filename: s('/src/main.go'), startLine: 3 },
      { id: ids.fn + 1, name: s('work'), filename: s('/src/work.go'), startLine: 10 },
      { id: ids.fn + 2, name: s('leaf'), filename: s('/src/leaf.go'), startLine: 28 },
    ],
    location: [
      { id: ids.location, mappingId: 1, line: [{ functionId: ids.fn, line: 5 }] },
      {
        id: ids.location + 1,
        mappingId: 1,
        line: [
          { functionId: ids.fn + 2, line: 30 },
          { functionId: ids.fn + 1, line: 12 },
        ],
      },
      { id: ids.location + 2, address: 0x4010ab },
    ],
    sample: [
      { locationId: [ids.location + 1, ids.location], value: [3, 30] },
      { locationId: [ids.location], value: [1, 10] },
      { locationId: [ids.location + 2, ids.location], value: [1, 10] },
    ],
    durationNanos: 2_000_000_000,
    periodType: { type: s('wall'), unit: s('milliseconds') },
    period: 10,
    ...overrides,
  }));
}

const read = (bytes: Uint8Array) => readSniffed(pprofImporter, 'test.pprof', bytes);

function assertProfileError(bytes: Uint8Array, problem: RegExp, name = 'bad.pprof'): void {
  assert.throws(
    () => readProfile(name, bytes),
    (error: unknown) => error instanceof ProfileError && error.file === name && problem.test(error.problem),
  );
}

describe('pprof messages', () => {
  test('inlined lines become frames, innermost last; scaled units become nanoseconds', () => {
    const profile = read(smallProfile());
    assert.deepEqual(profile.sampleTypes, [
      { type: 'samples', unit: 'samples' },
      { type: 'wall', unit: 'nanoseconds' },
    ]);
    assert.equal(profile.defaultSampleType, 1, 'no default_sample_type: the last type');
    assert.deepEqual(profile.period, { type: 'wall', unit: 'nanoseconds', value: 10_000_000 });
    assert.equal(profile.durationNanos, 2e9);
    assert.equal(profile.sampleCount, 5);
    const names = profile.functions.map((fn) => fn.name);
    // Functions are numbered as the stacks first reach them, root first.
    assert.deepEqual(names, ['main', 'work', 'leaf', '0x4010ab']);
    assert.deepEqual(profile.functions[0], { name: 'main', file: '/src/main.go', line: 3, module: '/usr/bin/app' });
    assert.deepEqual(profile.functions[3], { name: '0x4010ab' });
    const stats = computeStats(profile, 1);
    assert.equal(stats.grand, 50e6);
    assert.deepEqual([...stats.self], [10e6, 0, 30e6, 10e6]);
    assert.deepEqual([...stats.total], [50e6, 30e6, 30e6, 10e6]);
    assert.deepEqual([...stats.lines[2]!], [[30, 30e6]]);
    assert.deepEqual([...stats.callers[2]!], [[1, 30e6]]);
    assert.deepEqual([...stats.callers[1]!], [[0, 30e6]]);
  });

  test('sparse and large ids are found', () => {
    const profile = read(smallProfile({}, { location: 1_000_000_007, fn: 2 ** 40 }));
    assert.equal(computeStats(profile, 0).grand, 5);
  });

  test('default_sample_type names the type shown first; an unknown name falls back to the last', () => {
    const named = encode((s) => {
      const base = { type: s('samples'), unit: s('count') };
      return {
        sampleType: [base, { type: s('cpu'), unit: s('nanoseconds') }, { type: s('alloc'), unit: s('bytes') }],
        defaultSampleType: s('cpu'),
        sample: [{ locationId: [], value: [1, 2, 3] }],
      };
    });
    assert.equal(read(named).defaultSampleType, 1);
    const unknown = encode((s) => ({
      sampleType: [{ type: s('samples'), unit: s('count') }, { type: s('cpu'), unit: s('nanoseconds') }],
      defaultSampleType: s('wall'),
      sample: [{ locationId: [], value: [1, 2] }],
    }));
    assert.equal(read(unknown).defaultSampleType, 1);
  });

  test('gzip is undone before sniffing', () => {
    const profile = readProfile('test.pb.gz', zlib.gzipSync(smallProfile()));
    assert.equal(profile.format, 'pprof');
  });

  test('a sample pointing at a location the profile lacks', () => {
    const bytes = smallProfile({ sample: [{ locationId: [9], value: [1, 1] }] });
    assertProfileError(bytes, /sample #1 points at location 9, which the profile does not hold/);
  });

  test('a location pointing at a function the profile lacks', () => {
    const bytes = smallProfile({ location: [{ id: 1, line: [{ functionId: 77, line: 1 }] }], sample: [] });
    assertProfileError(bytes, /location 1 points at function 77/);
  });

  test('a sample with more values than sample types', () => {
    const bytes = smallProfile({ sample: [{ locationId: [1], value: [1, 2, 3] }] });
    assertProfileError(bytes, /sample #1 has 3 values for 2 sample types/);
  });

  test('a string index past the string table', () => {
    const bytes = smallProfile({ function: [{ id: 1, name: 999 }] });
    assertProfileError(bytes, /function 1 names string 999, but the string table holds \d+/);
  });

  test('no sample type, or a string table that does not start with ""', () => {
    assertProfileError(encode(() => ({ sample: [] })), /not a profile format|names no sample type/);
    // A hand-written message: sample_type {type: 1, unit: 1}, string_table ["x"].
    const bytes = Uint8Array.from([0x0a, 0x04, 0x08, 0x00, 0x10, 0x00, 0x32, 0x01, 0x78]);
    assertProfileError(bytes, /not a profile format/);
    assert.throws(() => pprofImporter.read(toInput('direct.pprof', bytes)), /string table is missing or does not start with the empty string/);
  });

  test('a cut file is reported as cut, gzipped or not', () => {
    const bytes = smallProfile();
    assertProfileError(bytes.subarray(0, bytes.length - 3), /the pprof data is cut off: the field at byte \d+ runs past the end/);
    const gz = zlib.gzipSync(bytes);
    assertProfileError(gz.subarray(0, gz.length - 10), /gzip content is damaged/);
  });

  test('a small file whose samples would expand to a huge tree is refused, naming the limit', () => {
    // Two locations of 4,000 inlined lines each, referenced 40 times by each of 40 samples, in an
    // order that changes from one sample to the next: 6.4 M frames to walk, from ~22 KB.
    const bytes = encode((s) => ({
      sampleType: [{ type: s('samples'), unit: s('count') }],
      function: [{ id: 1, name: s('f') }],
      location: [1, 2].map((id) => ({ id, line: Array.from({ length: 4000 }, (_, i) => ({ functionId: 1, line: i + 1 })) })),
      sample: Array.from({ length: 40 }, (_, s) => ({ locationId: Array.from({ length: 40 }, (_, i) => 1 + ((i + s) % 2)), value: [1] })),
    }));
    assertProfileError(bytes, /the samples expand to more than \d+ frames/);
  });

  test('any samples over inlined locations: shares are the ones counted from the message (property-based)', () => {
    // Three functions; locations 1-4 hold one or two lines (an inlined callee first).
    const names = ['main', 'work', 'leaf'];
    const locationLines: number[][] = [[0], [1], [2, 1], [1, 0]];
    const sample = fc.record({ stack: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }), value: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 20 }), (samples) => {
        const bytes = encode((s) => ({
          sampleType: [{ type: s('cpu'), unit: s('nanoseconds') }],
          function: names.map((name, i) => ({ id: i + 1, name: s(name) })),
          location: locationLines.map((lines, i) => ({ id: i + 1, line: lines.map((fn) => ({ functionId: fn + 1, line: 10 + fn })) })),
          sample: samples.map(({ stack, value }) => ({ locationId: stack, value: [value] })),
        }));
        // The reference: a sample's self goes to the innermost line of its first location, its
        // total to every function on any line of any of its locations, once.
        const values = new Map(names.map((name) => [name, { self: 0, total: 0 }]));
        for (const { stack, value } of samples) {
          values.get(names[locationLines[stack[0] - 1][0]])!.self += value;
          for (const fn of new Set(stack.flatMap((location) => locationLines[location - 1]))) values.get(names[fn])!.total += value;
        }
        const reference = new Map([...sharesOf(values)].filter(([, share]) => share.total > 0));
        assertAgreement(ourShares(read(bytes), 0, (fn) => fn.name), reference, { top: Infinity, selfTolerance: 1e-9 }, 'random samples');
      }),
      { numRuns: 200 },
    );
  });
});
