/**
 * An open document's findings after edits, computed as the server does (the edited function
 * alone when it can, see edited-analysis.ts), must equal a full analysis of the same tree — for
 * any sequence of edits of the rule fixtures of every language.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeEdited } from '../../server/src/documents/edited-analysis';
import { OpenDocuments } from '../../server/src/documents/open-documents';
import { AnalysisConfig } from '../../server/src/rules/config';
import { analyzeTree } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/index';
import { grammarForPath, GrammarInfo, LanguageId } from '../../server/src/syntax/languages';
import { fixturesDir } from '../helpers/paths';

/** Every rule at its own severity, those off by default included: each is named. */
const ALL_RULES = new AnalysisConfig({ rules: {}, ioCalls: [], only: RULES.map((r) => r.meta.id) });

interface Fixture {
  name: string;
  grammar: GrammarInfo;
  text: string;
}

function fixtures(language: LanguageId): Fixture[] {
  const root = path.join(fixturesDir, 'rules');
  const found: Fixture[] = [];
  for (const rule of fs.readdirSync(root).sort()) {
    for (const file of fs.readdirSync(path.join(root, rule)).sort()) {
      const grammar = grammarForPath(file);
      if (grammar?.language === language) found.push({ name: `${rule}/${file}`, grammar, text: fs.readFileSync(path.join(root, rule, file), 'utf8') });
    }
  }
  return found;
}

/**
 * Text that edits insert: words that open loops and async code, calls rules look for, names of
 * modules that make calls blocking, brackets that break and mend the syntax, and now and then a
 * line break (which makes the next analysis a full one).
 */
const fragment = fc.constantFrom(
  'x', 'i', ' ', '(', ')', '{', '}', ':', ';', ',', '"', '.', '+=', ' + s', 'é',
  'for ', 'while ', 'async ', 'await ', '.map(x => x)', '.forEach(', 'in items', '.includes(x)', '.contains(x)',
  'requests.get(u)', 'fetch(u)', 'db.query(q)', 're.compile("a")', 'new RegExp("a")', 'Pattern.compile("a")',
  'regexp.MustCompile("a")', 'time.sleep(1)', 'fs.readFileSync(p)', 'import fs', 'time', 'fs', '\n',
);

/** `at` is taken modulo the text's length, so that edits fall anywhere in a file of any length. */
const edit = fc.record({
  at: fc.nat(),
  length: fc.nat({ max: 6 }),
  text: fc.array(fragment, { maxLength: 3 }).map((parts) => parts.join('')),
});

const LANGUAGES: LanguageId[] = ['python', 'javascript', 'typescript', 'go', 'java'];

for (const language of LANGUAGES) {
  test(`findings after edits equal a full analysis, ${language} fixtures`, async () => {
    const files = fixtures(language);
    assert.ok(files.length > 0, `no ${language} fixture`);
    const config = ALL_RULES;
    let analyses = 0;
    let partial = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 10 }), async (fixture, edits) => {
        const docs = new OpenDocuments(() => undefined);
        const doc = docs.open(`untitled:${fixture.name}`, fixture.grammar.editorIds[0], 1, fixture.text);
        try {
          let version = 1;
          for (const e of edits) {
            const text = doc.document.getText();
            const start = e.at % (text.length + 1);
            const end = Math.min(start + e.length, text.length);
            docs.change(doc.uri, ++version, [{ range: { start: doc.document.positionAt(start), end: doc.document.positionAt(end) }, text: e.text }]);
            // Analyze after most edits only, so that several edits pile up before an analysis too.
            if (e.length === 5) continue;
            const tree = await docs.tree(doc);
            assert.ok(tree);
            const edited = analyzeEdited(tree, fixture.grammar.id, config, doc.document.lineCount, docs.takeChanges(doc), doc.lastAnalysis);
            doc.lastAnalysis = edited.last;
            analyses++;
            if (edited.scope) partial++;
            // Against a full analysis of the same tree: tree-sitter's error recovery may build a
            // fresh parse of broken text differently, which is no concern of the analysis.
            const full = analyzeTree(tree, fixture.grammar.id, config);
            assert.deepEqual({ findings: edited.analysis.findings, failures: edited.analysis.failures }, { findings: full.findings, failures: full.failures });
          }
        } finally {
          docs.dispose();
        }
      }),
      { numRuns: 60, seed: 20261125 },
    );
    // The property says nothing if every analysis was a full one.
    assert.ok(partial >= analyses / 6, `only ${partial} of ${analyses} analyses were of one function`);
  });
}

test('typing inside a top-level TypeScript interface analyzes the interface alone, with the findings of a full analysis', async () => {
  const fixture = fixtures('typescript').find((f) => f.name === 'await-in-loop/typescript.ts');
  assert.ok(fixture, 'no await-in-loop TypeScript fixture');
  const config = ALL_RULES;
  const docs = new OpenDocuments(() => undefined);
  const doc = docs.open('untitled:interface.ts', fixture.grammar.editorIds[0], 1, fixture.text);
  try {
    let tree = await docs.tree(doc);
    assert.ok(tree);
    doc.lastAnalysis = analyzeEdited(tree, fixture.grammar.id, config, doc.document.lineCount, docs.takeChanges(doc), undefined).last;
    const before = doc.lastAnalysis?.findings.length ?? 0;
    assert.ok(before > 0, 'the fixture has findings after its interface');
    // After `id: string;`, typed one character at a time: broken syntax on the way, mended at the end.
    const at = doc.document.positionAt(fixture.text.indexOf('id: string;') + 'id: string;'.length);
    const typed = ' total = lookup(key, 0); x: () => void;';
    let version = 1;
    let partial = 0;
    for (let i = 0; i < typed.length; i++) {
      const position = { line: at.line, character: at.character + i };
      docs.change(doc.uri, ++version, [{ range: { start: position, end: position }, text: typed[i] }]);
      tree = await docs.tree(doc);
      assert.ok(tree);
      const edited = analyzeEdited(tree, fixture.grammar.id, config, doc.document.lineCount, docs.takeChanges(doc), doc.lastAnalysis);
      doc.lastAnalysis = edited.last;
      if (edited.scope) partial++;
      const full = analyzeTree(tree, fixture.grammar.id, config);
      assert.deepEqual(edited.analysis.findings, full.findings, `after typing ${JSON.stringify(typed.slice(0, i + 1))}`);
    }
    assert.equal(doc.lastAnalysis?.findings.length, before);
    assert.equal(partial, typed.length, 'every keystroke was analyzed in the interface alone');
  } finally {
    docs.dispose();
  }
});
