/**
 * Comparing the active profile with a baseline in the language server: the Go recordings of
 * test/fixtures/compare/go/ (the planted slowdown in `lookup`) laid onto a copy of the program
 * they were recorded from. The figures must be the ones `hotpath compare` prints.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeLens, CodeLensRequest, ResponseError } from 'vscode-languageserver-protocol';
import { LspSession, positionOf } from '../../scripts/lsp-session';
import { baselineChangesRequest, compareWithBaselineRequest, importProfileRequest } from '../../server/src/protocol';
import { makeGoProgramWorkspace, startScanned, tearDown, uriOf } from '../helpers/lsp-harness';
import { distDir, fixturesDir } from '../helpers/paths';

const recorded = path.join(fixturesDir, 'compare', 'go');
const LOOKUP = 'example.com/exprcalc/exprcalc.lookup';

interface Side {
  self: number;
  total: number;
}

/** lookup's shares as `hotpath compare --format json` gives them, from its exact values (one decimal, as the editor shows them). */
function cliLookup(root: string) {
  const run = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'compare', path.join(recorded, 'base.pprof'), path.join(recorded, 'current.pprof'), '--format', 'json', '--root', root], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  const lookup = result.changes.find((c: { name: string }) => c.name === LOOKUP) as { base: Side; current: Side };
  const share = (side: Side, grand: number, which: keyof Side) => (side[which] / grand) * 100;
  const figures = {
    before: share(lookup.base, result.base.total, 'self'),
    after: share(lookup.current, result.current.total, 'self'),
    totalDelta: share(lookup.current, result.current.total, 'total') - share(lookup.base, result.base.total, 'total'),
  };
  return { ...figures, selfDelta: figures.after - figures.before };
}

describe('comparing with a baseline in the language server', () => {
  let session: LspSession;
  let dir: string;
  let evalGo: string;

  before(async () => {
    ({ dir, evalGo } = makeGoProgramWorkspace());
    session = await startScanned(dir);
    await session.open(evalGo);
    await session.connection.sendRequest(importProfileRequest, { path: path.join(recorded, 'current.pprof') });
  });
  after(() => tearDown(session, dir));

  it('answers with the rating and what changed', async () => {
    const summary = await session.connection.sendRequest(compareWithBaselineRequest, { path: path.join(recorded, 'base.pprof') });
    assert.deepEqual(summary, {
      name: 'base.pprof',
      path: path.join(recorded, 'base.pprof'),
      current: 'current.pprof',
      rating: 'regressed',
      counts: '1 regression, 2 removed hotspots',
    });
  });

  it('warns with a `regression` diagnostic on the regressed function, naming both profiles', async () => {
    const cli = cliLookup(dir);
    const params = await session.waitForDiagnostics(uriOf(evalGo), (p) => p.diagnostics.some((d) => d.code === 'regression'));
    const regressions = params.diagnostics.filter((d) => d.code === 'regression');
    assert.equal(regressions.length, 1);
    const [lookup] = regressions;
    assert.equal(lookup.severity, 2);
    assert.equal(
      lookup.message,
      `regression: \`lookup\` took ${cli.after.toFixed(1)}% of CPU time in current.pprof (self), up from ${cli.before.toFixed(1)}% in base.pprof (+${cli.selfDelta.toFixed(1)} points)`,
    );
    assert.equal(lookup.range.start.line, positionOf(fs.readFileSync(evalGo, 'utf8'), 'func lookup').line);
  });

  it('adds a code lens with the change against the baseline', async () => {
    const cli = cliLookup(dir);
    const lenses = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(evalGo) } })) as CodeLens[];
    const line = positionOf(fs.readFileSync(evalGo, 'utf8'), 'func lookup').line;
    const titles = lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title);
    assert.equal(titles.length, 2, JSON.stringify(titles));
    assert.match(titles[0]!, /^🔥 /);
    assert.equal(titles[1], `▲ +${cli.totalDelta.toFixed(1)} pts total · +${cli.selfDelta.toFixed(1)} self vs base.pprof`);
  });

  it('lists the changes for the Hotspots view, with the workspace file of lookup', async () => {
    const changes = await session.connection.sendRequest(baselineChangesRequest);
    assert.deepEqual(
      changes.map((c) => `${c.kind} ${c.name}`),
      [`regression ${LOOKUP}`, 'removed memeqbody', 'removed runtime.memequal'],
    );
    assert.equal(changes[0].uri, uriOf(evalGo));
    assert.equal(changes[0].before?.toFixed(2), '14.16');
    assert.equal(changes[0].after?.toFixed(2), '47.05');
    assert.equal(changes[1].func, undefined);
  });

  it('refuses a baseline of another kind, naming both profiles, and keeps the one before', async () => {
    const heap = path.join(fixturesDir, 'profiles', 'pprof', 'exprcalc_mem.pprof');
    await assert.rejects(session.connection.sendRequest(compareWithBaselineRequest, { path: heap }), (error: ResponseError<unknown>) => {
      assert.match(error.message, /^cannot compare exprcalc_mem\.pprof with current\.pprof: exprcalc_mem\.pprof measures allocated bytes \(alloc_space, bytes\) and current\.pprof measures CPU time \(cpu, nanoseconds\)/);
      return true;
    });
    const changes = await session.connection.sendRequest(baselineChangesRequest);
    assert.equal(changes.length, 3);
  });

  it('stops comparing on request: the regression diagnostic goes away', async () => {
    assert.equal(await session.connection.sendRequest(compareWithBaselineRequest, null), null);
    await session.waitForDiagnostics(uriOf(evalGo), (p) => !p.diagnostics.some((d) => d.code === 'regression') && p.diagnostics.some((d) => d.code === 'hot-code'));
    assert.deepEqual(await session.connection.sendRequest(baselineChangesRequest), []);
  });
});
