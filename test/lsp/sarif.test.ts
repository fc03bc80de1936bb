/**
 * SARIF through the language server with a real client: a log ESLint writes is imported, its
 * result at the place of Hotpath's own finding becomes one diagnostic naming both, its other
 * results show as ESLint's with ESLint's help link, a profile's heat raises them like Hotpath's
 * findings, and the findings shown are exported as a valid SARIF log.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as sarif from 'sarif';
import { Diagnostic, ResponseError } from 'vscode-languageserver-protocol';
import { LspSession, positionOf } from '../../scripts/lsp-session';
import { exportSarifRequest, importProfileRequest, importSarifRequest, removeSarifRequest } from '../../server/src/protocol';
import { makeWorkspace, startScanned, tearDown, uriOf } from '../helpers/lsp-harness';

/** await-in-loop is off by default; the logs here are about the awaits it shares with ESLint. */
const AWAIT_IN_LOOP_ON = { settings: { hotpath: { rules: { 'await-in-loop': 'info' } } } };
import { examplesDir } from '../helpers/paths';
import { sarifFixturesDir, schemaErrors } from '../helpers/sarif-fixtures';
import { eslintSarif } from '../helpers/sarif-tools';

const ALSO_ESLINT = '(also reported by ESLint no-await-in-loop)';

describe('importing and exporting SARIF in the language server', () => {
  let session: LspSession;
  let dir: string;
  let file: string;
  let text: string;
  let log: string;

  before(async () => {
    dir = makeWorkspace();
    file = path.join(dir, 'src', 'loop.js');
    fs.mkdirSync(path.dirname(file));
    fs.copyFileSync(path.join(sarifFixturesDir, 'real', 'loop.js'), file);
    text = fs.readFileSync(file, 'utf8');
    log = path.join(dir, 'eslint.sarif');
    fs.writeFileSync(log, eslintSarif(dir, ['src'], ['no-await-in-loop: error']));
    session = await startScanned(dir, AWAIT_IN_LOOP_ON);
  });
  after(() => tearDown(session, dir));

  const atLine = (diagnostics: Diagnostic[], line: number) => diagnostics.filter((d) => d.range.start.line === line && (d.code === 'await-in-loop' || d.code === 'no-await-in-loop'));

  it('shows the await ESLint and Hotpath both flag as one diagnostic that names both, at the exact place', async () => {
    const summary = await session.connection.sendRequest(importSarifRequest, { path: log });
    assert.deepEqual(
      { ...summary, path: undefined },
      { path: undefined, name: 'eslint.sarif', tools: ['ESLint'], results: 2, files: 1, headline: '2 results from ESLint in 1 file; hidden: 1 suppressed in the log', warnings: [] },
    );
    const params = await session.waitForDiagnostics(uriOf(file), (p) => p.diagnostics.some((d) => String(d.message).endsWith(ALSO_ESLINT)));
    const [merged, ...others] = atLine(params.diagnostics, 4);
    assert.deepEqual(others, [], 'ESLint’s result at the same place is not shown again');
    const start = positionOf(text, 'await fetch(url));');
    assert.deepEqual(merged.range, { start, end: { line: start.line, character: start.character + 'await fetch(url)'.length } });
    assert.equal(merged.source, 'hotpath');
    assert.equal(merged.code, 'await-in-loop');
    assert.equal(merged.severity, 1, 'ESLint was told it is an error');
    assert.match(String(merged.message), /^`await fetch\(url\)` runs once per item of `urls`/);
  });

  it('shows ESLint’s other result as ESLint’s, with its help page, and explains it in the hover', async () => {
    const params = session.diagnostics(uriOf(file));
    const [eslint] = atLine(params?.diagnostics ?? [], 12);
    assert.ok(eslint, 'the dependent await in follow is ESLint’s alone');
    assert.equal(eslint.source, 'ESLint');
    assert.equal(eslint.code, 'no-await-in-loop');
    assert.equal(eslint.message, 'Unexpected `await` inside a loop.');
    assert.equal(eslint.codeDescription?.href, 'https://eslint.org/docs/latest/rules/no-await-in-loop');
    const hover = await session.hover(uriOf(file), positionOf(text, 'await next(cursor)'));
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /`no-await-in-loop` · ESLint/);
    assert.match(value, /Disallow `await` inside of loops/);
  });

  it('exports the findings shown as a valid SARIF log, ESLint’s in a run of their own', async () => {
    const { log: exported, results } = await session.connection.sendRequest(exportSarifRequest);
    assert.deepEqual(schemaErrors(exported), []);
    assert.deepEqual(exported.runs.map((r: sarif.Run) => r.tool.driver.name), ['Hotpath', 'ESLint']);
    const total = exported.runs.reduce((n: number, r: sarif.Run) => n + (r.results?.length ?? 0), 0);
    assert.equal(results, total);
    const merged = exported.runs[0].results?.find((r: sarif.Result) => r.message.text?.endsWith(ALSO_ESLINT));
    assert.equal(merged?.locations?.[0].physicalLocation?.artifactLocation?.uri, 'src/loop.js');
    assert.equal(exported.runs[1].results?.length, 1);
  });

  it('refuses a log it cannot read, naming it, and keeps the one imported', async () => {
    const bad = path.join(dir, 'truncated.sarif');
    fs.copyFileSync(path.join(sarifFixturesDir, 'truncated.sarif'), bad);
    await assert.rejects(session.connection.sendRequest(importSarifRequest, { path: bad }), (error: ResponseError<unknown>) => {
      assert.equal(error.message.startsWith(`${bad}: the JSON ends early, so the log looks truncated`), true, error.message);
      return true;
    });
    assert.ok(session.diagnostics(uriOf(file))?.diagnostics.some((d) => d.source === 'ESLint'));
  });

  it('warns about results outside the workspace and never shows them', async () => {
    const escape = path.join(dir, 'escape.sarif');
    const results = ['file:///etc/passwd', '../../x', 'src/loop.js'].map((uri) => ({ ruleId: 'E1', message: { text: `in ${uri}` }, locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }] }));
    fs.writeFileSync(escape, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Escape' } }, results }] }));
    const summary = await session.connection.sendRequest(importSarifRequest, { path: escape });
    assert.equal(summary.results, 1);
    assert.deepEqual(summary.warnings, ['left out 2 results in files outside the workspace (file:///etc/passwd, ../../x); they were not opened']);
    assert.ok(!session.allDiagnostics().some((p) => !p.uri.startsWith(uriOf(dir))), 'no diagnostics are published outside the workspace');
    await session.waitForDiagnostics(uriOf(file), (p) => p.diagnostics.some((d) => d.source === 'Escape' && d.message === 'in src/loop.js'));
  });

  it('stops showing a log’s results when it is removed', async () => {
    const mark = session.mark();
    const remaining = await session.connection.sendRequest(removeSarifRequest, { path: log });
    assert.deepEqual(remaining.map((l) => l.name), ['escape.sarif']);
    const params = await session.waitForDiagnostics(uriOf(file), (p) => !p.diagnostics.some((d) => d.source === 'ESLint'));
    assert.ok(!params.diagnostics.some((d) => String(d.message).includes(ALSO_ESLINT)));
    assert.ok(params.diagnostics.some((d) => d.code === 'await-in-loop'), 'Hotpath’s own finding stays');
    assert.ok(session.eventsOf('diagnostics', mark).length > 0);
  });
});

describe('an imported SARIF result in a function the profile shows hot', () => {
  let session: LspSession;
  let dir: string;
  let report: string;

  before(async () => {
    dir = makeWorkspace();
    fs.cpSync(examplesDir, dir, { recursive: true });
    report = path.join(dir, 'javascript', 'report.js');
    // ESLint flags the loop in loadCustomers, the function the recorded profile shows hot.
    const rule = 'no-restricted-syntax: [warn, {selector: "ForOfStatement", message: "for…of over a query result"}]';
    fs.writeFileSync(path.join(dir, 'eslint.sarif'), eslintSarif(dir, ['javascript/report.js'], [rule]));
    session = await startScanned(dir, AWAIT_IN_LOOP_ON);
    await session.connection.sendRequest(importProfileRequest, { path: path.join(dir, 'profiles', 'report.cpuprofile') });
    await session.connection.sendRequest(importSarifRequest, { path: path.join(dir, 'eslint.sarif') });
  });
  after(() => tearDown(session, dir));

  it('is raised to a warning that names the measured share, as Hotpath’s own findings are', async () => {
    const params = await session.waitForDiagnostics(uriOf(report), (p) => p.diagnostics.some((d) => d.source === 'ESLint' && String(d.message).includes('this function took')));
    const loop = params.diagnostics.find((d) => d.source === 'ESLint');
    assert.ok(loop);
    assert.equal(loop.range.start.line, positionOf(fs.readFileSync(report, 'utf8'), 'for (const order').line);
    assert.match(String(loop.message), /^for…of over a query result — this function took \d+\.\d% of CPU time in report\.cpuprofile$/);
    assert.equal(loop.severity, 2);
    const nPlusOne = params.diagnostics.find((d) => d.code === 'n-plus-one-query');
    assert.equal(String(nPlusOne?.message).match(/took (\S+)/)?.[1], String(loop.message).match(/took (\S+)/)?.[1], 'both name the same share');
  });

  it('exports the measured evidence with the result', async () => {
    const { log } = await session.connection.sendRequest(exportSarifRequest);
    assert.deepEqual(schemaErrors(log), []);
    const eslint = log.runs.find((r: sarif.Run) => r.tool.driver.name === 'ESLint');
    const heat = eslint?.results?.[0].properties?.heat as { profile: string; totalPercent: number } | undefined;
    assert.equal(heat?.profile, 'report.cpuprofile');
    assert.ok((heat?.totalPercent ?? 0) >= 5);
    assert.ok(!log.runs[0].results?.some((r: sarif.Result) => r.ruleId === 'hot-code'), 'hot-code diagnostics stay in the editor');
  });
});
