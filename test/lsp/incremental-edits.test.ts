/**
 * Live as you type: incremental didChange edits move, create and remove findings, and each
 * publication carries the document version it was computed from.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { LspSession, positionOf, rangeOf } from '../../scripts/lsp-session';
import { lineRangeOf } from '../../scripts/lsp-text';
import { findingsOf, makeWorkspace, ORDERS_PY, startScanned, tearDown } from '../helpers/lsp-harness';

describe('incremental edits', () => {
  let session: LspSession;
  let dir: string;
  let uri: string;
  let opened = 0;

  before(async () => {
    dir = makeWorkspace();
    session = await startScanned(dir);
  });

  after(() => tearDown(session, dir));

  beforeEach(async () => {
    uri = await session.open(path.join(dir, `orders_${++opened}.py`), ORDERS_PY);
    await session.waitForDiagnostics(uri, (p) => p.version === 1 && findingsOf(p).length === 1);
  });

  /** Waits for the findings of the given version and returns them. */
  async function findingsAt(version: number) {
    const params = await session.waitForDiagnostics(uri, (p) => p.version === version);
    return findingsOf(params);
  }

  it('moves the finding down when a line is inserted above it', async () => {
    const version = await session.insertLineAbove(uri, '"""Customer names', 'import logging\n');
    assert.equal(version, 2);
    const text = session.text(uri);
    const [finding] = await findingsAt(version);
    assert.deepEqual(finding.range, rangeOf(text, 'session.query(Customer)'));
    assert.equal(finding.range.start.line, 7);
    assert.equal(finding.message, 'Database query `session.query()` runs once per item of `orders` (`for` loop at line 7)');
  });

  it('removes the finding when the loop is deleted', async () => {
    const text = session.text(uri);
    const loop = { start: lineRangeOf(text, 'for order in orders').start, end: lineRangeOf(text, 'names[order.id]').end };
    const version = await session.change(uri, [{ range: loop, text: '    names = dict(session.query(Customer.id, Customer.name))\n' }]);
    assert.deepEqual(await findingsAt(version), []);
  });

  it('applies several edits of one didChange in order', async () => {
    // Rename the loop's collection in the signature and the loop, then add a line above both:
    // each range is read against the text the previous edit left.
    const text = session.text(uri);
    const version = await session.change(uri, [
      { range: rangeOf(text, 'orders):'), text: 'batch):' },
      { range: rangeOf(text.replace('orders):', 'batch):'), 'in orders'), text: 'in batch' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# Reports.\n' },
    ]);
    assert.equal(version, 2);
    const edited = session.text(uri);
    assert.match(edited, /^# Reports\.\n/);
    const [finding, ...rest] = await findingsAt(version);
    assert.deepEqual(rest, []);
    assert.deepEqual(finding.range, rangeOf(edited, 'session.query(Customer)'));
    assert.equal(finding.message, 'Database query `session.query()` runs once per item of `batch` (`for` loop at line 7)');
  });

  it('finds a query typed one keystroke at a time into a new loop', async () => {
    const text = session.text(uri);
    const typed = '    for sku in skus:\n        stock = requests.get(sku)\n';
    let at = lineRangeOf(text, 'return names').start;
    let version = session.version(uri);
    for (const char of typed) {
      version = await session.change(uri, [{ range: { start: at, end: at }, text: char }]);
      at = char === '\n' ? { line: at.line + 1, character: 0 } : { line: at.line, character: at.character + 1 };
    }
    const findings = await findingsAt(version);
    const edited = session.text(uri);
    assert.deepEqual(
      findings.map((f) => [f.range, f.message]),
      [
        [rangeOf(edited, 'session.query(Customer)'), 'Database query `session.query()` runs once per item of `orders` (`for` loop at line 6)'],
        [rangeOf(edited, 'requests.get(sku)'), 'HTTP request `requests.get()` runs once per item of `skus` (`for` loop at line 9)'],
      ],
    );
  });

  it('reports the version of the last change after a burst of edits', async () => {
    const text = session.text(uri);
    const position = positionOf(text, ' for a list of orders');
    let version = 1;
    for (let i = 0; i < 20; i++) {
      version = await session.change(uri, [{ range: { start: position, end: position }, text: ' ' }]);
    }
    // The server may skip versions in between, but its last publication is of the last one.
    const params = await session.waitForDiagnostics(uri, (p) => p.version === version);
    assert.equal(version, 21);
    assert.deepEqual(findingsOf(params).map((f) => f.range), [rangeOf(session.text(uri), 'session.query(Customer)')]);
  });
});
