/**
 * Benchmark results in the language server: the recorded Go runs of test/fixtures/compare/go/
 * loaded through hotpath/compareBenchmarks next to a copy of the program they were recorded
 * from, with the runs' profiles as the active profile and its baseline, and the console asked
 * "which benchmarks got slower?". The figures must be the ones `hotpath compare` prints.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ResponseError } from 'vscode-languageserver-protocol';
import { LspSession } from '../../scripts/lsp-session';
import { renderText } from '../../server/src/console/render-text';
import { askRequest, compareBenchmarksRequest, compareWithBaselineRequest, importProfileRequest } from '../../server/src/protocol';
import { makeGoProgramWorkspace, startScanned, tearDown, uriOf } from '../helpers/lsp-harness';
import { distDir, fixturesDir } from '../helpers/paths';

const recorded = path.join(fixturesDir, 'compare', 'go');

/** The line `hotpath compare` prints for a benchmark's time/op. */
function cliLine(dir: string, name: string): string {
  const run = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'compare', 'bench/base.bench.txt', 'bench/current.bench.txt'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const line = run.stdout.split('\n').find((l) => l.includes(` ${name}  time/op `));
  assert.ok(line, run.stdout);
  return line;
}

describe('benchmark results in the language server', () => {
  let session: LspSession;
  let dir: string;
  let evalGo: string;

  before(async () => {
    ({ dir, evalGo } = makeGoProgramWorkspace());
    fs.mkdirSync(path.join(dir, 'bench'));
    for (const file of ['base.bench.txt', 'current.bench.txt']) fs.copyFileSync(path.join(recorded, file), path.join(dir, 'bench', file));
    session = await startScanned(dir);
    await session.connection.sendRequest(importProfileRequest, { path: path.join(recorded, 'current.pprof') });
    await session.connection.sendRequest(compareWithBaselineRequest, { path: path.join(recorded, 'base.pprof') });
  });
  after(() => tearDown(session, dir));

  it('says so before any benchmark results are loaded', async () => {
    const answer = await session.connection.sendRequest(askRequest, { question: 'which benchmarks got slower?' });
    assert.equal(answer.intent, 'benchmarks');
    assert.equal(answer.answered, false);
    assert.deepEqual(answer.actions, [{ kind: 'compareBenchmarks', label: 'Compare benchmark results…' }]);
  });

  it('loads the two files by paths relative to the workspace and summarises them', async () => {
    const summary = await session.connection.sendRequest(compareBenchmarksRequest, { base: 'bench/base.bench.txt', current: 'bench/current.bench.txt' });
    assert.deepEqual(summary, {
      base: 'bench/base.bench.txt',
      current: 'bench/current.bench.txt',
      format: 'go-bench',
      benchmarks: 3,
      slower: 2,
      faster: 0,
      unchanged: 1,
      noVerdict: 0,
      headline: '3 benchmarks compared: 2 slower, 1 unchanged',
    });
  });

  it('answers which benchmarks got slower with the figures of hotpath compare and the profile changes under them', async () => {
    const answer = await session.connection.sendRequest(askRequest, { question: 'which benchmarks got slower?' });
    assert.equal(answer.answered, true);
    const text = renderText(answer.markdown).split('\n');
    // `regression     BenchmarkEval  time/op  3.87 µs → 10.9 µs  +206.9% [+84.9%, +450.6%]  p=0.001 n=10+10`
    const printed = /time\/op {2}(.+) → (.+) {2}(\S+ \[\S+ \S+\]) {2}(p\S+) n=10\+10$/.exec(cliLine(dir, 'BenchmarkEval'))!;
    const at = text.indexOf(`- \`BenchmarkEval\` time/op: ${printed[3]}, ${printed[4]}; median ${printed[1]} → ${printed[2]} over 10 + 10 runs of \`bench/base.bench.txt\` → \`bench/current.bench.txt\``);
    assert.ok(at >= 0, `${printed[0]} in:\n${text.join('\n')}`);
    assert.equal(text[at + 1], '  - in the profiles `base.pprof` → `current.pprof`, self share of CPU time:');
    assert.equal(text[at + 2], '    - regression `example.com/exprcalc/exprcalc.lookup` (go/exprcalc/eval.go:12): 14.2% → 47.1% (+32.9 points)');
    assert.deepEqual(answer.links[0], {
      uri: uriOf(evalGo),
      range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } },
      label: 'go/exprcalc/eval.go:12',
      href: `${uriOf(evalGo)}#L12`,
    });
  });

  it('refuses a file that is not benchmark results, naming it, and keeps the comparison before', async () => {
    await assert.rejects(
      session.connection.sendRequest(compareBenchmarksRequest, { base: path.join(recorded, 'base.pprof'), current: 'bench/current.bench.txt' }),
      (error: ResponseError<unknown>) => {
        assert.equal(error.message, `${path.join(recorded, 'base.pprof')}: not benchmark results (go test -bench output, pytest-benchmark JSON or a vitest bench report)`);
        return true;
      },
    );
    await assert.rejects(session.connection.sendRequest(compareBenchmarksRequest, { base: 'bench/base.bench.txt' } as never), /compareBenchmarks needs/);
    const answer = await session.connection.sendRequest(askRequest, { question: 'is BenchmarkParse slower?' });
    assert.ok(renderText(answer.markdown).split('\n').includes('Unchanged (3)'), answer.markdown);
  });

  it('forgets the comparison on null', async () => {
    assert.equal(await session.connection.sendRequest(compareBenchmarksRequest, null), null);
    assert.equal((await session.connection.sendRequest(askRequest, { question: 'benchmark changes' })).answered, false);
  });
});
