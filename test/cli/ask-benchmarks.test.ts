/**
 * `hotpath ask "which benchmarks got slower?" --bench-base … --bench-current …` as a user runs it,
 * on the recorded runs of test/fixtures/compare/. The figures it prints must be the ones
 * `hotpath compare --format json` gives for the same files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { before, describe, it } from 'node:test';
import type { Answer } from '../../server/src/console/answer';
import { renderText } from '../../server/src/console/render-text';
import { cliPath as cli, runCli } from '../helpers/run-cli';

const GO = 'test/fixtures/compare/go';
const NODE = 'test/fixtures/compare/node';

const run = runCli;

interface JsonBenchmark {
  name: string;
  metric: string;
  verdict: string;
  deltaPercent: number;
  low: number;
  high: number;
  p: number;
}

/** The benchmarks as `hotpath compare --format json` reports them. */
function compared(base: string, current: string): JsonBenchmark[] {
  const { code, stdout, stderr } = run(['compare', base, current, '--format', 'json']);
  assert.equal(code, 0, stderr);
  return (JSON.parse(stdout) as { benchmarks: JsonBenchmark[] }).benchmarks;
}

function figures(b: JsonBenchmark): string {
  const s = (v: number) => `${v >= 0 ? '+' : '-'}${Math.abs(v).toFixed(1)}%`;
  return `${s(b.deltaPercent)} [${s(b.low)}, ${s(b.high)}], ${b.p < 0.001 ? 'p<0.001' : `p=${b.p.toFixed(3)}`}`;
}

describe('hotpath ask about benchmarks', () => {
  before(() => assert.ok(fs.existsSync(cli), `${cli} is missing: run "npm run build" first`));

  it('names the slower benchmarks with the figures hotpath compare gives, and the profile changes under them', () => {
    const expected = compared(`${GO}/base.bench.txt`, `${GO}/current.bench.txt`).filter((b) => b.verdict === 'regression');
    assert.deepEqual(expected.map((b) => b.name), ['BenchmarkEval', 'BenchmarkRules']);
    const { code, stdout, stderr } = run([
      'ask', 'which benchmarks got slower?', '--root', 'scripts/record-profiles/programs/go',
      '--bench-base', `${GO}/base.bench.txt`, '--bench-current', `${GO}/current.bench.txt`,
      '--baseline', `${GO}/base.pprof`, '--profile', `${GO}/current.pprof`,
    ]);
    assert.equal(code, 0, stderr);
    const lines = stdout.split('\n');
    for (const b of expected) {
      const at = lines.findIndex((l) => l.startsWith(`- \`${b.name}\` time/op: ${figures(b)}; median `));
      assert.ok(at >= 0, `${b.name} in:\n${stdout}`);
      assert.ok(lines[at].endsWith(`over 10 + 10 runs of \`${GO}/base.bench.txt\` → \`${GO}/current.bench.txt\``), lines[at]);
      assert.equal(lines[at + 1], '  - in the profiles `base.pprof` → `current.pprof`, self share of CPU time:');
      assert.match(lines[at + 2], /^ {4}- regression `example\.com\/exprcalc\/exprcalc\.lookup` \(exprcalc\/eval\.go:12\): 14\.2% → 47\.1% \(\+32\.9 points\)$/);
    }
  });

  it('reads folders of vitest runs, and answers json with the files as sources', () => {
    const [render] = compared(`${NODE}/vitest-base`, `${NODE}/vitest-current`).filter((b) => b.verdict === 'regression');
    const { code, stdout, stderr } = run(['ask', 'benchmark changes', '--root', NODE, '--bench-base', `${NODE}/vitest-base`, '--bench-current', `${NODE}/vitest-current`, '--format', 'json']);
    assert.equal(code, 0, stderr);
    const answer = JSON.parse(stdout) as Answer;
    assert.equal(answer.intent, 'benchmarks');
    assert.deepEqual(answer.sources, [
      { kind: 'benchmarks', name: `${NODE}/vitest-base` },
      { kind: 'benchmarks', name: `${NODE}/vitest-current` },
    ]);
    assert.ok(renderText(answer.markdown).split('\n').some((l) => l.startsWith(`- \`${render.name}\` time/op: ${figures(render)}; median `)), answer.markdown);
  });

  it('says how to load benchmark results when none are given', () => {
    const { code, stdout } = run(['ask', 'which benchmarks got slower?', '--root', NODE]);
    assert.equal(code, 0);
    assert.ok(stdout.startsWith("I can't answer that from the loaded data. No benchmark results are loaded"), stdout);
    assert.ok(stdout.includes('Compare benchmark results: add --bench-base FILE --bench-current FILE.'), stdout);
  });

  it('refuses a file that is not benchmark results, naming it, and a side given alone', () => {
    const profile = run(['ask', 'which benchmarks got slower?', '--root', NODE, '--bench-base', `${GO}/base.pprof`, '--bench-current', `${GO}/current.bench.txt`]);
    assert.equal(profile.code, 2);
    assert.equal(profile.stderr.split('\n')[0], `hotpath: ${GO}/base.pprof: not benchmark results (go test -bench output, pytest-benchmark JSON or a vitest bench report)`);
    const missing = run(['ask', 'which benchmarks got slower?', '--root', NODE, '--bench-base', `${GO}/nowhere.txt`, '--bench-current', `${GO}/current.bench.txt`]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr.split('\n')[0], `hotpath: ${GO}/nowhere.txt: cannot read it (ENOENT)`);
    const alone = run(['ask', 'which benchmarks got slower?', '--root', NODE, '--bench-base', `${GO}/base.bench.txt`]);
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /^hotpath: --bench-base and --bench-current go together/);
  });
});
