/**
 * Edits applied to an open document's tree (`tree.edit` + incremental reparse) must give the same
 * tree and the same findings as parsing the edited text from scratch — for any sequence of edits.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { OpenDocuments } from '../../server/src/documents/open-documents';
import { AnalysisConfig } from '../../server/src/rules/config';
import { analyzeTree } from '../../server/src/rules/engine';
import { parserFor } from '../../server/src/syntax/parsers';

const SOURCE = `import requests

def fetch_all(ids, session):
    out = []
    for i in ids:
        out.append(session.query(User).get(i))
        r = requests.get(f"https://x/{i}")
    return out
`;

/** Text that edits are made of: code fragments, line breaks and non-ASCII characters. */
const fragment = fc.constantFrom('', 'x', ' ', '\n', '    ', 'for a in b:\n    ', 'requests.get(u)', '(', ')', ':', 'é', '😀', '"', '#');

const edit = fc.record({ start: fc.nat(), length: fc.nat({ max: 12 }), text: fc.array(fragment, { maxLength: 4 }).map((a) => a.join('')) });

test('incremental reparse equals a fresh parse after any edits', async () => {
  const parser = await parserFor('python');
  const config = new AnalysisConfig();
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
      const docs = new OpenDocuments(() => '/tmp/t.py');
      const doc = docs.open('file:///tmp/t.py', 'python', 1, SOURCE);
      await docs.tree(doc);
      let version = 1;
      for (const e of edits) {
        const text = doc.document.getText();
        const start = Math.min(e.start, text.length);
        const end = Math.min(start + e.length, text.length);
        const range = { start: doc.document.positionAt(start), end: doc.document.positionAt(end) };
        docs.change(doc.uri, ++version, [{ range, text: e.text }]);
        // Reparse after some edits only, so several edits pile up on one tree too.
        if (e.length % 2 === 0) await docs.tree(doc);
      }
      const incremental = await docs.tree(doc);
      const fresh = parser.parse(doc.document.getText());
      try {
        assert.ok(incremental && fresh);
        assert.equal(incremental.rootNode.toString(), fresh.rootNode.toString());
        assert.deepEqual(analyzeTree(incremental, 'python', config).findings, analyzeTree(fresh, 'python', config).findings);
      } finally {
        fresh?.delete();
        docs.dispose();
      }
    }),
    { numRuns: 150, seed: 20261125 },
  );
});

test('closing a document frees its tree', async () => {
  const docs = new OpenDocuments(() => undefined);
  const doc = docs.open('untitled:1', 'python', 1, SOURCE);
  const tree = await docs.tree(doc);
  assert.ok(tree);
  docs.close(doc.uri);
  assert.equal(doc.tree, undefined);
  assert.equal(docs.get(doc.uri), undefined);
});
