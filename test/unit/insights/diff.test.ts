/**
 * Profile comparison on real recordings (test/fixtures/compare/, made by
 * scripts/record-profiles/record-compare.sh: the same program before and after a planted
 * slowdown), on two formats of one recording, and on small folded-stack profiles that isolate one
 * rule each.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ChangeKind, changesOf, DEFAULT_DIFF_OPTIONS, diffProfiles, DiffOptions, ProfileDiff } from '../../../server/src/insights/diff';
import { comparableSampleTypes, ComparisonError } from '../../../server/src/insights/profile-kind';
import { readProfile } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { fixturesDir } from '../../helpers/paths';

function fixture(...parts: string[]): { name: string; profile: Profile } {
  const file = path.join(fixturesDir, ...parts);
  return { name: path.basename(file), profile: readProfile(file, fs.readFileSync(file)) };
}

function folded(name: string, text: string): { name: string; profile: Profile } {
  return { name, profile: readProfile(name, Buffer.from(text)) };
}

function compare(base: { name: string; profile: Profile }, current: { name: string; profile: Profile }, options: DiffOptions = DEFAULT_DIFF_OPTIONS): ProfileDiff {
  const types = comparableSampleTypes(base, current);
  return diffProfiles({ ...base, sampleType: types.base }, { ...current, sampleType: types.current }, options);
}

/** The names of each kind of change that a reader acts on. */
function classified(diff: ProfileDiff): Partial<Record<ChangeKind, string[]>> {
  const kinds: ChangeKind[] = ['regression', 'improvement', 'new', 'removed', 'shifted'];
  return Object.fromEntries(kinds.map((k) => [k, changesOf(diff, k).map((c) => c.name)]).filter(([, names]) => names.length > 0));
}

function change(diff: ProfileDiff, name: string) {
  const found = diff.changes.find((c) => c.name === name);
  assert.ok(found, `no change for ${name}`);
  return found;
}

const round = (n: number | undefined) => (n === undefined ? undefined : Number(n.toFixed(2)));

describe('comparing the recorded pairs', () => {
  it('Go, go test -cpuprofile: the planted slowdown in lookup is a regression; the == compare it replaced is removed', () => {
    const diff = compare(fixture('compare', 'go', 'base.pprof'), fixture('compare', 'go', 'current.pprof'));
    assert.equal(diff.rating, 'regressed');
    assert.deepEqual(classified(diff), {
      regression: ['example.com/exprcalc/exprcalc.lookup'],
      removed: ['memeqbody', 'runtime.memequal'],
    });
    // Base was built with -trimpath (module paths), current without (absolute scratch paths).
    const lookup = change(diff, 'example.com/exprcalc/exprcalc.lookup');
    assert.equal(lookup.file, path.posix.join(lookup.file.slice(0, lookup.file.indexOf('/current/') + 1), 'current/exprcalc/eval.go'));
    assert.deepEqual([round(lookup.base?.selfPercent), round(lookup.current?.selfPercent), round(lookup.selfDelta)], [14.16, 47.05, 32.89]);
    assert.deepEqual([round(lookup.base?.totalPercent), round(lookup.current?.totalPercent)], [32.08, 57.24]);
    // Runtime frames pair across /usr/lib/go-1.19/src/runtime/… and runtime/…
    assert.ok(change(diff, 'runtime.asyncPreempt').base && change(diff, 'runtime.asyncPreempt').current);
  });

  it('node --cpu-prof: the planted slowdown in renderReport is a regression; computeTotals only gave up its share', () => {
    const diff = compare(fixture('compare', 'node', 'base.cpuprofile'), fixture('compare', 'node', 'current.cpuprofile'));
    assert.deepEqual(classified(diff), { regression: ['renderReport'], shifted: ['computeTotals'] });
    assert.equal(diff.rating, 'regressed');
    const render = change(diff, 'renderReport');
    assert.deepEqual([round(render.base?.selfPercent), round(render.current?.selfPercent)], [5.26, 34.98]);
    const computeTotals = change(diff, 'computeTotals');
    assert.deepEqual([round(computeTotals.base?.selfPercent), round(computeTotals.current?.selfPercent)], [63.03, 32.39]);
    // The two copies of the program were in different folders (base-orders/, current-orders/).
    assert.match(render.file, /current-orders\/lib\/format\.mjs$/);
    assert.equal(render.baseFuncs.length, 1);
  });

  it('python cProfile of pytest-benchmark: find_part regressed, and str.lower appeared under it', () => {
    const diff = compare(fixture('compare', 'python', 'base.prof'), fixture('compare', 'python', 'current.prof'));
    assert.equal(diff.rating, 'regressed');
    assert.deepEqual(classified(diff), { regression: ['find_part', "<method 'lower' of 'str' objects>"] });
  });

  it('the same recording in two formats compares as unchanged (V8 .cpuprofile and its speedscope export)', () => {
    const diff = compare(fixture('profiles', 'v8', 'app.cpuprofile'), fixture('profiles', 'speedscope', 'app.cpuprofile.speedscope.json'));
    assert.equal(diff.rating, 'unchanged');
    const computeTotals = change(diff, 'computeTotals');
    assert.ok(computeTotals.base && computeTotals.current, 'computeTotals pairs across the formats');
    assert.ok(diff.changes.every((c) => Math.abs(c.selfDelta) < 1), 'no function moves by a point');
  });
});

describe('pairing functions', () => {
  it('pairs by name and file whatever the path prefix and the recorded lines, and keeps same-named functions of other files apart', () => {
    const base = {
      name: 'base.json',
      profile: speedscope([
        ['main', '/home/ci/app/src/main.py', 1, 10],
        ['load', '/home/ci/app/src/db.py', 40, 60],
        ['load', '/home/ci/app/src/cache.py', 5, 30],
      ]),
    };
    const current = {
      name: 'current.json',
      profile: speedscope([
        ['main', 'file:///srv/build/src/main.py', 3, 10],
        ['load', 'file:///srv/build/src/db.py', 52, 58],
        ['load', 'file:///srv/build/src/cache.py', 9, 32],
      ]),
    };
    const diff = compare(base, current);
    const loads = diff.changes.filter((c) => c.name === 'load').map((c) => [c.file.split('/').pop(), round(c.base?.selfPercent), round(c.current?.selfPercent)]);
    assert.deepEqual(loads.sort(), [
      ['cache.py', 30, 32],
      ['db.py', 60, 58],
    ]);
    assert.equal(diff.rating, 'unchanged');
  });

  it('refuses profiles of different kinds, saying what each measures', () => {
    assert.throws(
      () => compare(fixture('profiles', 'v8', 'recorded-app.cpuprofile'), fixture('profiles', 'v8', 'recorded-app.heapprofile')),
      (error: unknown) =>
        error instanceof ComparisonError &&
        error.message.startsWith('cannot compare recorded-app.cpuprofile with recorded-app.heapprofile: recorded-app.cpuprofile measures CPU time (cpu, nanoseconds) and recorded-app.heapprofile measures allocated bytes (space, bytes)'),
    );
  });

  it('compares time with time across units: samples of folded stacks against nanoseconds of pprof', () => {
    const pprof = fixture('compare', 'go', 'base.pprof');
    const stacks = folded('base.folded', 'main;example.com/exprcalc/exprcalc.lookup 10\n');
    const types = comparableSampleTypes(pprof, stacks);
    assert.equal(stacks.profile.sampleTypes[types.current].unit, 'samples');
  });
});

describe('classification rules', () => {
  const before = 'main;parse 30\nmain;eval 50\nmain;report 20\n';

  it('a function whose share shrank only because another grew is shifted, not improved', () => {
    // render is new and takes half; every other function keeps its time, so its share halves.
    const diff = compare(folded('base', before), folded('current', `${before}main;render 100\n`));
    assert.deepEqual(classified(diff), { new: ['render'], shifted: ['eval', 'parse', 'report'] });
    assert.equal(diff.rating, 'regressed');
    assert.equal(round(diff.stableFactor), 0.5);
  });

  it('removing a hotspot does not make the others regressions', () => {
    const diff = compare(folded('base', `${before}main;slow 100\n`), folded('current', before));
    assert.deepEqual(classified(diff), { removed: ['slow'], shifted: ['eval', 'parse', 'report'] });
    assert.equal(diff.rating, 'improved');
  });

  it('thresholds are options: a 10-point rise is a regression at 5, not at 15; a 0.5% newcomer is a hotspot above 0.4%, not above 1%', () => {
    const base = folded('base', 'main;a 40\nmain;b 40\nmain;z 120\n');
    const current = folded('current', 'main;a 60\nmain;b 20\nmain;z 119\nmain;c 1\n');
    assert.deepEqual(classified(compare(base, current)), { regression: ['a'], improvement: ['b'] });
    assert.deepEqual(classified(compare(base, current, { threshold: 15, newThreshold: 1 })), {});
    assert.deepEqual(classified(compare(base, current, { threshold: 15, newThreshold: 0.4 })), { new: ['c'] });
    assert.equal(compare(base, current, { threshold: 15, newThreshold: 1 }).rating, 'unchanged');
  });
});

/** A sampled speedscope profile (nanoseconds): each entry is [name, file, line, weight] under a root `run`. */
function speedscope(entries: Array<[string, string, number, number]>): Profile {
  const doc = {
    $schema: 'https://www.speedscope.app/file-format-schema.json',
    shared: { frames: [{ name: 'run' }, ...entries.map(([name, file, line]) => ({ name, file, line }))] },
    profiles: [
      {
        type: 'sampled',
        name: 'test',
        unit: 'nanoseconds',
        startValue: 0,
        endValue: entries.reduce((sum, e) => sum + e[3], 0),
        samples: entries.map((_, i) => [0, i + 1]),
        weights: entries.map((e) => e[3]),
      },
    ],
  };
  return readProfile('test.speedscope.json', Buffer.from(JSON.stringify(doc)));
}
