/**
 * Every fixture under test/fixtures/rules/<rule-id>/ must produce exactly the findings its
 * annotations describe: no more, no fewer, at the same ranges, with the same messages.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSource } from '../../server/src/analyze';
import { AnalysisConfig } from '../../server/src/rules/config';
import { RULES } from '../../server/src/rules';
import { grammarForPath } from '../../server/src/syntax/languages';
import type { Finding } from '../../server/src/findings';
import { Expected, readFixture } from '../helpers/fixtures';
import { analyzeWorkspace } from '../helpers/workspace-fixture';
import { fixturesDir } from '../helpers/paths';

const rulesDir = path.join(fixturesDir, 'rules');

function show(f: { ruleId: string; startLine: number; startCharacter: number; endLine: number; endCharacter: number }) {
  return `${f.ruleId} ${f.startLine + 1}:${f.startCharacter + 1}-${f.endLine + 1}:${f.endCharacter + 1}`;
}

/** The findings of a file as the annotations write them. */
function located(findings: readonly Finding[]) {
  return findings.map((f) => ({
    ruleId: f.ruleId,
    startLine: f.range.start.line,
    startCharacter: f.range.start.character,
    endLine: f.range.end.line,
    endCharacter: f.range.end.character,
    message: f.message,
  }));
}

function assertMatches(actual: ReturnType<typeof located>, expected: readonly Expected[], file: string): void {
  assert.deepEqual(actual.map(show).sort(), expected.map(show).sort(), `findings in ${file}`);
  for (const e of expected) {
    if (e.message === undefined) continue;
    const match = actual.find((a) => show(a) === show(e));
    assert.equal(match?.message, e.message, `message of ${show(e)} in ${file}`);
  }
}

// A workspace rule's fixtures are folders, one per language, analyzed as one workspace each.
for (const rule of RULES.filter((r) => 'workspace' in r)) {
  const dir = path.join(rulesDir, rule.meta.id);
  const languages = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  describe(`rule ${rule.meta.id}`, () => {
    it('has a fixture workspace for every language it covers', () => {
      assert.deepEqual(rule.meta.languages.filter((l) => !languages.includes(l)), []);
    });
    for (const language of languages) {
      it(`matches the annotations in the ${language} workspace`, async () => {
        const config = new AnalysisConfig({ rules: {}, ioCalls: [], only: [rule.meta.id] });
        const { findings, failures } = await analyzeWorkspace(path.join(dir, language), config);
        assert.deepEqual(failures, []);
        let flagged = 0;
        for (const [file, found] of findings) {
          const { expected } = readFixture(file);
          flagged += expected.length;
          assertMatches(located(found), expected, path.relative(dir, file));
        }
        assert.ok(flagged > 0, `the ${language} workspace flags nothing: every fixture needs flagged cases`);
      });
    }
  });
}

for (const rule of RULES.filter((r) => !('workspace' in r))) {
  const dir = path.join(rulesDir, rule.meta.id);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  describe(`rule ${rule.meta.id}`, () => {
    it('has a fixture for every language it covers', () => {
      const covered = new Set(files.map((f) => grammarForPath(f)?.language));
      assert.deepEqual(rule.meta.languages.filter((l) => !covered.has(l)), []);
    });
    for (const file of files) {
      it(`matches the annotations in ${file}`, async () => {
        const grammar = grammarForPath(file);
        assert.ok(grammar, `no grammar for ${file}`);
        const { text, expected } = readFixture(path.join(dir, file));
        assert.ok(expected.length > 0, `${file} flags nothing: every fixture needs flagged cases`);
        const config = new AnalysisConfig({ rules: {}, ioCalls: [], only: [rule.meta.id] });
        const { findings, failures } = await analyzeSource(text, grammar.id, config);
        assert.deepEqual(failures, []);
        assertMatches(located(findings), expected, file);
      });
    }
  });
}
