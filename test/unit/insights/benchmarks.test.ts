/**
 * Benchmark results of a base and a current run (test/fixtures/compare/, recorded by
 * scripts/record-profiles/record-compare.sh with a planted slowdown), read in each format and
 * compared with the Mann-Whitney U test.
 *
 * The p-values and intervals are checked against R 4.2.2 on the same values, computed offline:
 *
 *   f <- function(b, c) { r <- wilcox.test(log(c), log(b), conf.int = TRUE)
 *                         c(r$p.value, (exp(r$conf.int) - 1) * 100, (exp(r$estimate) - 1) * 100) }
 *   BenchmarkEval time/op (go/):      p = 0.0010500335577735, CI [+84.893659312264%, +450.578960335058%], +206.919195879382%
 *   BenchmarkParse time/op (go/):     p = 1, CI [-55.8906030855539%, +139.82003965228%], +0.233930583109565%
 *   renderReport (node/vitest-*):     p = 0.00216450216450216, CI [+413.612199889627%, +2649.89271945341%], +1143.15028861257%
 *   test_total_weight (python/):      wilcox.test(current, base)$p.value = 4.04224771833687e-56 (ties: normal approximation)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BenchmarkDelta, compareBenchmarks } from '../../../server/src/benchmarks/compare';
import { loadBenchmarks, looksLikeBenchmarks, sniffBenchmark } from '../../../server/src/benchmarks/load';
import { BenchmarkError, BenchmarkRun } from '../../../server/src/benchmarks/model';
import { changesUnderBenchmark } from '../../../server/src/benchmarks/profile-link';
import { diffProfiles } from '../../../server/src/insights/diff';
import { readProfile } from '../../../server/src/profiles/load';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';

const compareDir = path.join(fixturesDir, 'compare');

async function run(...parts: string[]): Promise<BenchmarkRun> {
  const loaded = await loadBenchmarks(path.join(compareDir, ...parts));
  assert.ok(loaded, `${parts.join('/')} is not read as benchmark results`);
  return loaded;
}

function delta(deltas: readonly BenchmarkDelta[], name: string, metric = 'time/op'): BenchmarkDelta {
  const found = deltas.find((d) => d.name.endsWith(name) && d.metric === metric);
  assert.ok(found, `no ${name} ${metric}`);
  return found;
}

function near(actual: number | undefined, expected: number, digits = 9): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= Math.abs(expected) * 10 ** -digits + 1e-12, `${actual} is not ${expected}`);
}

describe('reading benchmark results', () => {
  it('go test -bench: every metric of every run, without the -GOMAXPROCS suffix', async () => {
    const base = await run('go', 'base.bench.txt');
    assert.equal(base.format, 'go-bench');
    assert.deepEqual(
      base.series.map((s) => `${s.name} ${s.metric} ${s.values.length}`),
      ['BenchmarkParse time/op 10', 'BenchmarkParse B/op 10', 'BenchmarkParse allocs/op 10', 'BenchmarkEval time/op 10', 'BenchmarkEval B/op 10', 'BenchmarkEval allocs/op 10', 'BenchmarkRules time/op 10', 'BenchmarkRules B/op 10', 'BenchmarkRules allocs/op 10'],
    );
  });

  it('pytest-benchmark JSON: each round of stats.data, in nanoseconds', async () => {
    const base = await run('python', 'base.benchmark.json');
    assert.equal(base.format, 'pytest-benchmark');
    const report = base.series.find((s) => s.name === 'test_report')!;
    const json = JSON.parse(fs.readFileSync(path.join(compareDir, 'python', 'base.benchmark.json'), 'utf8'));
    const data: number[] = json.benchmarks.find((b: { name: string }) => b.name === 'test_report').stats.data;
    assert.equal(report.values.length, data.length);
    assert.equal(report.values[0], data[0] * 1e9);
  });

  it('vitest bench: a folder of reports is one run each; the value is the mean per iteration', async () => {
    const base = await run('node', 'vitest-base');
    assert.equal(base.format, 'vitest-bench');
    assert.deepEqual(
      base.series.map((s) => `${s.name} ${s.values.length}`),
      ['orders.bench.mjs > orders > isValidEmail 6', 'orders.bench.mjs > orders > renderReport 6', 'orders.bench.mjs > orders > findCustomer 6'],
    );
    const first = JSON.parse(fs.readFileSync(path.join(compareDir, 'node', 'vitest-base', 'run-1.json'), 'utf8'));
    assert.equal(base.series[0].values[0], first.files[0].groups[0].benchmarks[0].mean * 1e6);
  });

  it('tells benchmark results from profiles by content', async () => {
    assert.equal(await looksLikeBenchmarks(path.join(compareDir, 'go', 'base.bench.txt')), true);
    assert.equal(await looksLikeBenchmarks(path.join(compareDir, 'node', 'vitest-base')), true);
    assert.equal(await looksLikeBenchmarks(path.join(compareDir, 'go', 'base.pprof')), false);
    assert.equal(await looksLikeBenchmarks(path.join(compareDir, 'node', 'base.cpuprofile')), false);
    assert.equal(await looksLikeBenchmarks(path.join(fixturesDir, 'profiles', 'folded', 'txn.folded.txt')), false);
    assert.equal(sniffBenchmark('p.json', '{"constructor": 1}'), undefined);
  });
});

describe('refusing damaged results, naming the file', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-bench-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const refuses = (name: string, text: string, problem: RegExp) => {
    assert.throws(() => sniffBenchmark(name, text), (e: unknown) => e instanceof BenchmarkError && e.message.startsWith(`${name}: `) && problem.test(e.message));
  };

  it('says what is wrong with each', async () => {
    refuses('bench.json', '{"machine_info": {}, "benchmarks": [{"name": "t", "stats": {"data": "x"}}]', /not valid JSON/);
    refuses('bench.json', '{"machine_info": {}, "benchmarks": [{"name": "t", "stats": {"data": ["x"]}}]}', /t: "stats" has neither "data" nor a numeric "mean"/);
    refuses('vitest.json', '{"files": [{"groups": [{"fullName": "g", "benchmarks": [{"name": "b"}]}]}]}', /a benchmark of "g" has no "name" and numeric "mean"/);
    refuses('vitest.json', '{"files": []}', /holds no benchmark/);
    fs.mkdirSync(path.join(dir, 'empty'));
    await assert.rejects(loadBenchmarks(path.join(dir, 'empty')), /empty: the folder holds no files/);
    fs.mkdirSync(path.join(dir, 'mixed'));
    fs.copyFileSync(path.join(compareDir, 'go', 'base.bench.txt'), path.join(dir, 'mixed', 'a.txt'));
    fs.copyFileSync(path.join(compareDir, 'node', 'vitest-base', 'run-1.json'), path.join(dir, 'mixed', 'b.json'));
    await assert.rejects(loadBenchmarks(path.join(dir, 'mixed')), /b\.json: holds vitest-bench results, the folder's other files go-bench/);
  });
});

describe('comparing benchmark runs', () => {
  it('Go: the planted slowdown makes Eval and Rules regressions; Parse, which never looks up a name, is unchanged', async () => {
    const comparison = compareBenchmarks(await run('go', 'base.bench.txt'), await run('go', 'current.bench.txt'));
    assert.equal(comparison.rating, 'regressed');
    const verdicts = comparison.deltas.filter((d) => d.metric === 'time/op').map((d) => `${d.name} ${d.verdict}`);
    assert.deepEqual(verdicts, ['BenchmarkParse no-change', 'BenchmarkEval regression', 'BenchmarkRules regression']);
    const evalTime = delta(comparison.deltas, 'BenchmarkEval');
    near(evalTime.p, 0.0010500335577735, 12);
    near(evalTime.deltaPercent, 206.919195879382, 10);
    near(evalTime.low, 84.893659312264, 10);
    near(evalTime.high, 450.578960335058, 10);
    const parse = delta(comparison.deltas, 'BenchmarkParse');
    near(parse.p, 1, 12);
    near(parse.deltaPercent, 0.233930583109565, 9);
    // Allocations did not change: every value is tied, p = 1.
    assert.equal(delta(comparison.deltas, 'BenchmarkEval', 'allocs/op').verdict, 'no-change');
  });

  it('vitest: renderReport regressed; isValidEmail and findCustomer did not change', async () => {
    const comparison = compareBenchmarks(await run('node', 'vitest-base'), await run('node', 'vitest-current'));
    assert.deepEqual(
      comparison.deltas.map((d) => `${d.name.split(' > ').pop()} ${d.verdict}`),
      ['isValidEmail no-change', 'renderReport regression', 'findCustomer no-change'],
    );
    const render = delta(comparison.deltas, 'renderReport');
    near(render.p, 0.00216450216450216, 12);
    near(render.deltaPercent, 1143.15028861257, 10);
    near(render.low, 413.612199889627, 10);
    near(render.high, 2649.89271945341, 10);
  });

  it('pytest-benchmark: test_report regressed; test_total_weight changed significantly but by less than 2%', async () => {
    const comparison = compareBenchmarks(await run('python', 'base.benchmark.json'), await run('python', 'current.benchmark.json'));
    const weight = delta(comparison.deltas, 'test_total_weight');
    assert.equal(weight.verdict, 'no-change');
    near(weight.p, 4.04224771833687e-56, 6);
    assert.ok(weight.deltaPercent! > 0 && weight.deltaPercent! < 2);
    assert.equal(delta(comparison.deltas, 'test_report').verdict, 'regression');
  });

  it('gives no verdict from too few runs, and says how many are needed', async () => {
    const cut = (r: BenchmarkRun): BenchmarkRun => ({ ...r, series: r.series.map((s) => ({ ...s, values: s.values.slice(0, 3) })) });
    const comparison = compareBenchmarks(cut(await run('go', 'base.bench.txt')), cut(await run('go', 'current.bench.txt')));
    const evalTime = delta(comparison.deltas, 'BenchmarkEval');
    assert.equal(evalTime.verdict, 'too-few-runs');
    assert.equal(evalTime.note, 'need at least 4 runs of each to tell a change from noise at p < 0.05 (have 3 and 3)');
    assert.equal(evalTime.p, undefined);
    assert.equal(comparison.rating, 'unchanged');
  });

  it('a larger threshold turns a significant slowdown into no change', async () => {
    const comparison = compareBenchmarks(await run('go', 'base.bench.txt'), await run('go', 'current.bench.txt'), { threshold: 250, alpha: 0.05 });
    assert.equal(delta(comparison.deltas, 'BenchmarkEval').verdict, 'no-change');
  });
});

describe('tying a benchmark to the profiles of both runs', () => {
  const profile = (name: string) => {
    const file = path.join(compareDir, 'go', name);
    const loaded = readProfile(file, fs.readFileSync(file));
    return { name, profile: loaded, sampleType: loaded.defaultSampleType, stats: computeStats(loaded) };
  };

  it('lists the profile changes of the functions under each benchmark, and none under a benchmark that never calls them', () => {
    const base = profile('base.pprof');
    const current = profile('current.pprof');
    const diff = diffProfiles(base, current);
    const names = (benchmark: string) => changesUnderBenchmark(benchmark, diff, base, current).map((c) => `${c.kind} ${c.name}`);
    assert.deepEqual(names('BenchmarkEval'), ['regression example.com/exprcalc/exprcalc.lookup', 'removed memeqbody', 'removed runtime.memequal']);
    assert.deepEqual(names('BenchmarkParse'), []);
    assert.deepEqual(names('BenchmarkMissing'), []);
  });
});
