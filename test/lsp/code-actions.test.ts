/**
 * Quick fixes as an editor gets them from the bundled server: at a finding, a `quickfix` code
 * action whose workspace edit turns the file into the fixture's expected text; applying it
 * makes the finding go away. No action where there is no finding or no fix, or when the client
 * asks only for other kinds. On `source.fixAll`, one action applying every preferred fix and
 * none of those that say what to check.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-protocol';
import { LspSession, positionOf, rangeOf, startSession } from '../../scripts/lsp-session';
import { findingsOf, makeWorkspace, tearDown } from '../helpers/lsp-harness';
import { fixturesDir } from '../helpers/paths';

function fixture(rule: string, name: string): string {
  return fs.readFileSync(path.join(fixturesDir, 'fixes', rule, name), 'utf8');
}

const REGEX = 'regex-compiled-in-loop';
const SEARCH = 'linear-search-in-loop';
const GO_BEFORE = fixture(REGEX, 'go-match.before.go');
const GO_AFTER = fixture(REGEX, 'go-match.after.go');
const PY_BEFORE = fixture(SEARCH, 'python-known.before.py');
const PY_AFTER = fixture(SEARCH, 'python-known.after.py');

function applied(text: string, languageId: string, edits: Array<{ range: Range; newText: string }>): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', languageId, 1, text), edits);
}

describe('quick fixes as code actions', () => {
  let session: LspSession;
  let dir: string;
  let goUri: string;
  let pyUri: string;

  before(async () => {
    dir = makeWorkspace();
    // await-in-loop is off by default; its fix is one of those tested here.
    session = startSession({ settings: { hotpath: { rules: { 'await-in-loop': 'info' } } } });
    const init = await session.initialize([dir]);
    assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.hotpath'] });
    goUri = await session.open(path.join(dir, 'report.go'), GO_BEFORE);
    pyUri = await session.open(path.join(dir, 'known.py'), PY_BEFORE);
    await session.waitForDiagnostics(goUri, (p) => findingsOf(p, REGEX).length === 1);
    await session.waitForDiagnostics(pyUri, (p) => findingsOf(p, SEARCH).length === 1);
  });

  after(() => tearDown(session, dir));

  it('offers the preferred fix at the finding, with the edit that hoists the pattern to a package-level variable', async () => {
    const finding = rangeOf(GO_BEFORE, 'regexp.MatchString(`^\\d{4}-\\d{2}$`, s)');
    assert.deepEqual(findingsOf(session.diagnostics(goUri), REGEX)[0].range, finding);
    const at = positionOf(GO_BEFORE, 'MatchString');
    const actions = await session.codeActions(goUri, { start: at, end: at });
    assert.equal(actions.length, 1);
    const [action] = actions;
    assert.equal(action.title, 'Compile the pattern once, in a package-level variable');
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics?.map((d) => [d.code, d.range]), [[REGEX, finding]]);
    const edits = action.edit?.changes?.[goUri];
    assert.ok(edits, 'the edit changes the Go file');
    assert.deepEqual(Object.keys(action.edit!.changes!), [goUri]);
    assert.equal(applied(GO_BEFORE, 'go', edits), GO_AFTER);
  });

  it('makes the finding go away once the editor applies the edit', async () => {
    const at = positionOf(GO_BEFORE, 'MatchString');
    const [action] = await session.codeActions(goUri, { start: at, end: at });
    await session.change(goUri, [{ text: applied(GO_BEFORE, 'go', action.edit!.changes![goUri]) }]);
    await session.waitForDiagnostics(goUri, (p) => p.version === 2 && findingsOf(p, REGEX).length === 0);
    assert.deepEqual(await session.codeActions(goUri, { start: at, end: at }), []);
  });

  it('offers a fix that may change meaning as not preferred, saying what to check', async () => {
    const range = rangeOf(PY_BEFORE, 'known:');
    const actions = await session.codeActions(pyUri, range);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [['Look items up in a set built once before the loop (check the items are hashable)', 'quickfix', false]],
    );
    assert.equal(applied(PY_BEFORE, 'python', actions[0].edit!.changes![pyUri]), PY_AFTER);
  });

  it('offers nothing away from findings, or when the client asks for other kinds only', async () => {
    const first = positionOf(PY_BEFORE, 'def known_orders');
    assert.deepEqual(await session.codeActions(pyUri, { start: first, end: first }), []);
    assert.deepEqual(await session.codeActions(pyUri, rangeOf(PY_BEFORE, 'known:'), ['source']), []);
  });

  it('applies every preferred fix on source.fixAll, and none that says what to check', async () => {
    const before = [
      'export async function sync(names, ids) {',
      '  const valid = names.filter((name) => new RegExp("^[a-z]+$").test(name));',
      '  const short = names.filter((name) => new RegExp("^[a-z]{1,3}$").test(name));',
      '  for (const id of ids) {',
      '    await refresh(id);',
      '  }',
      '  return [valid, short];',
      '}',
      '',
    ].join('\r\n');
    const expected = [
      'export async function sync(names, ids) {',
      '  const namePattern = new RegExp("^[a-z]+$");',
      '  const valid = names.filter((name) => namePattern.test(name));',
      '  const namePattern2 = new RegExp("^[a-z]{1,3}$");',
      '  const short = names.filter((name) => namePattern2.test(name));',
      '  for (const id of ids) {',
      '    await refresh(id);',
      '  }',
      '  return [valid, short];',
      '}',
      '',
    ].join('\r\n');
    const uri = await session.open(path.join(dir, 'sync.js'), before);
    await session.waitForDiagnostics(uri, (p) => findingsOf(p, REGEX).length === 2 && findingsOf(p, 'await-in-loop').length === 1);
    const whole = { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } };
    const actions = await session.codeActions(uri, whole, ['source.fixAll']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [["Apply Hotpath's preferred quick fixes (2)", 'source.fixAll.hotpath']]);
    assert.equal(applied(before, 'javascript', actions[0].edit!.changes![uri]), expected);
    const quickFixes = await session.codeActions(uri, whole);
    assert.deepEqual(quickFixes.map((a) => a.isPreferred), [true, true, false], 'the light bulb has no fix-all, only the three quick fixes');
  });

  it('preallocates a Go slice in a fix-all only where it was never nil', async () => {
    const lines = (made: string) => [
      'package users',
      '',
      'func Names(users []User) []string {',
      `\tnames := ${made}`,
      '\tfor _, u := range users {',
      '\t\tnames = append(names, u.Name)',
      '\t}',
      '\treturn names',
      '}',
      '',
      'func IDs(users []User) []int64 {',
      '\tvar ids []int64',
      '\tfor _, u := range users {',
      '\t\tids = append(ids, u.ID)',
      '\t}',
      '\treturn ids',
      '}',
      '',
    ].join('\n');
    const before = lines('[]string{}');
    const uri = await session.open(path.join(dir, 'users.go'), before);
    const rule = 'slice-append-without-capacity';
    await session.waitForDiagnostics(uri, (p) => findingsOf(p, rule).length === 2);
    const whole = { start: { line: 0, character: 0 }, end: { line: 17, character: 0 } };
    const quickFixes = await session.codeActions(uri, whole);
    assert.deepEqual(
      quickFixes.map((a) => [a.title, a.isPreferred]),
      [
        ['Allocate the slice once with room for every item', true],
        ['Allocate the slice once with room for every item (check code that tells a nil `ids` from an empty one)', false],
      ],
    );
    const [fixAll] = await session.codeActions(uri, whole, ['source.fixAll']);
    assert.equal(fixAll.title, "Apply Hotpath's preferred quick fixes (1)");
    assert.equal(applied(before, 'go', fixAll.edit!.changes![uri]), lines('make([]string, 0, len(users))'));
  });
});

describe('the Go quick fix in a package of several files', () => {
  const packageDir = path.join(fixturesDir, 'go-package', 'report');
  const read = (name: string) => fs.readFileSync(path.join(packageDir, name), 'utf8');
  const expected = fs.readFileSync(path.join(fixturesDir, 'go-package', 'expected', 'report.go'), 'utf8');
  const names = ['report.go', 'patterns.go', 'helpers_test.go', 'report_ext_test.go', 'notes.txt'];
  let session: LspSession;
  let dir: string;
  let uri: string;

  before(async () => {
    dir = makeWorkspace(Object.fromEntries(names.map((name) => [name, read(name)])));
    session = startSession();
    await session.initialize([dir]);
    uri = await session.open(path.join(dir, 'report.go'));
    await session.waitForDiagnostics(uri, (p) => findingsOf(p, REGEX).length === 1);
  });

  after(() => tearDown(session, dir));

  it('names the package-level variable apart from the names of the other files, open ones as the editor has them', async () => {
    const at = positionOf(read('report.go'), 'MustCompile');
    const [action] = await session.codeActions(uri, { start: at, end: at });
    assert.equal(applied(read('report.go'), 'go', action.edit!.changes![uri]), expected);
    // Opened with its `linePattern2` renamed, the internal test file no longer takes that name.
    await session.open(path.join(dir, 'helpers_test.go'), read('helpers_test.go').replace('linePattern2', 'codeSamples'));
    const [again] = await session.codeActions(uri, { start: at, end: at });
    assert.equal(applied(read('report.go'), 'go', again.edit!.changes![uri]), expected.replace(/linePattern3/g, 'linePattern2'));
    const [fixAll] = await session.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } }, ['source.fixAll']);
    assert.equal(applied(read('report.go'), 'go', fixAll.edit!.changes![uri]), expected.replace(/linePattern3/g, 'linePattern2'));
  });
});
