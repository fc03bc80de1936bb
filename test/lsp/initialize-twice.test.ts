/**
 * A client that sends `initialize` a second time, which the LSP spec forbids: the server answers
 * with an error and goes on serving the session the first request set up, with its workspace
 * folders and the findings it has.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, InitializeRequest, ResponseError } from 'vscode-languageserver-protocol';
import { rescanRequest } from '../../server/src/protocol';
import type { LspSession } from '../../scripts/lsp-session';
import { assertStillServing, findingsOf, makeWorkspace, ORDERS_MESSAGE, ORDERS_PY, removeWorkspace, startScanned, tearDown, uriOf } from '../helpers/lsp-harness';

describe('a second initialize request', () => {
  let session: LspSession;
  let dir: string;
  let other: string;

  before(async () => {
    dir = makeWorkspace({ 'orders.py': ORDERS_PY });
    other = makeWorkspace({ 'elsewhere.py': ORDERS_PY });
    session = await startScanned(dir);
  });

  after(async () => {
    removeWorkspace(other);
    await tearDown(session, dir);
  });

  it('is answered with an error, and the server keeps the workspace of the first', async () => {
    const mark = session.mark();
    const answer = await session.connection
      .sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: pathToFileURL(other).href,
        workspaceFolders: [{ uri: pathToFileURL(other).href, name: 'other' }],
        capabilities: {},
      })
      .then(
        (result: unknown) => ({ result }),
        (error: unknown) => ({ error }),
      );
    assert.ok('error' in answer && answer.error instanceof ResponseError, `a second initialize should fail, got ${JSON.stringify(answer)}`);
    assert.equal(answer.error.code, ErrorCodes.InvalidRequest);
    assert.equal(answer.error.message, 'Hotpath is already initialized: a session takes one initialize request.');
    assert.deepEqual(answer.error.data, { retry: false });
    assert.ok(session.logs(mark).includes('Refused a second initialize request; the session goes on as the first one set it up.'), session.logs(mark).join('\n'));

    // A file added to the first folder is found by a rescan; the folder the second request named is not scanned.
    fs.writeFileSync(path.join(dir, 'later.py'), ORDERS_PY);
    const rescanned = session.mark();
    await session.connection.sendRequest(rescanRequest);
    await session.waitForScan(rescanned);
    assert.deepEqual(findingsOf(session.diagnostics(uriOf(path.join(dir, 'later.py')))).map((f) => f.message), [ORDERS_MESSAGE]);
    assert.deepEqual(findingsOf(session.diagnostics(uriOf(path.join(dir, 'orders.py')))).map((f) => f.message), [ORDERS_MESSAGE]);
    assert.equal(session.diagnostics(uriOf(path.join(other, 'elsewhere.py'))), undefined);
    await assertStillServing(session);
  });
});
