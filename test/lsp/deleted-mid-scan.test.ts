/**
 * Files deleted while the workspace scan runs (a branch switch, a build cleaning its output):
 * the scan goes on, says which files it could no longer read, and the server keeps working.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { LspSession, startSession } from '../../scripts/lsp-session';
import { assertStillServing, findingsOf, makeWorkspace, ORDERS_MESSAGE, ORDERS_PY, tearDown, uriOf } from '../helpers/lsp-harness';

const FILES = 400;

describe('files deleted during the workspace scan', () => {
  let session: LspSession;
  let dir: string;
  let kept: string[];
  let deleted: string[];

  before(async () => {
    const names = Array.from({ length: FILES }, (_, i) => `orders_${String(i).padStart(3, '0')}.py`);
    dir = makeWorkspace(Object.fromEntries(names.map((n) => [n, ORDERS_PY])));
    const files = names.map((n) => path.join(dir, n));
    // The scan goes through the files in name order: delete the second half once the first file is done.
    kept = files.slice(0, FILES / 2);
    deleted = files.slice(FILES / 2);
    session = startSession({ settings: { hotpath: {} }, timeoutMs: 60_000 });
    await session.initialize([dir]);
    await session.waitUntil('the first file scanned', () => session.eventsOf('progress').find((e) => e.value.kind === 'report'));
    for (const file of deleted) fs.rmSync(file);
    await session.waitForScan();
  });

  after(() => tearDown(session, dir));

  it('finishes the scan, naming the files it could no longer read', () => {
    const logs = session.logs();
    const gone = deleted.filter((f) => logs.includes(`Skipped ${f}: deleted before it could be read`));
    assert.ok(gone.length > 0, `some of the ${deleted.length} files should have been deleted before the scan read them:\n${logs.join('\n')}`);
    for (const file of deleted) {
      const read = findingsOf(session.diagnostics(uriOf(file))).length === 1;
      assert.ok(read !== gone.includes(file), `${file} was either scanned before it was deleted or named as deleted`);
    }
    for (const file of kept) assert.deepEqual(findingsOf(session.diagnostics(uriOf(file))).map((f) => f.message), [ORDERS_MESSAGE], file);
  });

  it('clears what it scanned of them when the watcher reports the deletions, and keeps working', async () => {
    await session.didChangeWatchedFiles(deleted.map((f) => ({ uri: uriOf(f), type: FileChangeType.Deleted })));
    await session.waitUntil('no diagnostics for deleted files', () =>
      deleted.every((f) => (session.diagnostics(uriOf(f))?.diagnostics.length ?? 0) === 0) ? true : undefined,
    );
    await assertStillServing(session);
  });
});
