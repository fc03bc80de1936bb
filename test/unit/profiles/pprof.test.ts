/**
 * The pprof importer against Go's own pprof on real profiles: for every sample type of every
 * file, our per-function self and total shares must match the flat% and cum% that
 * `go tool pprof -top` prints (sorted by flat and by cum), function by function.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as load from '../../../server/src/profiles/load';
import { loadProfile } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';
import { assertAgreement, logTable, ourShares } from './function-shares';
import { pprofTopShares } from './pprof-reference';

const pprofDir = path.join(fixturesDir, 'profiles', 'pprof');

const CPU = ['samples', 'cpu'];
const HEAP = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];

/** Each real profile, its sample types and the one pprof shows first. */
const FILES: ReadonlyArray<{ file: string; types: string[]; defaultType: string }> = [
  { file: 'bench_cpu.pprof', types: CPU, defaultType: 'cpu' },
  { file: 'bench_mem.pprof', types: HEAP, defaultType: 'alloc_space' },
  { file: 'cmd_cpu.pprof', types: CPU, defaultType: 'cpu' },
  { file: 'cmd_heap.pprof', types: HEAP, defaultType: 'inuse_space' },
  { file: 'exprcalc_cpu.pprof', types: CPU, defaultType: 'cpu' },
  { file: 'exprcalc_mem.pprof', types: HEAP, defaultType: 'alloc_space' },
];

/** pprof prints shares to two decimals (two significant digits under 1%). */
const ROUNDING = 0.0051;

for (const { file, types, defaultType } of FILES) {
  describe(`pprof ${file}`, () => {
    const fixture = path.join(pprofDir, file);
    let profile: Profile;
    before(async () => {
      profile = await loadProfile(fixture);
    });

    test('is read as pprof with every sample type and the default pprof shows', () => {
      assert.equal(profile.format, 'pprof');
      assert.deepEqual(profile.sampleTypes.map((t) => t.type), types);
      assert.equal(profile.sampleTypes[profile.defaultSampleType].type, defaultType);
    });

    for (const type of types) {
      test(`${type}: self and total shares agree with go tool pprof -top`, (t) => {
        const index = profile.sampleTypes.findIndex((s) => s.type === type);
        const reference = pprofTopShares(fixture, type);
        assert.ok(reference.size >= 4, `go tool pprof listed only ${reference.size} functions`);
        const table = assertAgreement(ourShares(profile, index, (fn) => fn.name), reference, { top: Infinity, selfTolerance: ROUNDING }, `${file} ${type}`);
        logTable(t, table);
      });
    }
  });
}

describe('what the pprof importer keeps', () => {
  test('inlined frames are functions of their own: FindBySKU exists only inlined into ProcessOrder', async () => {
    const profile = await loadProfile(path.join(pprofDir, 'bench_cpu.pprof'));
    const find = profile.functions.findIndex((fn) => fn.name === 'example.com/invsim/inventory.(*Store).FindBySKU');
    const process = profile.functions.findIndex((fn) => fn.name === 'example.com/invsim/inventory.(*Store).ProcessOrder');
    assert.ok(find >= 0 && process >= 0);
    const stats = computeStats(profile, 1);
    // The inlined callee is a child of the function it was inlined into, at the call's line.
    assert.ok(stats.callers[find]?.has(process), 'FindBySKU is called from ProcessOrder');
    const tree = profile.shape.kind === 'tree' ? profile.shape.tree : assert.fail('a tree');
    let callLine = 0;
    for (let node = 1; node < tree.size; node++) {
      if (tree.func[node] === find && tree.func[tree.parent[node]] === process) callLine = tree.line[tree.parent[node]];
    }
    assert.equal(callLine, 67, 'ProcessOrder calls FindBySKU on line 67 of inventory.go');
    assert.deepEqual([...stats.lines[find]!.keys()].sort(), [37]);
  });

  test('function files, start lines, modules, duration, period and sample count are the recorded ones', async () => {
    const profile = await loadProfile(path.join(pprofDir, 'bench_cpu.pprof'));
    const find = profile.functions.find((fn) => fn.name === 'example.com/invsim/inventory.(*Store).FindBySKU')!;
    assert.equal(find.file, '/srv/app-source/go/src/inventory/inventory.go');
    assert.equal(find.line, undefined, 'Go writes start_line 0: unknown');
    assert.match(find.module ?? '', /inventory\.test$/);
    assert.deepEqual(profile.sampleTypes, [
      { type: 'samples', unit: 'samples' },
      { type: 'cpu', unit: 'nanoseconds' },
    ]);
    assert.equal(profile.durationNanos, 7_141_139_306);
    assert.deepEqual(profile.period, { type: 'cpu', unit: 'nanoseconds', value: 10_000_000 });
    // pprof: "Total samples = 5.55s" at 10 ms a sample.
    assert.equal(profile.sampleCount, 555);
    const stats = computeStats(profile, 1);
    assert.equal(stats.grand, 5.55e9);
  });

  test('heap profiles have objects and bytes', async () => {
    const profile = await loadProfile(path.join(pprofDir, 'cmd_heap.pprof'));
    assert.deepEqual(profile.sampleTypes.map((t) => t.unit), ['objects', 'bytes', 'objects', 'bytes']);
    assert.equal(profile.period?.unit, 'bytes');
  });

  test('a gzipped file and the same bytes inflated read the same', async () => {
    const fixture = path.join(pprofDir, 'cmd_cpu.pprof');
    const gz = await loadProfile(fixture);
    const { readProfile, gunzipBounded } = load;
    const plain = readProfile('plain.pprof', gunzipBounded('cmd_cpu.pprof', fs.readFileSync(fixture)));
    assert.deepEqual(plain.functions, gz.functions);
    assert.deepEqual(plain.shape, gz.shape);
  });
});
