/**
 * Findings that depend on other files: a loop in one file calls a helper in another, and editing
 * the helper (open in the editor, or changed on disk) updates the caller's diagnostics without
 * touching the caller.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { LspSession, rangeOf } from '../../scripts/lsp-session';
import { findingsOf, makeWorkspace, startScanned, tearDown, uriOf, writeFiles } from '../helpers/lsp-harness';

const RULE = 'n-plus-one-through-call';

const USERS_PY = `def fetch_user_profile(session, user_id):
    return session.query(Profile).get(user_id)
`;

const REPORT_PY = `from .users import fetch_user_profile


def report(session, users):
    for user in users:
        fetch_user_profile(session, user.id)
`;

const MESSAGE =
  '`fetch_user_profile()` runs a database query once per item of `users` (`for` loop at line 5): `report()` → `fetch_user_profile()` (users.py:1) → `session.query()` (users.py:2)';

describe('cross-file findings', () => {
  let session: LspSession;
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  before(async () => {
    dir = makeWorkspace({ 'app/__init__.py': '', 'app/users.py': USERS_PY, 'app/report.py': REPORT_PY });
    session = await startScanned(dir);
  });

  after(() => tearDown(session, dir));

  it('flags the loop that calls a helper in another file, with the chain as related information', () => {
    const [finding, ...rest] = findingsOf(session.diagnostics(uriOf(file('app/report.py'))), RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding.message, MESSAGE);
    assert.deepEqual(finding.range, rangeOf(REPORT_PY, 'fetch_user_profile(session, user.id)'));
    assert.deepEqual(finding.relatedInformation, [
      { location: { uri: uriOf(file('app/report.py')), range: rangeOf(REPORT_PY, 'for user in users') }, message: 'repeated by this `for` loop over `users`' },
      {
        location: { uri: uriOf(file('app/users.py')), range: rangeOf(USERS_PY, 'session.query(Profile)') },
        message: '`fetch_user_profile()` runs a database query: `session.query()`',
      },
    ]);
  });

  it('updates the caller as the open helper loses its query and gets it back', async () => {
    const report = uriOf(file('app/report.py'));
    const users = await session.open(file('app/users.py'), USERS_PY);
    const query = rangeOf(USERS_PY, 'session.query(Profile).get(user_id)');
    await session.change(users, [{ range: query, text: 'None' }]);
    await session.waitForDiagnostics(report, (p) => findingsOf(p, RULE).length === 0);
    await session.change(users, [{ range: rangeOf(session.text(users), 'None'), text: 'session.query(Profile).get(user_id)' }]);
    const params = await session.waitForDiagnostics(report, (p) => findingsOf(p, RULE).length === 1);
    assert.equal(findingsOf(params, RULE)[0].message, MESSAGE);
    await session.close(users);
  });

  it('updates the caller when the helper changes on disk', async () => {
    const report = uriOf(file('app/report.py'));
    writeFiles(dir, { 'app/users.py': USERS_PY.replace('session.query(Profile).get(user_id)', 'requests.get(f"/users/{user_id}")').replace('def ', 'import requests\n\n\ndef ') });
    await session.didChangeWatchedFiles([{ uri: uriOf(file('app/users.py')), type: FileChangeType.Changed }]);
    const http =
      '`fetch_user_profile()` runs an HTTP request once per item of `users` (`for` loop at line 5): `report()` → `fetch_user_profile()` (users.py:4) → `requests.get()` (users.py:5)';
    const params = await session.waitForDiagnostics(report, (p) => findingsOf(p, RULE)[0]?.message === http);
    assert.equal(findingsOf(params, RULE).length, 1);
  });

  it('clears the caller when the helper is deleted', async () => {
    const report = uriOf(file('app/report.py'));
    fs.rmSync(file('app/users.py'));
    await session.didChangeWatchedFiles([{ uri: uriOf(file('app/users.py')), type: FileChangeType.Deleted }]);
    await session.waitForDiagnostics(report, (p) => findingsOf(p, RULE).length === 0);
  });
});

const USERS_GO = `package store

import "database/sql"

func UserName(db *sql.DB, id int64) string {
	var name string
	_ = db.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name
}
`;

const REPORT_GO = `package report

import (
	"database/sql"

	"example.com/shop/store"
)

func Names(db *sql.DB, ids []int64) {
	for _, id := range ids {
		_ = store.UserName(db, id)
	}
}
`;

const GO_MESSAGE =
  '`store.UserName()` runs a database query once per item of `ids` (`for … range` loop at line 10): `Names()` → `UserName()` (../store/users.go:5) → `db.QueryRow()` (../store/users.go:7)';

describe('cross-file findings when go.mod changes', () => {
  let session: LspSession;
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  before(async () => {
    dir = makeWorkspace({ 'go.mod': 'module example.com/shop\n\ngo 1.22\n', 'store/users.go': USERS_GO, 'report/report.go': REPORT_GO });
    session = await startScanned(dir);
  });

  after(() => tearDown(session, dir));

  it('follows the import while go.mod names the module it points into', () => {
    const [finding, ...rest] = findingsOf(session.diagnostics(uriOf(file('report/report.go'))), RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding.message, GO_MESSAGE);
    assert.deepEqual(finding.range, rangeOf(REPORT_GO, 'store.UserName(db, id)'));
  });

  it('drops the finding when the module is renamed, and brings it back when the name returns', async () => {
    const report = uriOf(file('report/report.go'));
    const goMod = uriOf(file('go.mod'));
    writeFiles(dir, { 'go.mod': 'module example.com/renamed\n\ngo 1.22\n' });
    await session.didChangeWatchedFiles([{ uri: goMod, type: FileChangeType.Changed }]);
    await session.waitForDiagnostics(report, (p) => findingsOf(p, RULE).length === 0);
    writeFiles(dir, { 'go.mod': 'module example.com/shop\n\ngo 1.22\n' });
    await session.didChangeWatchedFiles([{ uri: goMod, type: FileChangeType.Changed }]);
    const params = await session.waitForDiagnostics(report, (p) => findingsOf(p, RULE).length === 1);
    assert.equal(findingsOf(params, RULE)[0].message, GO_MESSAGE);
  });
});
