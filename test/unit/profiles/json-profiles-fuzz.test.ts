/**
 * Property-based tests of the JSON importers (.cpuprofile, .heapprofile, Chrome traces,
 * speedscope): whatever the bytes (real files cut short, bytes flipped, parts replaced by random
 * JSON, random documents of the right general shape, other formats), an importer returns a
 * well-formed profile or throws a ProfileError naming the file, and nothing else.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { Importer, ProfileError } from '../../../server/src/profiles/importer';
import { speedscopeImporter } from '../../../server/src/profiles/importers/speedscope';
import { traceEventsImporter } from '../../../server/src/profiles/importers/trace-events';
import { v8CpuProfileImporter } from '../../../server/src/profiles/importers/v8-cpuprofile';
import { v8HeapProfileImporter } from '../../../server/src/profiles/importers/v8-heapprofile';
import { toInput } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';

const profilesDir = path.join(fixturesDir, 'profiles');
const RUNS = 150;
const NAME = 'fuzzed.json';

/** The profile's tree is well formed and its stats compute, for every sample type. */
function assertWellFormed(profile: Profile): void {
  assert.ok(profile.sampleTypes.length > 0);
  assert.ok(profile.defaultSampleType >= 0 && profile.defaultSampleType < profile.sampleTypes.length);
  assert.equal(profile.shape.kind, 'tree');
  if (profile.shape.kind !== 'tree') return;
  const tree = profile.shape.tree;
  assert.equal(tree.selfValues.length, profile.sampleTypes.length);
  for (const values of tree.selfValues) assert.equal(values.length, tree.selfNodes.length);
  for (const node of tree.selfNodes) assert.ok(node >= 0 && node < tree.size, `a self value is given to node ${node} of ${tree.size}`);
  for (let node = 1; node < tree.size; node++) {
    assert.ok(tree.parent[node] >= 0 && tree.parent[node] < node, `node ${node} has parent ${tree.parent[node]}`);
    assert.ok(tree.func[node] >= 0 && tree.func[node] < profile.functions.length);
  }
  for (let type = 0; type < profile.sampleTypes.length; type++) computeStats(profile, type);
}

/** Reads bytes with an importer: a well-formed profile or a ProfileError naming the file. */
function importsOrRefuses(importer: Importer, bytes: Uint8Array): void {
  let profile: Profile;
  try {
    profile = importer.read(toInput(NAME, bytes));
  } catch (error) {
    if (error instanceof ProfileError && error.message.startsWith(`${NAME}: `)) return;
    throw error;
  }
  assertWellFormed(profile);
}

/** A small Chrome trace with a sampled profile: the first chunks of the recorded page trace. */
function smallChromeTrace(): Buffer {
  const events = (JSON.parse(fs.readFileSync(path.join(profilesDir, 'trace', 'chrome-page.trace.json'), 'utf8')) as { traceEvents: Array<{ name: string; ph: string }> }).traceEvents;
  const kept = [...events.filter((e) => e.ph === 'M' || e.name === 'Profile'), ...events.filter((e) => e.name === 'ProfileChunk').slice(0, 3)];
  return Buffer.from(JSON.stringify({ traceEvents: kept }));
}

const SEEDS: Array<{ importer: Importer; file: string; bytes: () => Buffer }> = [
  { importer: v8CpuProfileImporter, file: 'v8/app.cpuprofile', bytes: () => fs.readFileSync(path.join(profilesDir, 'v8', 'app.cpuprofile')) },
  { importer: v8HeapProfileImporter, file: 'v8/app.heapprofile', bytes: () => fs.readFileSync(path.join(profilesDir, 'v8', 'app.heapprofile')) },
  { importer: traceEventsImporter, file: 'trace/node-app.trace.json', bytes: () => fs.readFileSync(path.join(profilesDir, 'trace', 'node-app.trace.json')) },
  { importer: traceEventsImporter, file: 'the first chunks of trace/chrome-page.trace.json', bytes: smallChromeTrace },
  { importer: speedscopeImporter, file: 'speedscope/perf_txn_folded.txt.speedscope.json', bytes: () => fs.readFileSync(path.join(profilesDir, 'speedscope', 'perf_txn_folded.txt.speedscope.json')) },
];

/** Replaces the value found by following `choices` down a JSON document with `replacement`. */
function replaceAt(document: unknown, choices: number[], replacement: unknown): unknown {
  if (choices.length === 0 || typeof document !== 'object' || document === null) return replacement;
  const keys = Object.keys(document);
  if (keys.length === 0) return replacement;
  const copy = (Array.isArray(document) ? [...document] : { ...document }) as Record<string, unknown>;
  const key = keys[choices[0] % keys.length];
  copy[key] = replaceAt(copy[key], choices.slice(1), replacement);
  return copy;
}

for (const seed of SEEDS) {
  const bytes = seed.bytes();
  const document = JSON.parse(bytes.toString('utf8')) as unknown;
  importsOrRefuses(seed.importer, bytes);

  test(`${seed.importer.format}: ${seed.file} cut short anywhere is imported or refused`, () => {
    fc.assert(
      fc.property(fc.nat({ max: bytes.length }), (length) => importsOrRefuses(seed.importer, bytes.subarray(0, length))),
      { numRuns: RUNS },
    );
  });

  test(`${seed.importer.format}: ${seed.file} with bytes flipped is imported or refused`, () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }), (flips) => {
        const copy = Buffer.from(bytes);
        for (const { at, byte } of flips) copy[at] = byte;
        importsOrRefuses(seed.importer, copy);
      }),
      { numRuns: RUNS },
    );
  });

  test(`${seed.importer.format}: ${seed.file} with a part replaced by random JSON is imported or refused`, () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), (choices, replacement) => {
        importsOrRefuses(seed.importer, Buffer.from(JSON.stringify(replaceAt(document, choices, replacement))));
      }),
      { numRuns: RUNS },
    );
  });
}

/* Random documents of the right general shape: small id ranges, so links collide, go missing and cycle. */
const id = fc.integer({ min: 0, max: 8 });
const anyNumber = fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(1e308));
const callFrame = fc.record(
  { functionName: fc.constantFrom('', 'main', '(root)', '(program)', 'f'), url: fc.constantFrom('', 'file:///a.js', 'b.js'), lineNumber: anyNumber, columnNumber: anyNumber },
  { requiredKeys: [] },
);
const positionTicks = fc.array(fc.record({ line: anyNumber, ticks: anyNumber }), { maxLength: 3 });

const cpuProfile = fc.record(
  {
    nodes: fc.array(fc.record({ id, callFrame, children: fc.array(id, { maxLength: 3 }), hitCount: anyNumber, positionTicks }, { requiredKeys: ['id', 'callFrame'] }), { maxLength: 8 }),
    startTime: anyNumber,
    endTime: anyNumber,
    samples: fc.array(id, { maxLength: 12 }),
    timeDeltas: fc.array(anyNumber, { maxLength: 12 }),
  },
  { requiredKeys: ['nodes'] },
);

/** Profiles whose links are all sound, so that the values (times, ticks, lines) get exercised. */
const soundCpuProfile = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
    frames: fc.array(callFrame, { minLength: 10, maxLength: 10 }),
    ticks: fc.array(positionTicks, { minLength: 10, maxLength: 10 }),
    samples: fc.array(fc.nat(), { maxLength: 20 }),
    deltas: fc.array(anyNumber, { minLength: 20, maxLength: 20 }),
    startTime: anyNumber,
    endTime: anyNumber,
  })
  .map(({ parents, frames, ticks, samples, deltas, startTime, endTime }) => {
    // Node i + 1 hangs below an earlier node; node 1 is the root.
    const nodes = parents.map((_, i) => ({ id: i + 1, callFrame: frames[i], positionTicks: ticks[i], children: [] as number[] }));
    for (let i = 1; i < nodes.length; i++) nodes[parents[i] % i].children.push(i + 1);
    const sampled = samples.map((s) => (s % nodes.length) + 1);
    return { nodes, startTime, endTime, samples: sampled, timeDeltas: deltas.slice(0, sampled.length) };
  });

interface HeapNodeShape {
  callFrame: unknown;
  selfSize: unknown;
  id: unknown;
  children: HeapNodeShape[];
}
const heapProfile = fc.letrec<{ node: HeapNodeShape; profile: unknown }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'heap' },
    fc.record({ callFrame, selfSize: anyNumber, id, children: fc.constant<HeapNodeShape[]>([]) }),
    fc.record({ callFrame, selfSize: anyNumber, id, children: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'heap' }) }),
  ),
  profile: fc.record({ head: tie('node'), samples: fc.array(fc.record({ size: anyNumber, nodeId: id, ordinal: anyNumber }), { maxLength: 5 }) }, { requiredKeys: ['head'] }),
})).profile;

const traceEvent = fc.record(
  {
    ph: fc.constantFrom('X', 'B', 'E', 'P', 'M', 'i', 'b'),
    name: fc.constantFrom('Profile', 'ProfileChunk', 'CpuProfile', 'RunTask', 'thread_name', 'f'),
    pid: fc.integer({ min: 1, max: 2 }),
    tid: fc.integer({ min: 1, max: 3 }),
    id: fc.constantFrom('0x1', '0x2'),
    ts: anyNumber,
    dur: anyNumber,
    args: fc.oneof(
      fc.record({ name: fc.string() }),
      fc.record({
        data: fc.record(
          {
            startTime: anyNumber,
            cpuProfile: fc.oneof(
              fc.record({ nodes: fc.array(fc.record({ id, parent: id, callFrame }, { requiredKeys: ['id', 'callFrame'] }), { maxLength: 5 }), samples: fc.array(id, { maxLength: 6 }) }, { requiredKeys: [] }),
              cpuProfile,
            ),
            timeDeltas: fc.array(anyNumber, { maxLength: 6 }),
            lines: fc.array(anyNumber, { maxLength: 6 }),
          },
          { requiredKeys: [] },
        ),
      }),
    ),
  },
  { requiredKeys: ['ph', 'name'] },
);
const trace = fc.oneof(fc.array(traceEvent, { maxLength: 12 }), fc.record({ traceEvents: fc.array(traceEvent, { maxLength: 12 }) }));

const frameIndex = fc.integer({ min: -1, max: 4 });
const speedscopeFile = fc.record({
  $schema: fc.constant('https://www.speedscope.app/file-format-schema.json'),
  shared: fc.record({ frames: fc.array(fc.record({ name: fc.constantFrom('a', 'b', 'c'), file: fc.constantFrom('x.py', ''), line: anyNumber, col: anyNumber }, { requiredKeys: ['name'] }), { maxLength: 4 }) }),
  activeProfileIndex: anyNumber,
  profiles: fc.array(
    fc.oneof(
      fc.record({ type: fc.constant('sampled'), name: fc.string(), unit: fc.constantFrom('none', 'milliseconds', 'bytes', 'parsecs'), startValue: anyNumber, endValue: anyNumber, samples: fc.array(fc.array(frameIndex, { maxLength: 4 }), { maxLength: 5 }), weights: fc.array(anyNumber, { maxLength: 5 }) }),
      fc.record({ type: fc.constant('evented'), name: fc.string(), unit: fc.constantFrom('none', 'seconds'), startValue: anyNumber, endValue: anyNumber, events: fc.array(fc.record({ type: fc.constantFrom('O', 'C', 'Z'), frame: frameIndex, at: anyNumber }), { maxLength: 8 }) }),
    ),
    { maxLength: 3 },
  ),
});

const JSON_IMPORTERS = [v8CpuProfileImporter, v8HeapProfileImporter, traceEventsImporter, speedscopeImporter];
const SHAPES: Array<[Importer, fc.Arbitrary<unknown>, string]> = [
  [v8CpuProfileImporter, cpuProfile, 'random documents of its general shape'],
  [v8CpuProfileImporter, soundCpuProfile, 'random profiles with sound links and random values'],
  [v8HeapProfileImporter, heapProfile, 'random documents of its general shape'],
  [traceEventsImporter, trace, 'random documents of its general shape'],
  [speedscopeImporter, speedscopeFile, 'random documents of its general shape'],
];
for (const [importer, documents, what] of SHAPES) {
  test(`${importer.format}: ${what} are imported or refused`, () => {
    fc.assert(
      fc.property(documents, (doc) => importsOrRefuses(importer, Buffer.from(JSON.stringify(doc)))),
      { numRuns: 400 },
    );
  });
}

test('every JSON importer refuses other formats, binary ones included, with a ProfileError', () => {
  const others: Uint8Array[] = [
    Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]),
    Buffer.from('FLR\u0000binary jfr'),
    Buffer.from('main;work 12\nmain 3\n'),
    Buffer.from('[1, 2, 3]'),
    Buffer.from('"just a string"'),
    Buffer.from('{}'),
    Buffer.from('null'),
    Buffer.from('\uFEFF{"nodes": null}'),
    new Uint8Array(0),
    new Uint8Array(4096).fill(0xff),
  ];
  for (const importer of JSON_IMPORTERS) for (const bytes of others) importsOrRefuses(importer, bytes);
});

test('random bytes are imported or refused by every JSON importer', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
      for (const importer of JSON_IMPORTERS) importsOrRefuses(importer, bytes);
    }),
    { numRuns: RUNS },
  );
});
