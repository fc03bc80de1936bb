/**
 * Importing a profile through the language server: the examples' real V8 profile, laid onto a
 * copy of the examples. The figures the editor shows must be the ones `hotpath profile` prints
 * for the same file.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeLens, CodeLensRequest, ResponseError } from 'vscode-languageserver-protocol';
import { LspSession, positionOf } from '../../scripts/lsp-session';
import {
  askRequest,
  functionHeatRequest,
  hotspotsRequest,
  importProfileRequest,
  lineHeatRequest,
  ProfilesState,
  setActiveProfileRequest,
} from '../../server/src/protocol';
import { findingsOf, makeWorkspace, startScanned, tearDown, uriOf } from '../helpers/lsp-harness';
import { distDir, examplesDir } from '../helpers/paths';

interface CliFunction {
  name: string;
  file: string | null;
  totalPercent: number;
  selfPercent: number;
}

/** What `hotpath profile --format json` says about a function of the profile. */
function cliFigures(profile: string, root: string, name: string): CliFunction {
  const run = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'profile', profile, '--format', 'json', '--top', '500', '--root', root], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const found = (JSON.parse(run.stdout).functions as CliFunction[]).find((f) => f.name === name);
  assert.ok(found, `hotpath profile lists no function ${name}`);
  return found;
}

const percent = (n: number) => `${n.toFixed(1)}%`;

describe('importing a profile in the language server', () => {
  let session: LspSession;
  let dir: string;
  let report: string;
  let profile: string;
  let state: ProfilesState;

  before(async () => {
    dir = makeWorkspace();
    fs.cpSync(examplesDir, dir, { recursive: true });
    report = path.join(dir, 'javascript', 'report.js');
    profile = path.join(dir, 'profiles', 'report.cpuprofile');
    session = await startScanned(dir);
    await session.open(report);
    state = await session.connection.sendRequest(importProfileRequest, { path: profile });
  });
  after(() => tearDown(session, dir));

  it('reads the profile, makes it active and says how much of it maps to the workspace', () => {
    assert.equal(state.profiles.length, 1);
    const [summary] = state.profiles;
    assert.equal(state.activeId, summary.id);
    assert.equal(summary.name, 'report.cpuprofile');
    assert.equal(summary.format, 'v8-cpuprofile');
    assert.ok(summary.coverage.mapped >= 4, `mapped only ${summary.coverage.mapped} functions`);
    assert.ok(summary.coverage.withFile >= summary.coverage.mapped);
    assert.match(session.logs().join('\n'), /Imported report\.cpuprofile \(v8-cpuprofile\): mapped \d+ of \d+ functions to this workspace\./);
  });

  it('raises the N+1 in the hot function to a warning that names the measured share and the profile', async () => {
    const cli = cliFigures(profile, dir, 'loadCustomers');
    const params = await session.waitForDiagnostics(uriOf(report), (p) => findingsOf(p).some((d) => String(d.message).includes('this function took')));
    const [finding] = findingsOf(params);
    assert.equal(finding.severity, 2);
    assert.equal(
      finding.message,
      `Database query \`db.query()\` runs once per item of \`orders\` (\`for…of\` loop at line 6) — this function took ${percent(cli.totalPercent)} of CPU time in report.cpuprofile`,
    );
  });

  it('publishes hot-code diagnostics for the hot functions of files it covers, open or not', async () => {
    const cli = cliFigures(profile, dir, 'loadCustomers');
    const params = await session.waitForDiagnostics(uriOf(report), (p) => p.diagnostics.some((d) => d.code === 'hot-code'));
    const hot = params.diagnostics.filter((d) => d.code === 'hot-code');
    const loadCustomers = hot.find((d) => String(d.message).startsWith('hot: `loadCustomers`'));
    assert.ok(loadCustomers, `no hot-code diagnostic for loadCustomers in ${JSON.stringify(hot.map((d) => d.message))}`);
    assert.equal(loadCustomers.message, `hot: \`loadCustomers\` took ${percent(cli.totalPercent)} of CPU time in report.cpuprofile (${percent(cli.selfPercent)} in its own code)`);
    assert.equal(loadCustomers.range.start.line, positionOf(fs.readFileSync(report, 'utf8'), 'function loadCustomers').line);
    assert.equal(loadCustomers.severity, 3);
    // db.js was never opened, and its hot function is flagged all the same.
    await session.waitForDiagnostics(uriOf(path.join(dir, 'javascript', 'lib', 'db.js')), (p) =>
      p.diagnostics.some((d) => d.code === 'hot-code' && String(d.message).startsWith('hot: `query`')),
    );
    assert.ok(!hot.some((d) => String(d.message).startsWith('hot: ``')), 'nameless top-level code gets no hot-function diagnostic');
  });

  it('puts a code lens with the shares above each measured function', async () => {
    const cli = cliFigures(profile, dir, 'loadCustomers');
    const lenses = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(report) } })) as CodeLens[];
    const text = fs.readFileSync(report, 'utf8');
    const lens = lenses.find((l) => l.range.start.line === positionOf(text, 'function loadCustomers').line);
    assert.ok(lens?.command, `no code lens above loadCustomers in ${JSON.stringify(lenses)}`);
    assert.match(lens.command.title, new RegExp(`^🔥 ${percent(cli.totalPercent).replace('.', '\\.')} total · ${percent(cli.selfPercent).replace('.', '\\.')} self · [\\d.]+ (ms|s)$`));
    // Clicking the lens opens the console on the function, which answers with the function's figures.
    assert.equal(lens.command.command, 'hotpath.openConsole');
    assert.deepEqual(lens.command.arguments, [{ question: 'why is loadCustomers slow?' }]);
    const answer = await session.connection.sendRequest(askRequest, lens.command.arguments[0] as { question: string });
    assert.equal(answer.intent, 'whySlow');
    assert.ok(answer.markdown.startsWith('### Why `loadCustomers` is slow'), answer.markdown);
    const hotspot = (await session.connection.sendRequest(hotspotsRequest, { by: 'total', limit: 50 })).find((h) => h.name === 'loadCustomers');
    assert.ok(hotspot, 'loadCustomers is not among the hotspots');
    const details = await session.connection.sendRequest(functionHeatRequest, { func: hotspot.func });
    assert.equal(details?.function.name, 'loadCustomers');
    assert.deepEqual(details?.callers.map((c) => c.name), ['main']);
    assert.ok(details?.callees.some((c) => c.name === 'query' && c.uri?.endsWith('/javascript/lib/db.js')));
  });

  it('answers line heat with labelled shares inside the measured functions', async () => {
    const heat = await session.connection.sendRequest(lineHeatRequest, { uri: uriOf(report) });
    assert.ok(heat && heat.lines.length > 0);
    assert.equal(heat.profile, 'report.cpuprofile');
    const lineCount = fs.readFileSync(report, 'utf8').split('\n').length;
    for (const line of heat.lines) {
      assert.ok(line.line >= 0 && line.line < lineCount && line.percent > 0);
      assert.match(line.label, /^(<0\.1|\d+\.\d)% of CPU time in report\.cpuprofile \([\d.]+ (µs|ms|s)\)$/);
    }
    assert.equal(await session.connection.sendRequest(lineHeatRequest, { uri: uriOf(path.join(dir, 'python', 'report.py')) }), null);
  });

  it('lists hotspots by total with the workspace file of each function of ours', async () => {
    const spots = await session.connection.sendRequest(hotspotsRequest, { by: 'total', limit: 10 });
    const load = spots.find((s) => s.name === 'loadCustomers');
    assert.ok(load);
    assert.equal(load.origin, 'ours');
    assert.equal(load.uri, uriOf(report));
    assert.ok(spots.every((s, i) => i === 0 || spots[i - 1].totalPercent >= s.totalPercent));
    assert.ok(spots.some((s) => s.origin === 'runtime'), 'runtime frames stay in the profile');
  });

  it('refuses a file that is no profile, naming it, and keeps the profile already loaded', async () => {
    const bad = path.join(dir, 'javascript', 'report.js');
    await assert.rejects(session.connection.sendRequest(importProfileRequest, { path: bad }), (error: ResponseError<unknown>) => {
      assert.match(error.message, new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a profile format Hotpath reads`));
      return true;
    });
    const after = await session.connection.sendRequest(setActiveProfileRequest, { id: state.activeId! });
    assert.equal(after.profiles.length, 1);
  });

  it('shows no profile on request, and the finding goes back to the rule severity', async () => {
    await session.connection.sendRequest(setActiveProfileRequest, { id: null });
    const params = await session.waitForDiagnostics(uriOf(report), (p) => findingsOf(p).length === 1 && !String(findingsOf(p)[0].message).includes('took'));
    assert.equal(findingsOf(params)[0].severity, 2);
    assert.ok(!params.diagnostics.some((d) => d.code === 'hot-code'));
  });
});
