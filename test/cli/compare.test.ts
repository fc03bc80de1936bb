/**
 * `hotpath compare` as CI runs it, on the pairs recorded by scripts/record-profiles/record-compare.sh
 * (test/fixtures/compare/): the same program before and after a planted slowdown. The shares it
 * prints must be the ones `hotpath profile` prints for each file.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixturesDir } from '../helpers/paths';
import { runCli } from '../helpers/run-cli';

const go = (name: string) => path.join('test', 'fixtures', 'compare', 'go', name);
const node = (name: string) => path.join('test', 'fixtures', 'compare', 'node', name);

const hotpath = (...args: string[]) => runCli(args);

/** What `hotpath profile --format json` says about a function. */
function profiled(file: string, name: string): { selfPercent: number; totalPercent: number } {
  const run = hotpath('profile', file, '--format', 'json', '--top', '1000');
  assert.equal(run.code, 0, run.stderr);
  const found = JSON.parse(run.stdout).functions.find((f: { name: string }) => f.name === name);
  assert.ok(found, `hotpath profile lists no ${name} in ${file}`);
  return found;
}

interface JsonChange {
  kind: string;
  name: string;
  file: string | null;
  base: { selfPercent: number; totalPercent: number } | null;
  current: { selfPercent: number; totalPercent: number } | null;
  selfDelta: number;
}

function json(...args: string[]) {
  const run = hotpath('compare', ...args, '--format', 'json');
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as { rating: string; changes: JsonChange[]; benchmarks?: Array<{ name: string; metric: string; verdict: string; p: number }> };
}

const LOOKUP = 'example.com/exprcalc/exprcalc.lookup';

describe('hotpath compare: profiles', () => {
  it('classifies the planted Go regression with the figures hotpath profile gives for each file', () => {
    const result = json(go('base.pprof'), go('current.pprof'));
    assert.equal(result.rating, 'regressed');
    const listed = result.changes.filter((c) => c.kind !== 'shifted').map((c) => `${c.kind} ${c.name}`);
    assert.deepEqual(listed, [`regression ${LOOKUP}`, 'removed memeqbody', 'removed runtime.memequal']);
    const lookup = result.changes[0];
    const before = profiled(go('base.pprof'), LOOKUP);
    const after = profiled(go('current.pprof'), LOOKUP);
    assert.deepEqual(lookup.base, { ...lookup.base, selfPercent: before.selfPercent, totalPercent: before.totalPercent });
    assert.deepEqual(lookup.current, { ...lookup.current, selfPercent: after.selfPercent, totalPercent: after.totalPercent });
    assert.equal(lookup.selfDelta, 32.89);
    assert.equal(lookup.file, 'scripts/record-profiles/programs/go/exprcalc/eval.go');
    assert.equal(result.changes[1].base?.selfPercent, profiled(go('base.pprof'), 'memeqbody').selfPercent);
  });

  it('classifies the planted node regression with the figures hotpath profile gives', () => {
    const result = json(node('base.cpuprofile'), node('current.cpuprofile'));
    assert.equal(result.rating, 'regressed');
    assert.deepEqual(
      result.changes.map((c) => `${c.kind} ${c.name}`),
      ['shifted computeTotals', 'regression renderReport'],
    );
    const render = result.changes[1];
    assert.equal(render.base?.selfPercent, profiled(node('base.cpuprofile'), 'renderReport').selfPercent);
    assert.equal(render.current?.selfPercent, profiled(node('current.cpuprofile'), 'renderReport').selfPercent);
    assert.equal(result.changes[0].current?.selfPercent, profiled(node('current.cpuprofile'), 'computeTotals').selfPercent);
  });

  it('prints text for terminals', () => {
    const run = hotpath('compare', go('base.pprof'), go('current.pprof'));
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      [
        'hotpath compare: regressed — test/fixtures/compare/go/base.pprof → test/fixtures/compare/go/current.pprof',
        'CPU time (cpu, nanoseconds): base 9.04 s, 904 samples; current 7.46 s, 746 samples',
        'A change counts past 5 points of self share; a function found in one profile only counts above 1%.',
        '',
        `regression     14.2% → 47.1%   +32.9 pts  ${LOOKUP}  scripts/record-profiles/programs/go/exprcalc/eval.go`,
        'removed            10.5% → —   -10.5 pts  memeqbody  internal/bytealg/equal_amd64.s',
        'removed             1.7% → —    -1.7 pts  runtime.memequal  internal/bytealg/equal_amd64.s',
        '',
        '1 regression, 2 removed hotspots.',
        '',
      ].join('\n'),
    );
  });

  it('writes markdown that reads as a pull-request comment', () => {
    const run = hotpath('compare', go('base.pprof'), go('current.pprof'), '--format', 'markdown');
    assert.equal(run.code, 0);
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['### 🔺 Hotpath: regressed — 1 regression, 2 removed hotspots', '', lines[2]]);
    assert.match(lines[2], /^`test\/fixtures\/compare\/go\/base\.pprof` → `test\/fixtures\/compare\/go\/current\.pprof` · CPU time \(cpu, nanoseconds\) · base 9\.04 s, 904 samples, current 7\.46 s, 746 samples\. /);
    assert.deepEqual(lines.slice(4, 9), [
      '|  | Function | Where | Self before → after | Δ self | Total before → after |',
      '|---|---|---|---:|---:|---:|',
      `| 🔺 regression | \`${LOOKUP}\` | \`scripts/record-profiles/programs/go/exprcalc/eval.go\` | 14.2% → 47.1% | **+32.9 pts** | 32.1% → 57.2% |`,
      '| ➖ removed hotspot | `memeqbody` | `internal/bytealg/equal_amd64.s` | 10.5% → — | **-10.5 pts** | 10.5% → — |',
      '| ➖ removed hotspot | `runtime.memequal` | `internal/bytealg/equal_amd64.s` | 1.7% → — | **-1.7 pts** | 1.7% → — |',
    ]);
    assert.ok(lines.includes('<details><summary>Other functions (215), largest change first</summary>'));
    assert.ok(lines.includes('</details>'));
  });

  it('gates: a warning past --warn-on, exit 1 past --fail-on, and the gate in the comment', () => {
    const warned = hotpath('compare', go('base.pprof'), go('current.pprof'), '--warn-on', '10', '--fail-on', '40');
    assert.equal(warned.code, 0);
    assert.equal(warned.stderr, 'hotpath: warning: lookup rose from 14.2% to 47.1% self (+32.9 points), past --warn-on 10\n');
    const failed = hotpath('compare', go('base.pprof'), go('current.pprof'), '--fail-on', '30', '--format', 'markdown');
    assert.equal(failed.code, 1);
    assert.equal(failed.stderr, 'hotpath: failing: lookup rose from 14.2% to 47.1% self (+32.9 points), past --fail-on 30\n');
    assert.ok(failed.stdout.includes('\n> ⛔ **Failing:** lookup rose from 14.2% to 47.1% self (+32.9 points), past --fail-on 30\n'));
    const quiet = hotpath('compare', go('base.pprof'), go('current.pprof'), '--fail-on', '35');
    assert.deepEqual([quiet.code, quiet.stderr], [0, '']);
    const stricter = hotpath('compare', go('base.pprof'), go('current.pprof'), '--threshold', '40');
    assert.match(stricter.stdout, /^hotpath compare: improved — /);
  });

  it('refuses what it cannot compare, naming the files, with exit status 2', () => {
    const kinds = hotpath('compare', 'test/fixtures/profiles/v8/recorded-app.cpuprofile', 'test/fixtures/profiles/v8/recorded-app.heapprofile');
    assert.equal(kinds.code, 2);
    assert.match(kinds.stderr, /^hotpath: cannot compare test\/fixtures\/profiles\/v8\/recorded-app\.cpuprofile with test\/fixtures\/profiles\/v8\/recorded-app\.heapprofile: test\/fixtures\/profiles\/v8\/recorded-app\.cpuprofile measures CPU time \(cpu, nanoseconds\) and test\/fixtures\/profiles\/v8\/recorded-app\.heapprofile measures allocated bytes \(space, bytes\)/);
    const mixed = hotpath('compare', go('base.bench.txt'), go('current.pprof'));
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /test\/fixtures\/compare\/go\/base\.bench\.txt holds benchmark results and test\/fixtures\/compare\/go\/current\.pprof does not/);
    const missing = hotpath('compare', go('base.pprof'), 'nowhere.pprof');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nowhere\.pprof: cannot read it \(ENOENT\)/);
    const low = hotpath('compare', go('base.pprof'), go('current.pprof'), '--fail-on', '2');
    assert.equal(low.code, 2);
    assert.match(low.stderr, /--fail-on 2 is below --threshold 5 \(points\)/);
    const bad = hotpath('compare', go('base.pprof'), go('current.pprof'), '--threshold', 'lots');
    assert.deepEqual([bad.code, bad.stderr.split('\n')[0]], [2, 'hotpath: --threshold must be a number of at least 0, not "lots"']);
    const notProfile = hotpath('compare', go('base.pprof'), path.join(fixturesDir, 'compare', 'README.md'));
    assert.equal(notProfile.code, 2);
    assert.match(notProfile.stderr, /README\.md: not a profile format Hotpath reads/);
  });
});

describe('hotpath compare: benchmarks', () => {
  it('compares go test -bench runs as benchstat does', () => {
    const result = json(go('base.bench.txt'), go('current.bench.txt'));
    assert.equal(result.rating, 'regressed');
    const times = result.benchmarks!.filter((b) => b.metric === 'time/op').map((b) => `${b.name} ${b.verdict}`);
    assert.deepEqual(times, ['BenchmarkParse no-change', 'BenchmarkEval regression', 'BenchmarkRules regression']);
  });

  it('lists the profile changes under each regressed benchmark, and fails past --fail-on percent', () => {
    const run = hotpath('compare', go('base.bench.txt'), go('current.bench.txt'), '--base-profile', go('base.pprof'), '--current-profile', go('current.pprof'), '--fail-on', '180');
    assert.equal(run.code, 1);
    assert.equal(run.stderr, 'hotpath: failing: BenchmarkEval time/op +206.9% (p=0.001), past --fail-on 180%\n');
    const lines = run.stdout.split('\n');
    const evalLine = lines.findIndex((l) => l.startsWith('regression     BenchmarkEval  time/op'));
    assert.equal(lines[evalLine], 'regression     BenchmarkEval  time/op  3.87 µs → 10.9 µs  +206.9% [+84.9%, +450.6%]  p=0.001 n=10+10');
    assert.equal(lines[evalLine + 1].trim(), 'in the profiles: regression lookup 14.2% → 47.1% self (+32.9 pts)');
  });

  it('reads vitest report folders and pytest-benchmark JSON', () => {
    const vitest = json(node('vitest-base'), node('vitest-current'));
    assert.deepEqual(
      vitest.benchmarks!.map((b) => `${b.name} ${b.verdict}`),
      ['orders.bench.mjs > orders > isValidEmail no-change', 'orders.bench.mjs > orders > renderReport regression', 'orders.bench.mjs > orders > findCustomer no-change'],
    );
    const pytest = json('test/fixtures/compare/python/base.benchmark.json', 'test/fixtures/compare/python/current.benchmark.json');
    assert.deepEqual(pytest.benchmarks!.map((b) => `${b.name} ${b.verdict}`), ['test_total_weight no-change', 'test_report regression']);
  });
});
