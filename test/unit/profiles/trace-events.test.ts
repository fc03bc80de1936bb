/**
 * The Chrome trace importer on real traces: a Chrome performance trace with V8 CPU samples, the
 * TypeScript compiler's trace (array form, B/E and X events), node's own trace events (object
 * form), each against DevTools' trace engine reading the same file; plus the array form without
 * its closing bracket, a whole CpuProfile in one event, threads, and broken traces.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ProfileError } from '../../../server/src/profiles/importer';
import { traceEventsImporter } from '../../../server/src/profiles/importers/trace-events';
import { v8CpuProfileImporter } from '../../../server/src/profiles/importers/v8-cpuprofile';
import { toInput } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';
import { devtoolsBottomUp, devtoolsTraceCpuProfiles } from './devtools-reference';
import { assertAgreement, functionKey, logTable, ourShares, sharesOf } from './function-shares';

const traceDir = path.join(fixturesDir, 'profiles', 'trace');
const SAMPLES = 0;
const CPU = 1;

function importText(name: string, text: string): Profile {
  return traceEventsImporter.read(toInput(name, Buffer.from(text)));
}

function fixtureText(file: string): string {
  return fs.readFileSync(path.join(traceDir, file), 'utf8');
}

function eventsOf(text: string): Array<{ name: string; args?: unknown }> {
  const json = JSON.parse(text) as unknown;
  return (Array.isArray(json) ? json : (json as { traceEvents: Array<{ name: string }> }).traceEvents) as Array<{ name: string; args?: unknown }>;
}

test('chrome-page.trace.json: the V8 samples agree with DevTools reading the same trace', async (t) => {
  const text = fixtureText('chrome-page.trace.json');
  const profile = importText('chrome-page.trace.json', text);
  assert.equal(profile.format, 'chrome-trace');
  assert.deepEqual(profile.sampleTypes, [
    { type: 'samples', unit: 'samples' },
    { type: 'cpu', unit: 'nanoseconds' },
  ]);
  const references = await devtoolsTraceCpuProfiles(eventsOf(text));
  assert.equal(references.length, 1, 'one sampled thread, the renderer main thread');
  const [reference] = references;
  logTable(t, assertAgreement(ourShares(profile, SAMPLES), reference.samples, { top: 12, selfTolerance: 1e-9 }, 'chrome-page.trace.json (samples) vs DevTools'));
  logTable(t, assertAgreement(ourShares(profile, CPU), reference.cpuSelf, { top: 12, selfTolerance: 0.01, totals: false }, 'chrome-page.trace.json (cpu) vs DevTools'));
});

test('chrome-page.trace.json: per-sample lines give line values; the sample count is the samples taken', () => {
  const text = fixtureText('chrome-page.trace.json');
  const profile = importText('chrome-page.trace.json', text);
  let chunkSamples = 0;
  for (const event of eventsOf(text) as Array<{ name: string; args?: { data?: { cpuProfile?: { samples?: unknown[] } } } }>) {
    if (event.name === 'ProfileChunk') chunkSamples += event.args?.data?.cpuProfile?.samples?.length ?? 0;
  }
  assert.equal(profile.sampleCount, chunkSamples);
  const stats = computeStats(profile, SAMPLES);
  const fn = profile.functions.findIndex((f) => f.name === 'computeTotals');
  assert.equal(profile.functions[fn].line, 16);
  // The nested busy loop (lines 22-23 of report.mjs) is where computeTotals itself spends its time.
  const lines = stats.lines[fn]!;
  const hottest = [...lines].filter(([line]) => line > 0).sort((a, b) => b[1] - a[1])[0];
  assert.ok(hottest[0] === 22 || hottest[0] === 23, `hottest line ${hottest[0]}`);
});

/**
 * DevTools' bottom-up table of the one thread with duration events, as shares. DevTools' engine
 * stops at the marker event tsc writes without `args` (TracingStartedInBrowser), which holds no
 * duration: it is left out of what the engine is given.
 */
async function bottomUpShares(text: string): Promise<ReturnType<typeof sharesOf>> {
  const events = eventsOf(text).filter((event) => !(event.name === 'TracingStartedInBrowser' && event.args === undefined));
  const threads = await devtoolsBottomUp(events);
  assert.equal(threads.size, 1, `threads with events: ${[...threads.keys()].join(', ')}`);
  const [byName] = threads.values();
  return sharesOf(new Map([...byName].map(([name, value]) => [functionKey({ name }), value])));
}

for (const file of ['tsc-check.trace.json', 'node-app.trace.json']) {
  test(`${file}: wall time per event name agrees with DevTools' bottom-up table`, async (t) => {
    const text = fixtureText(file);
    const profile = importText(file, text);
    assert.deepEqual(profile.sampleTypes, [{ type: 'wall', unit: 'nanoseconds' }]);
    logTable(t, assertAgreement(ourShares(profile), await bottomUpShares(text), { top: 12, selfTolerance: 1e-6 }, `${file} (wall) vs DevTools`));
  });
}

test('the array form may lack its closing bracket', () => {
  const text = fixtureText('tsc-check.trace.json');
  const whole = importText('tsc.json', text);
  const open = importText('tsc-open.json', text.trimEnd().replace(/\]$/, ''));
  const openWithComma = importText('tsc-comma.json', `${text.trimEnd().replace(/\]$/, '').trimEnd()},\n`);
  assert.deepEqual(ourShares(open), ourShares(whole));
  assert.deepEqual(ourShares(openWithComma), ourShares(whole));
});

test('a whole CpuProfile in one event reads like the .cpuprofile it holds', () => {
  const cpuprofile = fs.readFileSync(path.join(fixturesDir, 'profiles', 'v8', 'app.cpuprofile'), 'utf8');
  const trace = `{"traceEvents":[{"name":"CpuProfile","ph":"X","pid":1,"tid":1,"ts":0,"dur":1,"cat":"disabled-by-default-devtools.timeline","args":{"data":{"cpuProfile":${cpuprofile}}}}]}`;
  const fromTrace = importText('wrapped.json', trace);
  const direct = v8CpuProfileImporter.read(toInput('app.cpuprofile', Buffer.from(cpuprofile)));
  assert.deepEqual(ourShares(fromTrace, CPU), ourShares(direct, CPU));
  assert.equal(fromTrace.sampleCount, direct.sampleCount);
});

const event = (ph: string, name: string, ts: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ ph, name, ts, pid: 1, tid: 1, cat: 'test', ...extra });

test('duration events: self is duration minus children; B without E lasts to the end; children are clipped', () => {
  const profile = importText(
    'evented.json',
    JSON.stringify([
      event('X', 'task', 0, { dur: 100 }),
      event('X', 'child', 10, { dur: 20 }),
      event('B', 'nested', 15),
      event('E', 'nested', 25),
      // An X that outlasts its parent is clipped to the parent's end.
      event('X', 'late', 90, { dur: 30 }),
      event('E', 'stray', 95),
      event('B', 'open', 200),
      event('X', 'end marker', 300, { dur: 0 }),
    ]),
  );
  const stats = computeStats(profile);
  const id = (name: string): number => profile.functions.findIndex((fn) => fn.name === name);
  const ns = 1000;
  assert.equal(stats.self[id('task')], 70 * ns);
  assert.equal(stats.self[id('child')], 10 * ns);
  assert.equal(stats.self[id('nested')], 10 * ns);
  assert.equal(stats.self[id('late')], 10 * ns);
  assert.equal(stats.self[id('open')], 100 * ns);
  assert.equal(id('stray'), -1);
  assert.equal(stats.grand, 200 * ns);
  assert.equal(profile.durationNanos, 300 * ns);
});

test('several threads: a root frame per thread, named from the thread_name metadata', () => {
  const profile = importText(
    'threads.json',
    JSON.stringify({
      traceEvents: [
        { ph: 'M', name: 'thread_name', pid: 7, tid: 1, args: { name: 'Main' } },
        event('X', 'work', 0, { dur: 10, pid: 7, tid: 1 }),
        event('X', 'work', 0, { dur: 30, pid: 7, tid: 2 }),
      ],
    }),
  );
  const stats = computeStats(profile);
  const id = (name: string): number => profile.functions.findIndex((fn) => fn.name === name);
  assert.equal(stats.total[id('Main (pid 7)')], 10_000);
  assert.equal(stats.total[id('thread 2 (pid 7)')], 30_000);
  assert.equal(stats.self[id('work')], 40_000);
});

test('a thread profiled twice at once shows the profile DevTools prefers', () => {
  const start = (id: string, source: string): Record<string, unknown> => event('P', 'Profile', 0, { id, args: { data: { startTime: 0, source } } });
  const part = (id: string, name: string): Record<string, unknown> =>
    event('P', 'ProfileChunk', 1, { id, args: { data: { cpuProfile: { nodes: [{ id: 1, callFrame: { functionName: name } }], samples: [1, 1] }, timeDeltas: [1, 1] } } });
  const profile = importText('twice.json', JSON.stringify([start('0x1', 'Inspector'), part('0x1', 'inspector'), start('0x2', 'Internal'), part('0x2', 'internal')]));
  assert.deepEqual(
    profile.functions.map((fn) => fn.name),
    ['internal'],
  );
});

const chunk = (nodes: unknown[], samples: unknown[], timeDeltas: unknown[]): Record<string, unknown> =>
  event('P', 'ProfileChunk', 5, { id: '0x1', args: { data: { cpuProfile: { nodes, samples }, timeDeltas } } });
const profileStart = event('P', 'Profile', 0, { id: '0x1', args: { data: { startTime: 0 } } });
const root = { id: 1, callFrame: { functionName: '(root)' } };
const BROKEN: Array<[string, string, RegExp]> = [
  ['not JSON', '[{"ph": "X"', /^bad\.json: not valid JSON/],
  ['traceEvents not a list', '{"traceEvents": {}}', /^bad\.json: "traceEvents" is not a list$/],
  ['an event not an object', '[{"ph":"X","name":"a","ts":0,"dur":1}, 3]', /^bad\.json: event #2 is not an object$/],
  ['nothing to show', JSON.stringify([event('i', 'mark', 0)]), /^bad\.json: the trace has no CPU profile and no duration events \(X, B\/E\) to show$/],
  ['a chunk node with an unknown parent', JSON.stringify([profileStart, chunk([root, { id: 2, parent: 9, callFrame: { functionName: 'f' } }], [2], [1])]), /^bad\.json: node 2 names parent 9 which is not a node of the profile$/],
  ['a sample of an unknown node', JSON.stringify([profileStart, chunk([root], [1, 4], [1, 1])]), /^bad\.json: sample #2 names node 4 which is not a node of the profile$/],
  ['samples without their deltas', JSON.stringify([profileStart, chunk([root], [1, 1], [1])]), /^bad\.json: samples has 2 entries but timeDeltas has 1; each sample needs one$/],
];
for (const [what, text, message] of BROKEN) {
  test(`a broken trace (${what}) is refused with a message naming the file and the problem`, () => {
    assert.throws(
      () => importText('bad.json', text),
      (error: unknown) => error instanceof ProfileError && message.test(error.message),
    );
  });
}
