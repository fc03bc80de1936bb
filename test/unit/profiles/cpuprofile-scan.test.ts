/**
 * The .cpuprofile importer reads the file's bytes with its own JSON scanner instead of
 * JSON.parse. These tests hold it to a reader built on JSON.parse (the parsed node objects read
 * by the same shared code the Chrome trace importer uses): on random profiles written with any
 * key order, white space and string escapes, and on real files damaged, both give the same
 * profile, or both refuse the file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ProfileError } from '../../../server/src/profiles/importer';
import { JsonShape, parseJson } from '../../../server/src/profiles/importers/json-input';
import { addV8CpuProfile, V8_CPU_SAMPLE_TYPES } from '../../../server/src/profiles/importers/v8-cpu';
import { v8CpuProfileImporter } from '../../../server/src/profiles/importers/v8-cpuprofile';
import { v8NodeListFromObjects } from '../../../server/src/profiles/importers/v8-node-list';
import { toInput } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { selfColumn } from '../../../server/src/profiles/self-values';
import { TreeBuilder } from '../../../server/src/profiles/tree-builder';
import { fixturesDir } from '../../helpers/paths';

const NAME = 'scanned.cpuprofile';

/** The reference: JSON.parse, then the node objects through the code Chrome traces use. */
function parsedProfile(bytes: Uint8Array): Omit<Profile, 'format' | 'source' | 'sampleTypes' | 'defaultSampleType'> {
  const shape = new JsonShape(NAME);
  const root = shape.object(parseJson(toInput(NAME, bytes)), 'the JSON document');
  const nodes = shape.array(root.nodes, '"nodes"');
  if (nodes.length === 0) shape.fail('the profile has no nodes');
  const startTime = shape.optionalNumber(root.startTime, '"startTime"');
  const endTime = shape.optionalNumber(root.endTime, '"endTime"');
  const builder = new TreeBuilder(V8_CPU_SAMPLE_TYPES.length);
  const list = v8NodeListFromObjects(shape, builder, nodes, 'children');
  const samples = shape.optionalArray(root.samples, '"samples"');
  const timeDeltas = shape.optionalArray(root.timeDeltas, '"timeDeltas"');
  const { sampleCount } = addV8CpuProfile(shape, builder, { nodes: list, samples, timeDeltas, startTime, endTime });
  const profile: ReturnType<typeof parsedProfile> = { functions: builder.functions, shape: { kind: 'tree', tree: builder.build() }, sampleCount };
  if (startTime !== undefined && endTime !== undefined && endTime >= startTime) profile.durationNanos = (endTime - startTime) * 1000;
  return profile;
}

type Outcome = { refused: string } | { profile: unknown };

function outcome(read: () => Omit<Profile, 'format' | 'source' | 'sampleTypes' | 'defaultSampleType'>): Outcome {
  try {
    const { functions, shape, sampleCount, durationNanos } = read();
    if (shape.kind !== 'tree') return { profile: 'not a tree' };
    const { parent, func, line, selfValues, size } = shape.tree;
    const self = selfValues.map((_, type) => [...selfColumn(shape.tree, type)]);
    return { profile: { functions, size, parent: [...parent], func: [...func], line: [...line], self, sampleCount, durationNanos } };
  } catch (error) {
    if (error instanceof ProfileError && error.message.startsWith(`${NAME}: `)) return { refused: error.message };
    throw error;
  }
}

/** Both readers give the same profile, or both refuse the bytes (each with a message naming the file). */
function assertSameAsParsed(bytes: Uint8Array): void {
  const scanned = outcome(() => v8CpuProfileImporter.read(toInput(NAME, bytes)));
  const parsed = outcome(() => parsedProfile(bytes));
  if ('refused' in parsed || 'refused' in scanned) {
    assert.equal('refused' in scanned, 'refused' in parsed, `scanner: ${JSON.stringify(scanned).slice(0, 300)}\nJSON.parse: ${JSON.stringify(parsed).slice(0, 300)}`);
    return;
  }
  assert.deepEqual(scanned.profile, parsed.profile);
}

/** JSON text of a value with its keys in the order `pick` chooses and white space where it says. */
function written(value: unknown, pick: () => number): string {
  const space = (): string => ['', ' ', '\n  ', '\t', '\r\n'][pick() % 5];
  if (Array.isArray(value)) return `[${space()}${value.map((v) => written(v, pick)).join(`,${space()}`)}${space()}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = pick() % (i + 1);
      [keys[i], keys[j]] = [keys[j], keys[i]];
    }
    const members = keys.map((key) => `${JSON.stringify(key)}${space()}:${space()}${written((value as Record<string, unknown>)[key], pick)}`);
    return `{${space()}${members.join(`,${space()}`)}${space()}}`;
  }
  const text = JSON.stringify(value);
  // Some strings written with every character escaped, as a writer may.
  if (typeof value === 'string' && pick() % 3 === 0) return `"${[...value].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`;
  return text;
}

function picker(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 1000;
  };
}

const names = fc.constantFrom('', 'main', '(root)', '(program)', '(garbage collector)', 'say "hi"', 'back\\slash', 'línea ✓', '😀 emoji', '</script><b>x</b>', 'tab\there', 'nul\u0000');
const urls = fc.constantFrom('', 'file:///srv/app/a.js', 'b.js', 'file:///srv/caf\u00e9/é.js', 'webpack://app/./src/x.ts');
const number = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e21, -0, 0.5, 2 ** 31, 2 ** 53));
const callFrame = fc.record(
  { functionName: names, scriptId: fc.constantFrom('0', '12'), url: urls, lineNumber: number, columnNumber: number, extra: fc.jsonValue({ maxDepth: 2 }) },
  { requiredKeys: [] },
);

const profiles = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
    frames: fc.array(fc.oneof(callFrame, fc.constant({ functionName: 'main', url: 'b.js', lineNumber: 3 })), { minLength: 12, maxLength: 12 }),
    ticks: fc.array(fc.option(fc.array(fc.record({ line: number, ticks: fc.oneof(fc.nat(5), number) }, { requiredKeys: [] }), { maxLength: 3 })), { minLength: 12, maxLength: 12 }),
    hits: fc.array(fc.option(number), { minLength: 12, maxLength: 12 }),
    samples: fc.array(fc.nat(), { maxLength: 30 }),
    deltas: fc.option(fc.array(fc.oneof(fc.integer({ min: -50, max: 500 }), number), { minLength: 30, maxLength: 30 })),
    startTime: fc.option(number),
    endTime: fc.option(number),
    other: fc.jsonValue({ maxDepth: 3 }),
    seed: fc.integer(),
  })
  .map(({ parents, frames, ticks, hits, samples, deltas, startTime, endTime, other, seed }) => {
    const nodes = parents.map((_, i) => {
      const node: Record<string, unknown> = { id: i + 1, callFrame: frames[i], children: [] as number[] };
      if (ticks[i] !== null) node.positionTicks = ticks[i];
      if (hits[i] !== null) node.hitCount = hits[i];
      return node;
    });
    for (let i = 1; i < nodes.length; i++) (nodes[parents[i] % i].children as number[]).push(i + 1);
    const sampled = samples.map((s) => (s % nodes.length) + 1);
    const doc: Record<string, unknown> = { nodes, samples: sampled, other };
    if (deltas) doc.timeDeltas = deltas.slice(0, sampled.length);
    if (startTime !== null) doc.startTime = startTime;
    if (endTime !== null) doc.endTime = endTime;
    return Buffer.from(written(doc, picker(seed)));
  });

test('random profiles, any key order, white space and escapes: the scanner reads what JSON.parse reads', () => {
  fc.assert(fc.property(profiles, assertSameAsParsed), { numRuns: 600 });
});

test('random profiles with bytes flipped or cut short: the scanner refuses what JSON.parse refuses, and reads the rest the same', () => {
  fc.assert(
    fc.property(profiles, fc.array(fc.record({ at: fc.nat(), byte: fc.constantFrom(0x22, 0x5c, 0x2c, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x20, 0x30, 0x2d, 0x65, 0x2e, 0x00, 0xff, 0x6e) }), { maxLength: 3 }), fc.nat(), (bytes, flips, cut) => {
      const copy = Buffer.from(bytes);
      for (const { at, byte } of flips) copy[at % copy.length] = byte;
      assertSameAsParsed(copy);
      assertSameAsParsed(copy.subarray(0, cut % (copy.length + 1)));
    }),
    { numRuns: 400 },
  );
});

test('a recorded profile with a byte order mark and Windows line ends reads the same as without', () => {
  const bytes = fs.readFileSync(path.join(fixturesDir, 'profiles', 'v8', 'recorded-app.cpuprofile'));
  const pretty = Buffer.from(`\uFEFF${JSON.stringify(JSON.parse(bytes.toString('utf8')), null, 2).replace(/\n/g, '\r\n')}`);
  assertSameAsParsed(bytes);
  assert.deepEqual(outcome(() => v8CpuProfileImporter.read(toInput(NAME, pretty))), outcome(() => parsedProfile(bytes)));
});

const REFUSED: Array<[string, string, RegExp]> = [
  ['a key without quotes', '{nodes: []}', /^scanned\.cpuprofile: not valid JSON \(expected a key in quotes at byte 1\)$/],
  ['a string not closed', '{"nodes": [{"id": 1, "callFrame": {"functionName": "ma', /^scanned\.cpuprofile: not valid JSON \(a string is not closed at byte 51\)$/],
  ['a bad escape', '{"nodes": [{"id": 1, "callFrame": {"functionName": "a\\x"}}]}', /^scanned\.cpuprofile: not valid JSON \(a string has an unknown escape at byte 53\)$/],
  ['a trailing comma', '{"nodes": [{"id": 1, "callFrame": {}},]}', /^scanned\.cpuprofile: not valid JSON \(no value starts at byte 38\)$/],
  ['text after the document', '{"nodes": [{"id": 1, "callFrame": {}}]} x', /^scanned\.cpuprofile: not valid JSON \(text follows the end of the document at byte 40\)$/],
  ['bad JSON in a skipped key', '{"nodes": [{"id": 1, "callFrame": {}}], "meta": [1 2]}', /^scanned\.cpuprofile: not valid JSON \(expected , or \] after an element at byte 51\)$/],
  ['two node lists', '{"nodes": [{"id": 1, "callFrame": {}}], "nodes": []}', /^scanned\.cpuprofile: the profile has two "nodes" lists$/],
  ['a sample that is not a number', '{"nodes": [{"id": 1, "callFrame": {}}], "samples": [1, "1"]}', /^scanned\.cpuprofile: sample #2 names node "1" which is not a node of the profile$/],
  ['a child that is not an id', '{"nodes": [{"children": [2.5], "id": 1, "callFrame": {}}]}', /^scanned\.cpuprofile: node 1 names child 2\.5 which is not a node of the profile$/],
];

for (const [what, text, message] of REFUSED) {
  test(`a .cpuprofile with ${what} is refused with a message naming the file and the place`, () => {
    assert.throws(
      () => v8CpuProfileImporter.read(toInput(NAME, Buffer.from(text))),
      (error: unknown) => error instanceof ProfileError && message.test(error.message),
    );
  });
}
