/**
 * A grammar that fails to load (a damaged install) costs its language, nothing else, and the
 * error names the grammar and the file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const wasmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-wasm-'));
for (const [pkg, file] of [['web-tree-sitter', 'web-tree-sitter.wasm'], ['tree-sitter-python', 'tree-sitter-python.wasm']]) {
  fs.copyFileSync(require.resolve(`${pkg}/${file}`), path.join(wasmDir, file));
}
fs.writeFileSync(path.join(wasmDir, 'tree-sitter-go.wasm'), Buffer.from('not a wasm module'));
process.env.HOTPATH_WASM_DIR = wasmDir;
after(() => fs.rmSync(wasmDir, { recursive: true, force: true }));

test('a broken grammar fails with its name while the others keep working', async () => {
  const { analyzeSource } = await import('../../server/src/analyze.js');
  const { AnalysisConfig } = await import('../../server/src/rules/config.js');
  const config = new AnalysisConfig();
  await assert.rejects(
    analyzeSource('package main\n', 'go', config),
    /^Error: the go grammar \(tree-sitter-go\/tree-sitter-go\.wasm\) failed to load: .+/,
  );
  const python = await analyzeSource('for o in orders:\n    requests.get(o.url)\n', 'python', config);
  assert.deepEqual(python.findings.map((f) => f.ruleId), ['n-plus-one-query']);
});
