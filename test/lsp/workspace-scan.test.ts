/**
 * The workspace scan: findings for files nobody opened, progress while it runs, and the files it
 * leaves out (.gitignore, files.exclude, hotpath.exclude, the size limit, scope openFiles).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspSession, positionOf, startSession } from '../../scripts/lsp-session';
import { rescanRequest } from '../../server/src/protocol';
import { grammarForPath } from '../../server/src/syntax/languages';
import { findingsOf, makeWorkspace, ORDERS_MESSAGE, ORDERS_PY, startScanned, tearDown, uriOf } from '../helpers/lsp-harness';
import { examplesDir } from '../helpers/paths';

/**
 * The N+1 planted in each example, by file: the call it is on, the loop that repeats it, and the
 * message, whose `LOOP` stands for the loop's line (found in the file, so edits to it do not
 * break the test).
 */
const EXAMPLE_FINDINGS = [
  { file: 'go/inventory/inventory.go', call: 'db.QueryRow(', loop: 'for _, sku := range skus', message: 'Database query `db.QueryRow()` runs once per item of `skus` (`for … range` loop at line LOOP)' },
  {
    file: 'java/src/main/java/com/example/orders/ReportService.java',
    call: 'customerRepository.findById(',
    loop: 'for (Order order : orders)',
    message: 'Database query `customerRepository.findById()` runs once per item of `orders` (`for` loop at line LOOP)',
  },
  { file: 'javascript/sync.js', call: 'fetch(', loop: 'for (const product', message: 'HTTP request `fetch()` runs once per item of `products` (`for…of` loop at line LOOP)' },
  { file: 'python/shop/orders.py', call: 'session.query(Customer)', loop: 'for order in orders', message: 'Database query `session.query()` runs once per item of `orders` (`for` loop at line LOOP)' },
  { file: 'typescript/src/orders.ts', call: 'prisma.order.findUnique(', loop: 'for (const id', message: 'Database query `prisma.order.findUnique()` runs once per item of `orderIds` (`for…of` loop at line LOOP)' },
];

function sourceFilesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && grammarForPath(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('workspace scan of the examples, with no file open', () => {
  let session: LspSession;
  let dir: string;

  before(async () => {
    dir = makeWorkspace();
    fs.cpSync(examplesDir, dir, { recursive: true });
    session = await startScanned(dir);
  });

  after(() => tearDown(session, dir));

  it('publishes the N+1 of every example file', () => {
    for (const { file, call, loop, message } of EXAMPLE_FINDINGS) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const findings = findingsOf(session.diagnostics(uriOf(path.join(dir, file))));
      assert.deepEqual(
        findings.map((f) => [f.range.start, f.message, f.source]),
        [[positionOf(text, call), message.replace('LOOP', String(positionOf(text, loop).line + 1)), 'hotpath']],
        `the N+1 of ${file}`,
      );
    }
  });

  it('reports progress: begin, reports up to every file, end', () => {
    const total = sourceFilesIn(dir).length;
    const progress = session.eventsOf('progress');
    assert.ok(progress.length >= 3, `expected begin, report and end, got ${JSON.stringify(progress)}`);
    assert.deepEqual(new Set(progress.map((p) => p.token)).size, 1, 'one scan, one progress token');
    const kinds = progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.slice(1, -1).every((k) => k === 'report') && kinds.length > 2);
    assert.equal(progress[0].value.kind === 'begin' && progress[0].value.title, 'Hotpath: scanning the workspace');
    const last = progress[progress.length - 2].value;
    assert.deepEqual(last, { kind: 'report', percentage: 100, message: `${total} of ${total} files` });
  });

  it('ends with an idle status that counts the files and the findings published', () => {
    const published = session.allDiagnostics().reduce((sum, p) => sum + p.diagnostics.length, 0);
    const last = session.eventsOf('status').at(-1)?.status;
    assert.deepEqual(last, { state: 'idle', files: sourceFilesIn(dir).length, skipped: 0, findings: published });
    assert.match(session.logs().join('\n'), new RegExp(`^Scanned ${sourceFilesIn(dir).length} files in \\d+ ms \\(0 skipped\\)\\.$`, 'm'));
  });
});

describe('files the workspace scan leaves out', () => {
  let session: LspSession;
  let dir: string;
  let folderUri: string;
  const flagged = (file: string) => findingsOf(session.diagnostics(uriOf(path.join(dir, file)))).map((f) => f.message);

  before(async () => {
    dir = makeWorkspace({
      'app/orders.py': ORDERS_PY,
      '.gitignore': 'ignored/\n',
      'ignored/orders.py': ORDERS_PY,
      'build/orders.py': ORDERS_PY,
      'dist/orders.py': ORDERS_PY,
      'vendor/orders.py': ORDERS_PY,
      'big/orders.py': ORDERS_PY + '#'.repeat(3072 - ORDERS_PY.length - 1) + '\n',
    });
    folderUri = uriOf(dir);
    session = await startScanned(dir, {
      settings: { hotpath: { exclude: ['**/vendor/**'], maxFileSizeKb: 2 }, 'files.exclude': { '**/build': true, '**/dist': false } },
      // Like VS Code, answer files.exclude for the folder the server names.
      configuration: (item, settings) => (item.section === 'files.exclude' && item.scopeUri !== folderUri ? null : settings[item.section ?? '']),
    });
  });

  after(() => tearDown(session, dir));

  it('scans what no rule leaves out', () => {
    assert.deepEqual(flagged('app/orders.py'), [ORDERS_MESSAGE]);
    assert.deepEqual(flagged('dist/orders.py'), [ORDERS_MESSAGE], 'a files.exclude glob set to false excludes nothing');
  });

  it('asks for files.exclude with the folder as scope', () => {
    const items = session.eventsOf('configuration').flatMap((e) => e.items);
    assert.deepEqual(items, [{ section: 'hotpath' }, { scopeUri: folderUri, section: 'files.exclude' }]);
  });

  it('leaves out .gitignore, files.exclude and hotpath.exclude matches, and names the file over the size limit', () => {
    for (const file of ['ignored/orders.py', 'build/orders.py', 'vendor/orders.py', 'big/orders.py']) {
      assert.equal(session.diagnostics(uriOf(path.join(dir, file))), undefined, `${file} should have no diagnostics`);
    }
    const big = path.join(dir, 'big', 'orders.py');
    assert.ok(session.logs().includes(`Skipped ${big}: 3 KB is larger than the 2 KB limit (hotpath.maxFileSizeKb)`), session.logs().join('\n'));
    assert.equal(session.eventsOf('status').at(-1)?.status.skipped, 1);
  });

  it('scans them once the settings stop excluding them (.gitignore still applies)', async () => {
    const mark = session.mark();
    await session.setSettings({ hotpath: {}, 'files.exclude': {} });
    await session.waitForScan(mark);
    for (const file of ['build/orders.py', 'vendor/orders.py', 'big/orders.py']) assert.deepEqual(flagged(file), [ORDERS_MESSAGE], file);
    assert.equal(session.diagnostics(uriOf(path.join(dir, 'ignored', 'orders.py'))), undefined);
  });
});

describe('scope openFiles', () => {
  let session: LspSession;
  let dir: string;
  let closed: string;

  before(async () => {
    dir = makeWorkspace({ 'open.py': ORDERS_PY, 'closed.py': ORDERS_PY });
    closed = uriOf(path.join(dir, 'closed.py'));
    session = startSession({ settings: { hotpath: { scope: 'openFiles' } } });
    await session.initialize([dir]);
  });

  after(() => tearDown(session, dir));

  it('analyzes only the open files', async () => {
    const open = await session.open(path.join(dir, 'open.py'));
    await session.waitForDiagnostics(open, (p) => findingsOf(p).length === 1);
    // A rescan finishes before it answers; the status after it follows every publication.
    await session.connection.sendRequest(rescanRequest);
    const mark = session.mark();
    await session.waitUntil('an idle status', () => session.eventsOf('status', mark).find((e) => e.status.state === 'idle'));
    assert.equal(session.diagnostics(closed), undefined);
    assert.deepEqual(session.eventsOf('progress'), [], 'no workspace scan should run');
  });

  it('scans the closed file when the scope becomes workspace, and clears it when it is openFiles again', async () => {
    const mark = session.mark();
    await session.setSettings({ hotpath: { scope: 'workspace' } });
    await session.waitForScan(mark);
    assert.deepEqual(findingsOf(session.diagnostics(closed)).map((f) => f.message), [ORDERS_MESSAGE]);
    await session.setSettings({ hotpath: { scope: 'openFiles' } });
    await session.waitForDiagnostics(closed, (p) => p.diagnostics.length === 0);
  });
});
