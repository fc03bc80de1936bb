/**
 * Input an editor or a workspace can throw at the server: binaries named .py, invalid UTF-8, a
 * huge minified bundle, deeply nested code, syntax errors and messages with garbage in them. Each
 * arrives both on disk (the workspace scan) and, where an editor could send it, as an open
 * document; after each, the server must still analyze and answer.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { LspSession, positionOf, rangeOf } from '../../scripts/lsp-session';
import {
  assertStillServing,
  findingsOf,
  lspFixture,
  makeWorkspace,
  ORDERS_MESSAGE,
  ORDERS_PY,
  startScanned,
  tearDown,
  uriOf,
} from '../helpers/lsp-harness';

const LOOP_JS = 'async function load(orders) {\n  for (const order of orders) {\n    await fetch(order.url);\n  }\n}\n';
const LOOP_JS_MESSAGE = 'HTTP request `fetch()` runs once per item of `orders` (`for…of` loop at line 2)';

/** 5,000 nested array brackets, one per line so the file does not read as minified. */
const DEEP_BRACKETS_JS = `${LOOP_JS}const nested = ${'[\n'.repeat(5000)}${']\n'.repeat(5000)};\n`;
/** 2,000 nested ifs with an N+1 at the bottom. */
const DEEP_IFS_JS = `${LOOP_JS}function deep(x, items) {\n${Array.from({ length: 2000 }, (_, i) => `if (x > ${i}) {\n`).join('')}for (const item of items) { fetch(item.url); }\n${'}\n'.repeat(2000)}}\n`;
/** 5,000 nested parentheses in Python. */
const DEEP_PARENS_PY = `${ORDERS_PY}\n\nnested = ${'(\n'.repeat(5000)}1${')\n'.repeat(5000)}`;
/** One 900 KB line (under the size limit) that would hold an N+1 if anyone analyzed it. */
const MINIFIED_JS = `for(const o of orders){fetch(o.url)}${';var a=1'.repeat(115_000)}`;
const BINARY = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]), Buffer.from(ORDERS_PY)]);
const LATIN1 = Buffer.from(ORDERS_PY.replace('Customer names', 'Noms des clients, première version'), 'latin1');
const SYNTAX_ERROR_PY = lspFixture('syntax-error.py');

describe('hostile input', () => {
  let session: LspSession;
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const scanned = (name: string) => session.diagnostics(uriOf(file(name)));

  before(async () => {
    dir = makeWorkspace({
      'blob.py': BINARY,
      'latin1.py': LATIN1,
      'bundle.js': MINIFIED_JS,
      'deep_brackets.js': DEEP_BRACKETS_JS,
      'deep_ifs.js': DEEP_IFS_JS,
      'deep_parens.py': DEEP_PARENS_PY,
      'broken.py': SYNTAX_ERROR_PY,
    });
    session = await startScanned(dir);
  });

  after(() => tearDown(session, dir));

  it('skips a binary file named .py and survives it opened as text', async () => {
    assert.ok(session.logs().includes(`Skipped ${file('blob.py')}: binary content (NUL bytes)`), session.logs().join('\n'));
    assert.equal(scanned('blob.py'), undefined);
    const uri = await session.open(file('blob.py'), BINARY.toString('latin1'), 'python');
    await session.waitForDiagnostics(uri, (p) => p.version === 1);
    await assertStillServing(session);
  });

  it('skips invalid UTF-8 on disk, and counts columns in UTF-16 in text with broken characters', async () => {
    assert.ok(session.logs().includes(`Skipped ${file('latin1.py')}: not valid UTF-8`), session.logs().join('\n'));
    assert.equal(scanned('latin1.py'), undefined);
    // What an editor shows for the file (replacement characters), plus a lone surrogate before the call.
    const text = LATIN1.toString('utf8').replace('customer = session', 'note = "\ud800\ufffd"; customer = session');
    const uri = await session.open(file('latin1.py'), text);
    const params = await session.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(findingsOf(params).map((f) => [f.range, f.message]), [[rangeOf(text, 'session.query(Customer)'), ORDERS_MESSAGE]]);
    await assertStillServing(session);
  });

  it('skips a huge minified file on disk and open', async () => {
    assert.match(session.logs().join('\n'), new RegExp(`^Skipped ${file('bundle.js')}: looks minified or generated \\(\\d+ characters per line on average\\)$`, 'm'));
    assert.equal(scanned('bundle.js'), undefined);
    const mark = session.mark();
    const uri = await session.open(file('bundle.js'), MINIFIED_JS);
    const params = await session.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(params.diagnostics, []);
    await session.waitForLog(`Not analyzing ${file('bundle.js')}: looks minified or generated`, mark);
    await assertStillServing(session);
  });

  it('analyzes deeply nested code: 5,000 brackets, 2,000 ifs, 5,000 parentheses', async () => {
    const inner = positionOf(DEEP_IFS_JS, 'fetch(item.url)');
    const expected = {
      'deep_brackets.js': [[positionOf(DEEP_BRACKETS_JS, 'fetch('), LOOP_JS_MESSAGE]],
      'deep_ifs.js': [
        [positionOf(DEEP_IFS_JS, 'fetch('), LOOP_JS_MESSAGE],
        [inner, `HTTP request \`fetch()\` runs once per item of \`items\` (\`for…of\` loop at line ${inner.line + 1})`],
      ],
      'deep_parens.py': [[positionOf(DEEP_PARENS_PY, 'session.query('), ORDERS_MESSAGE]],
    };
    const texts: Record<string, string> = { 'deep_brackets.js': DEEP_BRACKETS_JS, 'deep_ifs.js': DEEP_IFS_JS, 'deep_parens.py': DEEP_PARENS_PY };
    for (const [name, findings] of Object.entries(expected)) {
      assert.deepEqual(findingsOf(scanned(name)).map((f) => [f.range.start, f.message]), findings, `${name} as scanned`);
      const uri = await session.open(file(name), texts[name]);
      const params = await session.waitForDiagnostics(uri, (p) => p.version === 1);
      assert.deepEqual(findingsOf(params).map((f) => [f.range.start, f.message]), findings, `${name} when open`);
    }
    await assertStillServing(session);
  });

  it('reports findings around a syntax error and none inside the ERROR node', async () => {
    const expected = [
      [rangeOf(SYNTAX_ERROR_PY, 'session.query(Customer)'), ORDERS_MESSAGE.replace('line 6', 'line 5')],
      [rangeOf(SYNTAX_ERROR_PY, 'session.query(Item)'), 'Database query `session.query()` runs once per item of `items` (`for` loop at line 15)'],
    ];
    assert.deepEqual(findingsOf(scanned('broken.py')).map((f) => [f.range, f.message]), expected, 'as scanned');
    const uri = await session.open(file('broken.py'), SYNTAX_ERROR_PY);
    const params = await session.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(findingsOf(params).map((f) => [f.range, f.message]), expected, 'when open');
    const broken = positionOf(SYNTAX_ERROR_PY, 'session.query(Line)').line;
    assert.deepEqual(params.diagnostics.filter((d) => d.range.start.line === broken), [], 'nothing is reported inside the broken statement');
    await assertStillServing(session);
  });

  it('answers or ignores messages with garbage params', async () => {
    const c = session.connection;
    const notifications: Array<[string, unknown]> = [
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', { textDocument: 5 }],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///x.py', languageId: 'python', version: 'one', text: 42 } }],
      ['textDocument/didChange', { textDocument: { uri: 'file:///never-opened.py', version: 2 }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didChange', { textDocument: { uri: 'file:///x.py', version: 2 }, contentChanges: [{ range: { start: { line: -5, character: -1 }, end: { line: 1e9, character: 0 } }, text: 'x' }, { range: null, text: 7 }] }],
      ['textDocument/didChange', null],
      ['textDocument/didClose', 7],
      ['workspace/didChangeWatchedFiles', { changes: 'all of them' }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 5, type: 9 }, { uri: 'file:///nowhere/x.py', type: 3 }] }],
      ['workspace/didChangeConfiguration', 'x'],
      ['workspace/didChangeWorkspaceFolders', { event: null }],
      ['$/cancelRequest', { id: { nested: true } }],
      ['$/setTrace', { value: 'everything' }],
      ['hotpath/unknown', [1, 2, 3]],
    ];
    for (const [method, params] of notifications) await c.sendNotification(method, params);
    const requests: Array<[string, unknown]> = [
      ['textDocument/hover', null],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: 'here' }],
      ['textDocument/hover', { textDocument: { uri: uriOf(file('broken.py')) }, position: { line: -1, character: 1e300 } }],
      ['hotpath/rescan', { please: true }],
      ['no/such/method', [1, 2]],
    ];
    for (const [method, params] of requests) {
      const answer = await c.sendRequest(method, params).then(
        (result: unknown) => ({ result }),
        (error: unknown) => ({ error }),
      );
      assert.ok('result' in answer || answer.error instanceof ResponseError, `${method} should be answered, got ${String((answer as { error: unknown }).error)}`);
      if (method === 'no/such/method') assert.equal((answer as { error: ResponseError<unknown> }).error.code, ErrorCodes.MethodNotFound);
    }
    // Bytes that are not JSON-RPC at all, framed correctly so the stream stays in step.
    for (const body of ['{oops, not json', '[1, 2, 3]', '{"jsonrpc": "2.0"}', '{"jsonrpc": "2.0", "id": 99, "method": 12}']) {
      session.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
    await assertStillServing(session);
  });
});
