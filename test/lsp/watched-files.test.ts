/**
 * Files changed on disk while the server runs, as the editor's file watcher reports them through
 * workspace/didChangeWatchedFiles: scanned again, or cleared when deleted.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { LspSession } from '../../scripts/lsp-session';
import { findingsOf, makeWorkspace, ORDERS_MESSAGE, ORDERS_PY, startScanned, tearDown, uriOf, writeFiles } from '../helpers/lsp-harness';

describe('files changed on disk', () => {
  let session: LspSession;
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  before(async () => {
    dir = makeWorkspace({ 'orders.py': ORDERS_PY });
    session = await startScanned(dir);
    assert.deepEqual(findingsOf(session.diagnostics(uriOf(file('orders.py')))).map((f) => f.message), [ORDERS_MESSAGE]);
  });

  after(() => tearDown(session, dir));

  it('asks the client to watch source files, .gitignore and go.mod', () => {
    const watch = session.eventsOf('registration').find((e) => e.registration.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watch?.registration.registerOptions, {
      watchers: [{ globPattern: '**/*.{py,pyi,js,jsx,mjs,cjs,ts,mts,cts,tsx,go,java}' }, { globPattern: '**/.gitignore' }, { globPattern: '**/go.mod' }],
    });
  });

  it('scans a created file', async () => {
    writeFiles(dir, { 'jobs/created.py': ORDERS_PY });
    const uri = uriOf(file('jobs/created.py'));
    await session.didChangeWatchedFiles([{ uri, type: FileChangeType.Created }]);
    const params = await session.waitForDiagnostics(uri, (p) => findingsOf(p).length > 0);
    assert.deepEqual(findingsOf(params).map((f) => f.message), [ORDERS_MESSAGE]);
  });

  it('scans a changed file again', async () => {
    writeFiles(dir, { 'orders.py': ORDERS_PY.replace('for order in orders:', 'for order in orders[:1]:') });
    const uri = uriOf(file('orders.py'));
    await session.didChangeWatchedFiles([{ uri, type: FileChangeType.Changed }]);
    const params = await session.waitForDiagnostics(uri, (p) => findingsOf(p)[0]?.message !== ORDERS_MESSAGE);
    assert.deepEqual(findingsOf(params).map((f) => f.message), ['Database query `session.query()` runs once per item of `orders[:1]` (`for` loop at line 6)']);
    writeFiles(dir, { 'orders.py': 'def nothing():\n    return None\n' });
    await session.didChangeWatchedFiles([{ uri, type: FileChangeType.Changed }]);
    await session.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('clears the diagnostics of a deleted file', async () => {
    writeFiles(dir, { 'doomed.py': ORDERS_PY });
    const uri = uriOf(file('doomed.py'));
    await session.didChangeWatchedFiles([{ uri, type: FileChangeType.Created }]);
    await session.waitForDiagnostics(uri, (p) => findingsOf(p).length > 0);
    fs.rmSync(file('doomed.py'));
    await session.didChangeWatchedFiles([{ uri, type: FileChangeType.Deleted }]);
    await session.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('scans the workspace again when a .gitignore changes', async () => {
    const created = uriOf(file('jobs/created.py'));
    assert.equal(findingsOf(session.diagnostics(created)).length, 1);
    writeFiles(dir, { '.gitignore': 'jobs/\n' });
    await session.didChangeWatchedFiles([{ uri: uriOf(file('.gitignore')), type: FileChangeType.Created }]);
    await session.waitForDiagnostics(created, (p) => p.diagnostics.length === 0);
  });
});
