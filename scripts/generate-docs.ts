/**
 * Writes the generated documentation: docs/rules/*.md, the rule table in README.md and the
 * `hotpath.rules` schema in package.json. Run with `npm run docs`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/rules';
import { readmeWithRules, rulePage, rulesIndex, rulesSettingSchema } from './rule-docs';

const root = path.resolve(__dirname, '..', '..');
const docs = path.join(root, 'docs', 'rules');

fs.mkdirSync(docs, { recursive: true });
for (const file of fs.readdirSync(docs)) if (file.endsWith('.md')) fs.rmSync(path.join(docs, file));
for (const { meta } of RULES) fs.writeFileSync(path.join(docs, `${meta.id}.md`), rulePage(meta));
fs.writeFileSync(path.join(docs, 'README.md'), rulesIndex());

const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, readmeWithRules(fs.readFileSync(readme, 'utf8')));

const manifestPath = path.join(root, 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
manifest.contributes.configuration.properties['hotpath.rules'].properties = rulesSettingSchema();
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${RULES.length} rule pages, docs/rules/README.md, the README rule table and the hotpath.rules schema.`);
