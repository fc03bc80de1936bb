import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { discoverFiles } from '../../server/src/workspace/discover';
import { decodeSource } from '../../server/src/workspace/source-text';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-discover-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

test('discovery finds source files and leaves out what .gitignore files and excludes name', async () => {
  const root = tree({
    'a.py': '',
    'b.txt': '',
    'types.d.ts': '',
    'web/app.tsx': '',
    'web/.gitignore': 'gen/\n*.min.js\n',
    'web/gen/x.ts': '',
    'web/lib.min.js': '',
    'web/lib.js': '',
    'node_modules/pkg/index.js': '',
    'build/out.go': '',
    'src/Main.java': '',
  });
  const skipped: string[] = [];
  const files = await discoverFiles(root, {
    exclude: ['**/node_modules/**', 'build'],
    maxFileSizeKb: 1,
    onSkip: (file, reason) => skipped.push(`${path.relative(root, file)}: ${reason}`),
  });
  assert.deepEqual(
    files.map((f) => `${path.relative(root, f.path)} ${f.grammar}`),
    ['a.py python', 'src/Main.java java', 'web/app.tsx tsx', 'web/lib.js javascript'],
  );
  assert.deepEqual(skipped, []);
  fs.rmSync(root, { recursive: true });
});

test('discovery skips files over the size limit and says so', async () => {
  const root = tree({ 'big.py': 'x = 1\n'.repeat(400), 'small.py': 'x = 1\n' });
  const skipped: string[] = [];
  const files = await discoverFiles(root, { exclude: [], maxFileSizeKb: 1, onSkip: (f, r) => skipped.push(`${path.basename(f)}: ${r}`) });
  assert.deepEqual(files.map((f) => path.basename(f.path)), ['small.py']);
  assert.deepEqual(skipped, ['big.py: 2 KB is larger than the 1 KB limit (hotpath.maxFileSizeKb)']);
  fs.rmSync(root, { recursive: true });
});

test('source text that is binary, not UTF-8 or minified is skipped with a reason', () => {
  const max = 1024 * 1024;
  assert.deepEqual(decodeSource(Buffer.from('print("hé")\n'), max), { text: 'print("hé")\n' });
  assert.deepEqual(decodeSource(Buffer.from([0x70, 0, 0x71]), max), { skipped: 'binary content (NUL bytes)' });
  assert.deepEqual(decodeSource(Buffer.from([0x70, 0xc3, 0x28]), max), { skipped: 'not valid UTF-8' });
  const minified = Buffer.from(`var a=1;${'f(a);'.repeat(20000)}\n`);
  assert.match((decodeSource(minified, max) as { skipped: string }).skipped, /^looks minified or generated \(\d+ characters per line on average\)$/);
  assert.deepEqual(decodeSource(Buffer.from('x'.repeat(2048)), 1024), { skipped: '2 KB is larger than the 1 KB limit (hotpath.maxFileSizeKb)' });
});
