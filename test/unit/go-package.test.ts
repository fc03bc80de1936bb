/**
 * A Go package's names are shared by the files of its folder: the quick fix that hoists a regex
 * to a package-level `var` picks a name no file of the package uses, reading the other files from
 * disk, or from the editor when they are open there. Fixture: test/fixtures/go-package/, where
 * report/report.go compiles a pattern in a loop, the package's other files take the first names
 * the fix would pick, and expected/report.go is the fixed file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSource } from '../../server/src/analyze';
import { quickFix } from '../../server/src/fixes';
import { applyEdits } from '../../server/src/fixes/offset-edits';
import { AnalysisConfig } from '../../server/src/rules/config';
import { parserFor } from '../../server/src/syntax/parsers';
import { goPackageName, goPackageTexts } from '../../server/src/workspace/go-package';
import { fixturesDir } from '../helpers/paths';

const dir = path.join(fixturesDir, 'go-package', 'report');
const file = path.join(dir, 'report.go');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const MAX_BYTES = 1024 * 1024;

async function fixedWith(text: string, packageTexts: readonly string[]): Promise<{ title: string; text: string }> {
  const { findings } = await analyzeSource(text, 'go', new AnalysisConfig({ rules: {}, ioCalls: [], only: ['regex-compiled-in-loop'] }));
  assert.equal(findings.length, 1);
  const tree = (await parserFor('go')).parse(text)!;
  try {
    const fix = quickFix(tree, 'go', text, findings[0], packageTexts);
    assert.ok(fix, 'the finding has a quick fix');
    return { title: fix.title, text: applyEdits(text, fix.edits) };
  } finally {
    tree.delete();
  }
}

describe('the files of a Go package', () => {
  it('are the .go files of the folder with the same package clause, internal tests included', async () => {
    const texts = await goPackageTexts(file, read('report.go'), new Map(), MAX_BYTES);
    assert.deepEqual(texts, [read('helpers_test.go'), read('patterns.go')]);
  });

  it('are read from the editor when open there', async () => {
    const edited = 'package report\n\nvar linePatternFromEditor = 1\n';
    const texts = await goPackageTexts(file, read('report.go'), new Map([[path.join(dir, 'patterns.go'), edited]]), MAX_BYTES);
    assert.deepEqual(texts, [read('helpers_test.go'), edited]);
  });

  it('include a document open in the editor but not saved yet, and leave out what cannot be read', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-go-package-'));
    try {
      fs.writeFileSync(path.join(root, 'main.go'), 'package main\n');
      fs.writeFileSync(path.join(root, 'binary.go'), Buffer.from([0x70, 0x61, 0x63, 0x6b, 0, 0, 0]));
      fs.mkdirSync(path.join(root, 'folder.go'));
      const unsaved = 'package main\n\nvar unsavedPattern = 1\n';
      const texts = await goPackageTexts(path.join(root, 'main.go'), 'package main\n', new Map([[path.join(root, 'new.go'), unsaved]]), MAX_BYTES);
      assert.deepEqual(texts, [unsaved]);
      assert.deepEqual(await goPackageTexts(path.join(root, 'gone', 'x.go'), 'package main\n', new Map(), MAX_BYTES), []);
      assert.deepEqual(await goPackageTexts(path.join(root, 'main.go'), '// no package clause\n', new Map(), MAX_BYTES), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads the package clause after comments, not a word in one', () => {
    assert.equal(goPackageName('// Package report sums things.\n/* package nope */\npackage report // the report\n'), 'report');
    assert.equal(goPackageName('// package report\n'), undefined);
  });

  it('give the hoisted pattern a name none of them uses', async () => {
    const text = read('report.go');
    const fixed = await fixedWith(text, await goPackageTexts(file, text, new Map(), MAX_BYTES));
    assert.equal(fixed.title, 'Compile the pattern once, in a package-level variable');
    assert.equal(fixed.text, fs.readFileSync(path.join(fixturesDir, 'go-package', 'expected', 'report.go'), 'utf8'));
    // Alone, the file would take the first name, which patterns.go declares.
    assert.match((await fixedWith(text, [])).text, /^var linePattern = /m);
  });
});
