/**
 * The bundled server as an editor sees it: a planted N+1 in an open Python file becomes one
 * diagnostic on the query call, with the rule's code, its documentation page and the loop as
 * related information; hovering it explains the rule.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession, positionOf, rangeOf, startSession } from '../../scripts/lsp-session';
import { endSession, findingsOf, makeWorkspace, N_PLUS_ONE, ORDERS_MESSAGE, ORDERS_PY, tearDown } from '../helpers/lsp-harness';
import { repoRoot } from '../helpers/paths';

describe('diagnostics and hover', () => {
  let session: LspSession;
  let dir: string;
  let uri: string;

  before(async () => {
    dir = makeWorkspace();
    session = startSession({ settings: { hotpath: {} } });
    const init = await session.initialize([dir]);
    assert.equal(init.serverInfo?.name, 'hotpath');
    assert.deepEqual(init.capabilities.textDocumentSync, { openClose: true, change: 2 }, 'the server takes incremental changes');
    assert.equal(init.capabilities.hoverProvider, true);
    uri = await session.open(path.join(dir, 'orders.py'), ORDERS_PY);
  });

  after(() => tearDown(session, dir));

  it('reports the planted N+1 on the query call, with the rule, its page and the loop', async () => {
    const params = await session.waitForDiagnostics(uri, (p) => findingsOf(p).length > 0);
    assert.equal(params.version, 1);
    const docPage = path.join(repoRoot, 'docs', 'rules', `${N_PLUS_ONE}.md`);
    assert.deepEqual(findingsOf(params), [
      {
        range: rangeOf(ORDERS_PY, 'session.query(Customer)'),
        severity: DiagnosticSeverity.Warning,
        source: 'hotpath',
        code: N_PLUS_ONE,
        codeDescription: { href: pathToFileURL(docPage).href },
        message: ORDERS_MESSAGE,
        relatedInformation: [
          { location: { uri, range: rangeOf(ORDERS_PY, 'for order in orders') }, message: 'repeated by this `for` loop over `orders`' },
        ],
      },
    ]);
    const href = findingsOf(params)[0].codeDescription!.href;
    assert.ok(fs.existsSync(fileURLToPath(href)), `the rule page ${href} should exist`);
  });

  it('explains the finding on hover: title, message, why, the rewrite in Python and the page', async () => {
    const hover = await session.hover(uri, positionOf(ORDERS_PY, 'query(Customer)'));
    assert.ok(hover, 'a hover over the finding should answer');
    assert.deepEqual(hover.range, rangeOf(ORDERS_PY, 'session.query(Customer)'));
    const { kind, value } = hover.contents as MarkupContent;
    assert.equal(kind, 'markdown');
    const paragraphs = value.split('\n\n');
    assert.equal(paragraphs[0], '**Database or HTTP call inside a loop (N+1)** · `n-plus-one-query`');
    assert.equal(paragraphs[1], ORDERS_MESSAGE);
    assert.match(paragraphs[2], /^\*\*Why it is slow\.\*\* Each iteration waits for a full round trip to the database or service\./);
    assert.match(paragraphs[3], /^\*\*Instead\.\*\* Fetch everything the loop needs in one call before it/);
    assert.match(value, /```python\nids = \{order\.customer_id for order in orders\}\n/);
    assert.ok(value.endsWith(`[Rule documentation](${pathToFileURL(path.join(repoRoot, 'docs', 'rules', `${N_PLUS_ONE}.md`)).href})`));
  });

  it('answers a hover away from any finding with nothing', async () => {
    assert.equal(await session.hover(uri, positionOf(ORDERS_PY, 'names = {}')), null);
  });

  it('takes settings from initializationOptions when the client cannot answer workspace/configuration', async () => {
    const other = startSession();
    try {
      await other.initialize([dir], { configuration: false }, { settings: { rules: { [N_PLUS_ONE]: 'error' } } });
      const otherUri = await other.open(path.join(dir, 'orders.py'), ORDERS_PY);
      const params = await other.waitForDiagnostics(otherUri, (p) => findingsOf(p).length > 0);
      assert.equal(findingsOf(params)[0].severity, DiagnosticSeverity.Error);
      assert.deepEqual(other.eventsOf('configuration'), [], 'the server should not ask a client that said it cannot answer');
    } finally {
      await endSession(other);
    }
  });
});
