/**
 * Quick fixes on the fixtures under test/fixtures/fixes/<rule-id>/: each `NAME.before.EXT` has
 * one finding of the rule, whose quick fix turns the file into `NAME.after.EXT` exactly (line
 * endings included); the result parses without errors and the rule no longer flags it. Each
 * `NAME.nofix.EXT` has one finding that gets no quick fix, because the fix would change what
 * the code does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSource } from '../../server/src/analyze';
import type { Finding } from '../../server/src/findings';
import { quickFix, QuickFix, quickFixTitles } from '../../server/src/fixes';
import { RULES } from '../../server/src/rules';
import { applyEdits } from '../../server/src/fixes/offset-edits';
import { AnalysisConfig } from '../../server/src/rules/config';
import { grammarForPath } from '../../server/src/syntax/languages';
import { parserFor } from '../../server/src/syntax/parsers';
import { fixturesDir } from '../helpers/paths';

const fixesDir = path.join(fixturesDir, 'fixes');

/** The titles a user sees, and whether the fix is preferred (applied by a fix-all). */
const EXPECTED_TITLES: Record<string, { title: string; preferred: boolean }> = {
  'regex-compiled-in-loop/python-helper': { title: 'Compile the pattern once, before the loop', preferred: true },
  'regex-compiled-in-loop/go-match': { title: 'Compile the pattern once, in a package-level variable', preferred: true },
  'regex-compiled-in-loop/java-split': { title: 'Compile the pattern once, in a static final field', preferred: true },
  'string-concat-in-loop/java-csv': { title: 'Build the string in one StringBuilder', preferred: true },
  'string-concat-in-loop/go-lines': { title: 'Build the string in one strings.Builder', preferred: true },
  'string-concat-in-loop/python-bytes': { title: 'Collect the pieces in a list and join them once', preferred: true },
  'linear-search-in-loop/python-known': { title: 'Look items up in a set built once before the loop (check the items are hashable)', preferred: false },
  'linear-search-in-loop/java-blocked': { title: 'Look items up in a HashSet built once before the loop', preferred: true },
  'await-in-loop/javascript-archive': { title: 'Run the iterations together with Promise.all (check the order of side effects)', preferred: false },
  'slice-append-without-capacity/go-made': { title: 'Allocate the slice once with room for every item', preferred: true },
  'slice-append-without-capacity/go-crlf': { title: 'Allocate the slice once with room for every item', preferred: true },
  'slice-append-without-capacity/go-nil': { title: 'Allocate the slice once with room for every item (check code that tells a nil `ids` from an empty one)', preferred: false },
  'expensive-object-in-loop/java-mapper': { title: 'Create the object once, in a static final field', preferred: true },
  'expensive-object-in-loop/java-passed': {
    title: 'Create the object once, in a static final field (check `write` neither configures nor keeps it: one ObjectMapper is now shared by every thread)',
    preferred: false,
  },
  'await-in-loop/python-users': { title: 'Run the iterations together with asyncio.gather (check the order of side effects)', preferred: false },
};

async function findingsOf(text: string, file: string, rule: string): Promise<Finding[]> {
  const grammar = grammarForPath(file)!;
  const { findings, failures } = await analyzeSource(text, grammar.id, new AnalysisConfig({ rules: {}, ioCalls: [], only: [rule] }));
  assert.deepEqual(failures, []);
  return findings;
}

/** The quick fixes of the findings of `rule` in the text (a loop with two awaits has two findings and one fix). */
async function fixesOf(text: string, file: string, rule: string): Promise<Array<QuickFix | undefined>> {
  const findings = await findingsOf(text, file, rule);
  assert.ok(findings.length > 0, `a ${rule} finding in ${file}`);
  const grammar = grammarForPath(file)!;
  const tree = (await parserFor(grammar.id)).parse(text)!;
  try {
    return findings.map((f) => quickFix(tree, grammar.id, text, f));
  } finally {
    tree.delete();
  }
}

async function parseErrors(text: string, file: string): Promise<string[]> {
  const tree = (await parserFor(grammarForPath(file)!.id)).parse(text)!;
  try {
    return tree.rootNode.descendantsOfType(['ERROR']).map((n) => `ERROR at ${n!.startPosition.row + 1}:${n!.startPosition.column + 1}`).concat(tree.rootNode.hasError ? ['the tree has errors'] : []);
  } finally {
    tree.delete();
  }
}

const rules = fs.readdirSync(fixesDir).sort();

for (const rule of rules) {
  const dir = path.join(fixesDir, rule);
  const files = fs.readdirSync(dir).sort();
  describe(`quick fixes of ${rule}`, () => {
    for (const before of files.filter((f) => f.includes('.before.'))) {
      const name = before.slice(0, before.indexOf('.before.'));
      const after = before.replace('.before.', '.after.');
      it(`turns ${before} into ${after}`, async () => {
        const text = fs.readFileSync(path.join(dir, before), 'utf8');
        const expected = fs.readFileSync(path.join(dir, after), 'utf8');
        assert.deepEqual(await parseErrors(text, before), [], `${before} parses`);
        const fixes = await fixesOf(text, before, rule);
        const fix = fixes[0];
        assert.ok(fix, `a quick fix for the finding in ${before}`);
        assert.ok(fixes.every((f) => f && f.title === fix.title && applyEdits(text, f.edits) === applyEdits(text, fix.edits)), 'every finding of the loop gets the same fix');
        const fixed = applyEdits(text, fix.edits);
        assert.equal(fixed, expected);
        assert.deepEqual(await parseErrors(fixed, before), [], 'the fixed file parses without errors');
        assert.deepEqual((await findingsOf(fixed, before, rule)).map((f) => f.message), [], 'the finding is gone on rescan');
        const titled = EXPECTED_TITLES[`${rule}/${name}`];
        if (titled) assert.deepEqual({ title: fix.title, preferred: fix.preferred }, titled);
        assert.equal(fix.preferred, !/\(check [^)]+\)$/.test(fix.title), 'only fixes that say what to check are not preferred');
      });
    }
    for (const nofix of files.filter((f) => f.includes('.nofix.'))) {
      it(`offers no quick fix in ${nofix}`, async () => {
        const text = fs.readFileSync(path.join(dir, nofix), 'utf8');
        assert.deepEqual(await fixesOf(text, nofix, rule), [undefined]);
      });
    }
  });
}

describe('quick-fix fixtures', () => {
  it('cover every language of every fix, before and after', () => {
    for (const rule of rules) {
      const files = fs.readdirSync(path.join(fixesDir, rule));
      for (const f of files.filter((f) => f.includes('.before.'))) assert.ok(files.includes(f.replace('.before.', '.after.')), `${rule}/${f} has its .after file`);
    }
    const covered = (rule: string) => new Set(fs.readdirSync(path.join(fixesDir, rule)).filter((f) => f.includes('.before.')).map((f) => grammarForPath(f)?.language));
    assert.deepEqual([...covered('regex-compiled-in-loop')].sort(), ['go', 'java', 'javascript', 'python', 'typescript']);
    assert.deepEqual([...covered('string-concat-in-loop')].sort(), ['go', 'java', 'python']);
    assert.deepEqual([...covered('linear-search-in-loop')].sort(), ['java', 'javascript', 'python', 'typescript']);
    assert.deepEqual([...covered('await-in-loop')].sort(), ['javascript', 'python', 'typescript']);
    assert.deepEqual([...covered('slice-append-without-capacity')].sort(), ['go']);
    assert.deepEqual([...covered('expensive-object-in-loop')].sort(), ['java']);
  });
});

describe('quick-fix metadata', () => {
  it('describes a quick fix in exactly the rules that have one, for docs and hovers', () => {
    for (const { meta } of RULES) {
      const titled = Object.keys(quickFixTitles(meta.id));
      assert.equal(meta.quickFix !== undefined, titled.length > 0, `${meta.id}: quickFix metadata and fixes/index.ts agree`);
      assert.deepEqual(titled.filter((l) => !meta.languages.includes(l as never)), [], `${meta.id}: fixes only for its languages`);
    }
  });
});
