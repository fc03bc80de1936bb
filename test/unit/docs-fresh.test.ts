/**
 * The generated documentation must match the rules' metadata: run `npm run docs` after changing
 * a rule.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/rules';
import { readmeWithRules, rulePage, rulesIndex, rulesSettingSchema } from '../../scripts/rule-docs';
import { repoRoot } from '../helpers/paths';

const STALE = 'stale: run `npm run docs`';

test('every rule page in docs/rules matches its rule', () => {
  const dir = path.join(repoRoot, 'docs', 'rules');
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  assert.deepEqual(pages, RULES.map((r) => `${r.meta.id}.md`).sort(), STALE);
  for (const { meta } of RULES) {
    assert.equal(fs.readFileSync(path.join(dir, `${meta.id}.md`), 'utf8'), rulePage(meta), `docs/rules/${meta.id}.md is ${STALE}`);
  }
  assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), rulesIndex(), `docs/rules/README.md is ${STALE}`);
});

test('the README rule table and the hotpath.rules schema list every rule', () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  assert.equal(readme, readmeWithRules(readme), `the README rule table is ${STALE}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.configuration.properties['hotpath.rules'].properties, rulesSettingSchema(), `package.json is ${STALE}`);
});

test('every rule has complete metadata', () => {
  for (const { meta } of RULES) {
    for (const field of ['title', 'why', 'fix'] as const) assert.ok(meta[field].trim().length > 0, `${meta.id} has no ${field}`);
    for (const language of meta.languages) assert.ok(meta.examples[language], `${meta.id} has no ${language} example`);
    assert.ok(meta.references.length > 0, `${meta.id} has no references`);
    assert.match(meta.id, /^[a-z]+(-[a-z0-9]+)*$/, `${meta.id} is not kebab-case`);
  }
});
