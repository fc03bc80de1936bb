/**
 * "Which benchmarks got slower?" over the recorded benchmark runs of test/fixtures/compare/ (a
 * planted slowdown in the Go program's `lookup`, in the vitest suite's `renderReport`). The
 * expected figures are the comparison code's own on those files, formatted independently here; the
 * BenchmarkEval figures also agree with R's wilcox.test on the same values (quoted in
 * test/unit/insights/benchmarks.test.ts: +206.92% [+84.89%, +450.58%], p = 0.00105).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { BenchmarkComparison, BenchmarkDelta, compareBenchmarks } from '../../../server/src/benchmarks/compare';
import { loadBenchmarks } from '../../../server/src/benchmarks/load';
import type { BenchmarkRun } from '../../../server/src/benchmarks/model';
import { ask } from '../../../server/src/console/ask';
import { benchmarkEvidence } from '../../../server/src/console/benchmark-evidence';
import { comparisonFromDiff, diffWithBaseline } from '../../../server/src/console/comparison';
import type { ConsoleModel } from '../../../server/src/console/model';
import { modelFromFiles } from '../../../server/src/console/model-from-files';
import { parseQuestion } from '../../../server/src/console/question/parse';
import { renderText } from '../../../server/src/console/render-text';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir, repoRoot } from '../../helpers/paths';
import { profileOnDisk } from './examples-model';

const recorded = path.join(fixturesDir, 'compare');
const GO_PROGRAM = path.join(repoRoot, 'scripts', 'record-profiles', 'programs', 'go');

async function run(...parts: string[]): Promise<BenchmarkRun> {
  const file = path.join(recorded, ...parts);
  const loaded = await loadBenchmarks(file);
  assert.ok(loaded, `${file} holds benchmark results`);
  return { ...loaded, source: parts.join('/') };
}

/** `+206.9% [+84.9%, +450.6%], p=0.001`, formatted here from the delta's numbers. */
function figures(d: BenchmarkDelta): string {
  const s = (v: number) => `${v >= 0 ? '+' : '-'}${Math.abs(v).toFixed(1)}%`;
  const p = d.p! < 0.001 ? 'p<0.001' : `p=${d.p!.toFixed(3)}`;
  return `${s(d.deltaPercent!)} [${s(d.low!)}, ${s(d.high!)}], ${p}`;
}

function lines(model: ConsoleModel, question: string): string[] {
  return renderText(ask(question, model).markdown).split('\n');
}

function delta(comparison: BenchmarkComparison, name: string, metric = 'time/op'): BenchmarkDelta {
  const found = comparison.deltas.find((d) => d.name === name && d.metric === metric);
  assert.ok(found, `${name} ${metric}`);
  return found;
}

describe('the console on Go benchmark runs with the profiles of both runs', () => {
  let comparison: BenchmarkComparison;
  let model: ConsoleModel;
  let lookupLine: string;
  const FROM = '`go/base.bench.txt` → `go/current.bench.txt`';

  before(async () => {
    comparison = compareBenchmarks(await run('go', 'base.bench.txt'), await run('go', 'current.bench.txt'));
    const base = await profileOnDisk(path.join(recorded, 'go', 'base.pprof'), GO_PROGRAM);
    const current = await profileOnDisk(path.join(recorded, 'go', 'current.pprof'), GO_PROGRAM);
    const { diff, baseSampleType } = diffWithBaseline(
      { name: 'base.pprof', profile: base.profile, mapper: base.mapper },
      { name: 'current.pprof', profile: current.profile, mapper: current.mapper, sampleType: current.stats.sampleType },
    );
    const lookup = comparisonFromDiff(diff).changes.find((c) => c.name === 'example.com/exprcalc/exprcalc.lookup')!;
    const points = lookup.currentPercent - lookup.basePercent;
    lookupLine = `    - regression \`example.com/exprcalc/exprcalc.lookup\` (exprcalc/eval.go:12): ${lookup.basePercent.toFixed(1)}% → ${lookup.currentPercent.toFixed(1)}% (+${points.toFixed(1)} points)`;
    model = await modelFromFiles({
      roots: [GO_PROGRAM],
      findings: [],
      profiles: [current],
      comparison: comparisonFromDiff(diff),
      benchmarks: benchmarkEvidence(comparison, { diff, base: { profile: base.profile, stats: computeStats(base.profile, baseSampleType) }, current }),
    });
  });

  it('lists each regression with its change, interval and p-value, and the profile changes under it', () => {
    const answer = ask('which benchmarks got slower?', model);
    assert.equal(answer.intent, 'benchmarks');
    assert.equal(answer.answered, true);
    const text = renderText(answer.markdown).split('\n');
    const evalTime = delta(comparison, 'BenchmarkEval');
    // The same figures R gives for these runs.
    assert.equal(figures(evalTime), '+206.9% [+84.9%, +450.6%], p=0.001');
    assert.ok(text.includes('3 benchmarks compared: 2 slower, 1 unchanged. A change counts when the Mann-Whitney U test gives p < 0.05 and it is past 2%; the intervals are 95%.'), text.join('\n'));
    assert.ok(text.includes('Regressions (2)'), text.join('\n'));
    for (const name of ['BenchmarkEval', 'BenchmarkRules']) {
      const d = delta(comparison, name);
      const line = text.find((l) => l.startsWith(`- \`${name}\` time/op: ${figures(d)}; median `));
      assert.ok(line, `${name} in:\n${text.join('\n')}`);
      assert.ok(line.endsWith(`over 10 + 10 runs of ${FROM}`), line);
      const under = text.slice(text.indexOf(line) + 1);
      assert.equal(under[0], '  - in the profiles `base.pprof` → `current.pprof`, self share of CPU time:');
      assert.equal(under[1], lookupLine);
    }
    assert.ok(!text.some((l) => l.includes('`BenchmarkParse`')), 'an unchanged benchmark is not listed as slower');
    assert.ok(text.includes('7 other comparisons show no regression; ask `benchmark changes` for all of them.'), text.join('\n'));
    assert.deepEqual(answer.sources, [
      { kind: 'benchmarks', name: 'go/base.bench.txt' },
      { kind: 'benchmarks', name: 'go/current.bench.txt' },
      { kind: 'profile', name: 'base.pprof' },
      { kind: 'profile', name: 'current.pprof' },
    ]);
    assert.equal(answer.links[0].label, 'exprcalc/eval.go:12');
    assert.deepEqual(answer.links[0].range.start, { line: 11, character: 0 });
  });

  it('answers about one benchmark by name with all its metrics, whichever way it asks', () => {
    const text = lines(model, 'is BenchmarkParse slower?');
    const parse = delta(comparison, 'BenchmarkParse');
    assert.equal(parse.verdict, 'no-change');
    const p = `p=${parse.p!.toFixed(3)}`;
    const s = (v: number) => `${v >= 0 ? '+' : '-'}${Math.abs(v).toFixed(1)}%`;
    assert.ok(
      text.some((l) => l.startsWith(`- \`BenchmarkParse\` time/op: no significant change (${s(parse.deltaPercent!)} [${s(parse.low!)}, ${s(parse.high!)}], ${p}); median `)),
      text.join('\n'),
    );
    assert.ok(text.includes('Unchanged (3)'), text.join('\n'));
    assert.ok(!text.some((l) => l.includes('BenchmarkEval') || l.startsWith('Regressions')), text.join('\n'));
  });

  it('says so when a named benchmark is not among the loaded ones, and names those', () => {
    const answer = ask('is BenchmarkFoo slower?', model);
    assert.equal(answer.answered, false);
    assert.ok(
      renderText(answer.markdown).startsWith(
        "I can't answer that from the loaded data. `go/base.bench.txt` → `go/current.bench.txt` has no benchmark named `BenchmarkFoo`; it holds `BenchmarkParse`, `BenchmarkEval`, `BenchmarkRules`.",
      ),
      answer.markdown,
    );
  });

  it('lists every comparison for "benchmark changes", improvements none', () => {
    const text = lines(model, 'benchmark changes');
    assert.ok(text.includes('Improvements (0)') && text.includes('Unchanged (7)'), text.join('\n'));
  });

  it('lists the benchmarks under help', () => {
    const text = lines(model, 'help');
    assert.ok(text.includes('- Benchmarks of a base and a current run (`go/base.bench.txt` → `go/current.bench.txt`): `which benchmarks got slower?`'), text.join('\n'));
  });
});

describe('the console on benchmark runs without profiles', () => {
  it('gives no verdict from one vitest run each, and says how many runs it needs', async () => {
    const comparison = compareBenchmarks(await run('node', 'vitest-base', 'run-1.json'), await run('node', 'vitest-current', 'run-1.json'));
    const model = await modelFromFiles({ roots: [recorded], findings: [], profiles: [], benchmarks: benchmarkEvidence(comparison) });
    const answer = ask('did any benchmark regress?', model);
    assert.equal(answer.intent, 'benchmarks');
    const text = renderText(answer.markdown).split('\n');
    assert.ok(text.includes('3 benchmarks compared: 3 without a verdict (too few runs). A change counts when the Mann-Whitney U test gives p < 0.05 and it is past 2%; the intervals are 95%.'), text.join('\n'));
    assert.ok(text.includes('Regressions (0)') && text.includes('No verdict (3)'), text.join('\n'));
    const render = comparison.deltas.find((d) => d.name.endsWith('renderReport'))!;
    assert.equal(render.note, 'need at least 4 runs of each to tell a change from noise at p < 0.05 (have 1 and 1)');
    assert.ok(
      text.some((l) => l.startsWith(`- \`${render.name}\` time/op: no verdict — ${render.note}; median `) && l.endsWith('in `node/vitest-base/run-1.json` → `node/vitest-current/run-1.json`')),
      text.join('\n'),
    );
  });

  it('reads a folder of vitest runs and suggests loading the profiles of both runs', async () => {
    const comparison = compareBenchmarks(await run('node', 'vitest-base'), await run('node', 'vitest-current'));
    const model = await modelFromFiles({ roots: [recorded], findings: [], profiles: [], benchmarks: benchmarkEvidence(comparison) });
    const answer = ask('which benchmarks got slower?', model);
    const text = renderText(answer.markdown).split('\n');
    const render = comparison.deltas.find((d) => d.name.endsWith('renderReport'))!;
    assert.equal(render.verdict, 'regression');
    assert.ok(text.some((l) => l.startsWith(`- \`${render.name}\` time/op: ${figures(render)}; median `)), text.join('\n'));
    assert.ok(text.some((l) => l.startsWith('Load the profiles of both runs')), text.join('\n'));
    assert.deepEqual(answer.actions, [{ kind: 'compareBaseline', label: 'Compare with a baseline…' }]);
  });

  it('reads a question naming a loaded benchmark without the word "benchmark" as one about benchmarks', async () => {
    const comparison = compareBenchmarks(await run('python', 'base.benchmark.json'), await run('python', 'current.benchmark.json'));
    const loaded = await modelFromFiles({ roots: [recorded], findings: [], profiles: [], benchmarks: benchmarkEvidence(comparison) });
    const none = await modelFromFiles({ roots: [recorded], findings: [], profiles: [] });
    assert.equal(parseQuestion('has test_report regressed?', loaded).intent, 'benchmarks');
    assert.equal(parseQuestion('has test_report regressed?', none).intent, 'regressions');
    const text = lines(loaded, 'has test_report regressed?');
    assert.ok(text.some((l) => l.startsWith(`- \`test_report\` time/op: ${figures(delta(comparison, 'test_report'))}; median `)), text.join('\n'));
    assert.ok(!text.some((l) => l.includes('test_total_weight')), text.join('\n'));
  });
});

describe('the console with no benchmark results loaded', () => {
  it('says so and how to load them', async () => {
    const model = await modelFromFiles({ roots: [recorded], findings: [], profiles: [] });
    const answer = ask('which benchmarks got slower?', model);
    assert.equal(answer.intent, 'benchmarks');
    assert.equal(answer.answered, false);
    assert.ok(
      answer.markdown.startsWith(
        "I can't answer that from the loaded data. No benchmark results are loaded, so I can't say which benchmarks got slower. Load the results of a base and a current run with **Hotpath: Compare Benchmark Results…**, or on the command line `hotpath ask \"…\" --bench-base FILE --bench-current FILE`",
      ),
      answer.markdown,
    );
    assert.deepEqual(answer.actions, [{ kind: 'compareBenchmarks', label: 'Compare benchmark results…' }]);
  });
});
