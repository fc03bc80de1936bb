/**
 * The callgrind importer against valgrind's own readers on real profiles: for each file and
 * event, our per-function self and total shares must match what `callgrind_annotate` and
 * `callgrind_annotate --inclusive=yes` print (cg_annotate for cachegrind's format), function by
 * function for the top functions, and every function's self count must be the same exactly.
 *
 * How the two sides group functions: callgrind_annotate lists each recursion level apart (`fib`
 * and `fib'2`); we merge them, so our self is the sum of the levels and our total is the first
 * level's inclusive count (the outermost calls, see server/src/profiles/importers/callgrind/graph.ts).
 * Code inlined from another file is a function of its own on both sides (`checksum.h:walk`);
 * there our total is the larger of its first level's inclusive count and its self count over all
 * levels, since inlined code makes no frame.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadProfile } from '../../../server/src/profiles/load';
import type { Profile, ProfileFunction } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';
import { annotate, withoutLevel, type Annotation } from './callgrind-reference';
import { assertAgreement, logTable, ourShares, sharesOf, type Shares } from './function-shares';
import { plainCopy } from './jfr-reference';

const dir = path.join(fixturesDir, 'profiles', 'callgrind');
/** Shares computed from the same integer counts on both sides agree far within print rounding. */
const TOLERANCE = 0.001;
/** How many of the reference's functions by self and by total are compared. */
const TOP = 20;

const CACHE_EVENTS = ['Ir', 'Dr', 'Dw', 'I1mr', 'D1mr', 'D1mw', 'ILmr', 'DLmr', 'DLmw', 'Bc', 'Bcm', 'Bi', 'Bim'];
const FILES: ReadonlyArray<{ file: string; events: string[] }> = [
  { file: 'callgrind.out.txn', events: ['Ir'] },
  { file: 'ledger.callgrind.out', events: ['Ir'] },
  { file: 'ledger-cache.callgrind.out', events: CACHE_EVENTS },
  { file: 'python-inventory.callgrind.out.gz', events: ['Ir'] },
];

/** callgrind_annotate's self and inclusive listings of each event of a file, run once per file. */
function listings(file: string, events: string[]): { self: Map<string, Annotation>; inclusive: Map<string, Annotation> } {
  return { self: annotate('callgrind_annotate', file, events), inclusive: annotate('callgrind_annotate', file, events, true) };
}

/** The key both sides can make: `function @ file`, `???` for an unknown file, as callgrind_annotate prints. */
const keyOf = (fn: ProfileFunction): string => `${fn.name} @ ${fn.file ?? '???'}`;

/** Our functions that are code inlined into another: the targets of the importer's made-up edges. */
function inlinedCode(profile: Profile): Set<string> {
  const keys = new Set<string>();
  if (profile.shape.kind !== 'graph') return keys;
  for (const edge of profile.shape.graph.edges) {
    const host = profile.functions[edge.caller];
    const code = profile.functions[edge.callee];
    if (edge.line === 0 && host.name === code.name && host.file !== code.file) keys.add(keyOf(code));
  }
  return keys;
}

/** Self counts per key from a listing, recursion levels added up. */
function selfCounts(counts: Map<string, number>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const [name, count] of counts) merged.set(withoutLevel(name), (merged.get(withoutLevel(name)) ?? 0) + count);
  return merged;
}

/** The sum of a listing's counts. */
function sum(counts: Map<string, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

/**
 * callgrind_annotate's shares for its top functions by self and by inclusive count, grouped as
 * ours. 100% is the sum of its functions' self counts, as ours is: callgrind_annotate divides by
 * the file's `summary:` instead, which callgrind writes a count or two above the sum of the cost
 * lines for some events (the test below bounds that difference).
 */
function referenceShares(self: Annotation, inclusive: Annotation, inlined: Set<string>): Shares {
  const values = new Map<string, { self: number; total: number }>();
  for (const [key, count] of selfCounts(self.counts)) {
    const first = inclusive.counts.get(key) ?? 0;
    values.set(key, { self: count, total: inlined.has(key) ? Math.max(first, count) : first });
  }
  const top = (by: 'self' | 'total') => [...values].sort((a, b) => b[1][by] - a[1][by]).slice(0, TOP);
  return sharesOf(new Map([...top('self'), ...top('total')]), sum(self.counts));
}

for (const { file, events } of FILES) {
  describe(`callgrind ${file}`, () => {
    const source = path.join(dir, file);
    // We read the file as it is; valgrind's readers take no gzip, so they read a plain copy.
    const fixture = file.endsWith('.gz') ? plainCopy(source) : source;
    if (fixture !== source) after(() => fs.rmSync(path.dirname(fixture), { recursive: true, force: true }));
    let profile: Profile;
    let reference: ReturnType<typeof listings>;

    test('is read as callgrind with one sample type per event, Ir shown first', async () => {
      profile = await loadProfile(source);
      assert.equal(profile.format, 'callgrind');
      assert.deepEqual(profile.sampleTypes.map((t) => t.type), events);
      assert.deepEqual(profile.sampleTypes[0], { type: 'Ir', unit: 'instructions' });
      assert.equal(profile.defaultSampleType, 0);
      reference = listings(fixture, events);
    });

    test('every function has the self count callgrind_annotate prints; 100% is their sum', () => {
      const listing = reference.self.get('Ir')!;
      const counts = selfCounts(listing.counts);
      const stats = computeStats(profile, 0);
      assert.equal(stats.grand, sum(listing.counts));
      // callgrind's summary (callgrind_annotate's PROGRAM TOTALS) may exceed the cost lines by a few counts.
      assert.ok(listing.programTotal >= stats.grand && listing.programTotal - stats.grand < 1e-6 * stats.grand, `summary ${listing.programTotal}, cost lines ${stats.grand}`);
      const ours = new Map<string, number>();
      profile.functions.forEach((fn, i) => ours.set(keyOf(fn), (ours.get(keyOf(fn)) ?? 0) + stats.self[i]));
      for (const [key, count] of counts) assert.equal(ours.get(key) ?? 0, count, key);
      for (const [key, count] of ours) assert.ok(count === 0 || counts.has(key), `${key} is not in callgrind_annotate's listing`);
    });

    for (const event of events) {
      test(`${event}: self and total shares agree with callgrind_annotate`, (t) => {
        const index = profile.sampleTypes.findIndex((s) => s.type === event);
        const shares = referenceShares(reference.self.get(event)!, reference.inclusive.get(event)!, inlinedCode(profile));
        const table = assertAgreement(ourShares(profile, index, keyOf), shares, { top: Infinity, selfTolerance: TOLERANCE }, `${file} ${event}`);
        logTable(t, table);
      });
    }
  });
}

describe('callgrind ledger-one-level.callgrind.out (--separate-recs=1: recursive calls go to the function itself)', () => {
  const fixture = path.join(dir, 'ledger-one-level.callgrind.out');
  const ledger = (name: string) => `${name} @ /srv/hotpath/programs/c/ledger.c`;
  /** Directly recursive functions: callgrind_annotate adds the recursive calls into them to their inclusive count again. */
  const RECURSIVE = [ledger('fib'), ledger('walk'), ledger('build'), 'msort_with_tmp.part.0 @ ./stdlib/./stdlib/msort.c'];
  /** is_even and is_odd call each other: without stacks neither side can tell nested calls apart. */
  const MUTUAL = [ledger('is_even'), ledger('is_odd')];

  test('self and total agree with callgrind_annotate except where it counts recursion twice', async (t) => {
    const profile = await loadProfile(fixture);
    const { self, inclusive } = listings(fixture, ['Ir']);
    const reference = referenceShares(self.get('Ir')!, inclusive.get('Ir')!, inlinedCode(profile));
    for (const key of RECURSIVE) reference.delete(key);
    const table = assertAgreement(ourShares(profile, 0, keyOf), reference, { top: Infinity, selfTolerance: TOLERANCE }, 'ledger-one-level Ir');
    logTable(t, table);
  });

  test('the totals of directly recursive functions are the exact ones that recursion levels give', async () => {
    const oneLevel = await loadProfile(fixture);
    const levels = annotate('callgrind_annotate', path.join(dir, 'ledger.callgrind.out'), ['Ir'], true).get('Ir')!;
    const counted = annotate('callgrind_annotate', fixture, ['Ir'], true).get('Ir')!;
    const stats = computeStats(oneLevel, 0);
    const total = (key: string) => stats.total[oneLevel.functions.findIndex((fn) => keyOf(fn) === key)];
    for (const key of RECURSIVE) {
      // The same program and input: callgrind counts the same instructions in both recordings.
      assert.equal(total(key), levels.counts.get(key), `${key}: our total is the outermost calls' inclusive count`);
      assert.ok(counted.counts.get(key)! > total(key), `${key}: callgrind_annotate counts the recursive calls again`);
    }
    for (const key of MUTUAL) {
      assert.equal(total(key), counted.counts.get(key), `${key}: both sides add up the nested calls`);
      assert.ok(total(key) > levels.counts.get(key)!, key);
    }
  });
});

describe('cachegrind ledger.cachegrind.out', () => {
  const fixture = path.join(dir, 'ledger.cachegrind.out');

  test('is read with its nine events; self shares agree with cg_annotate, totals equal self (no calls)', async (t) => {
    const profile = await loadProfile(fixture);
    assert.equal(profile.format, 'callgrind');
    assert.deepEqual(profile.sampleTypes.map((s) => s.type), ['Ir', 'I1mr', 'ILmr', 'Dr', 'D1mr', 'DLmr', 'Dw', 'D1mw', 'DLmw']);
    for (const [index, { type }] of profile.sampleTypes.entries()) {
      const listing = annotate('cg_annotate', fixture, [type]).get(type)!;
      const values = new Map([...listing.counts].map(([key, count]) => [key, { self: count, total: count }]));
      const table = assertAgreement(ourShares(profile, index, keyOf), sharesOf(values, sum(listing.counts)), { top: TOP, selfTolerance: TOLERANCE }, `cachegrind ${type}`);
      if (type === 'Ir' || type === 'D1mr') logTable(t, table);
    }
  });
});
