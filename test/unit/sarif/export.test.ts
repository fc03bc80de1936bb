/**
 * SARIF export: every log Hotpath writes is valid against the SARIF 2.1.0 schema shipped with the
 * tests, describes each rule in full, places results precisely (1-based, UTF-16), keeps its
 * fingerprints when lines above move, carries measured heat, and reads back into the diagnostics
 * it was written from.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type * as sarif from 'sarif';
import { analyzeSource } from '../../../server/src/analyze';
import { toDiagnostic } from '../../../server/src/diagnostics';
import type { Finding } from '../../../server/src/findings';
import { RULES } from '../../../server/src/rules';
import { AnalysisConfig } from '../../../server/src/rules/config';
import { ExportedFinding, toSarif } from '../../../server/src/sarif/export';
import { importSarif } from '../../../server/src/sarif/import';
import { diskText, placeResults } from '../../../server/src/sarif/place';
import { grammarForPath } from '../../../server/src/syntax/languages';
import { sarifFixturesDir, schemaErrors } from '../../helpers/sarif-fixtures';

const REPORT_JS = `const db = require('./db');

async function loadCustomers(orders) {
  const names = new Map();
  for (const order of orders) {
    const [customer] = await db.query('SELECT name FROM customers WHERE id = ?', [order.customerId]);
    names.set(order.id, customer.name);
  }
  return names;
}

function tag(rows) { const face = '🙂'; for (const row of rows) { const re = new RegExp('^id-'); if (re.test(row)) return face; } }

module.exports = { loadCustomers, tag };
`;

const ORDERS_PY = `def names(session, orders):
    out = {}
    for order in orders:
        out[order.id] = session.query(Customer).get(order.customer_id)
    return out
`;

// await-in-loop is off by default; the workspace turns it on, as the heat test needs its finding.
const config = new AnalysisConfig({ rules: { 'await-in-loop': 'info' }, ioCalls: [] });

async function findingsOf(file: string, text: string): Promise<Finding[]> {
  const grammar = grammarForPath(file);
  assert.ok(grammar, file);
  return (await analyzeSource(text, grammar.id, config)).findings;
}

describe('SARIF export', () => {
  let dir: string;
  const files: Record<string, string> = { 'app/report.js': REPORT_JS, 'app/orders.py': ORDERS_PY };
  let results: Array<{ file: string; findings: ExportedFinding[]; text: string }>;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-sarif-export-')));
    results = [];
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      results.push({ file, findings: await findingsOf(file, text), text });
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const exportLog = (input: Partial<Parameters<typeof toSarif>[0]> = {}) =>
    toSarif({ results, root: dir, toolVersion: '1.2.3', commandLine: 'hotpath scan app', startTime: new Date(0), endTime: new Date(1000), ...input });

  it('ships the schema it validates against unchanged from its package', () => {
    const schema = fs.readFileSync(path.join(sarifFixturesDir, 'schema', 'sarif-schema-2.1.0.json'));
    assert.equal(createHash('sha256').update(schema).digest('hex'), '1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c');
  });

  it('writes a log the SARIF 2.1.0 schema accepts, and the schema rejects a broken one', () => {
    const log = exportLog({ skipped: [{ file: path.join(dir, 'app', 'blob.py'), reason: 'binary content' }] });
    assert.deepEqual(schemaErrors(log), []);
    const broken = structuredClone(log) as sarif.Log;
    (broken.runs[0].results![0].locations![0].physicalLocation!.region as { startLine: number }).startLine = 0;
    assert.notDeepEqual(schemaErrors(broken), [], 'a region starting at line 0 must be rejected, or the validation proves nothing');
  });

  it('describes the tool and every rule from its metadata', () => {
    const { driver } = exportLog().runs[0].tool;
    assert.equal(driver.name, 'Hotpath');
    assert.equal(driver.version, '1.2.3');
    assert.equal(driver.semanticVersion, '1.2.3');
    assert.ok(fs.existsSync(fileURLToPath(driver.informationUri ?? '')), 'informationUri opens the installed rule index');
    assert.deepEqual(driver.rules?.map((r) => r.id), RULES.map((r) => r.meta.id));
    for (const [i, rule] of (driver.rules ?? []).entries()) {
      const { meta } = RULES[i];
      assert.equal(rule.shortDescription?.text, meta.title);
      assert.ok(rule.fullDescription?.text && !rule.fullDescription.text.includes('`'), `${meta.id}: fullDescription.text is plain text`);
      assert.ok(rule.help?.text?.includes('Instead:'), `${meta.id}: help text says what to write instead`);
      const example = Object.values(meta.examples)[0];
      assert.ok(example && rule.help?.markdown?.includes(example.useInstead), `${meta.id}: help markdown shows the rewrite`);
      assert.ok(fs.existsSync(fileURLToPath(rule.helpUri ?? '')), `${meta.id}: helpUri opens the rule's page`);
      assert.equal(rule.defaultConfiguration?.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[meta.severity]);
    }
  });

  it('places results 1-based in UTF-16 code units, relative to SRCROOT', () => {
    const run = exportLog().runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds?.SRCROOT.uri, `${new URL(`file://${dir}`).href}/`);
    const regex = run.results?.find((r) => r.ruleId === 'regex-compiled-in-loop');
    assert.ok(regex, 'the regex in the loop after the emoji is reported');
    const line = REPORT_JS.split('\n')[11];
    const location = regex.locations?.[0].physicalLocation;
    assert.deepEqual(location?.artifactLocation, { uri: 'app/report.js', uriBaseId: 'SRCROOT' });
    // The emoji before the call is two UTF-16 code units: the column counts both.
    assert.deepEqual(location?.region, { startLine: 12, startColumn: line.indexOf('new RegExp') + 1, endLine: 12, endColumn: line.indexOf(';', line.indexOf('new RegExp')) + 1 });
    const nPlusOne = run.results?.find((r) => r.ruleId === 'n-plus-one-query' && r.locations?.[0].physicalLocation?.artifactLocation?.uri === 'app/orders.py');
    assert.deepEqual(nPlusOne?.locations?.[0].physicalLocation?.region, { startLine: 4, startColumn: 25, endLine: 4, endColumn: 48 });
    assert.equal(nPlusOne?.relatedLocations?.[0].physicalLocation?.region?.startLine, 3, 'the loop is a related location');
  });

  it('keeps every fingerprint when lines are inserted above the findings', async () => {
    const fingerprints = (log: sarif.Log) => (log.runs[0].results ?? []).map((r) => `${r.ruleId} ${r.partialFingerprints?.['hotpath/v1']}`).sort();
    const firstLines = (log: sarif.Log) => (log.runs[0].results ?? []).map((r) => r.locations?.[0].physicalLocation?.region?.startLine ?? 0);
    const before = exportLog();
    const moved = await Promise.all(
      results.map(async ({ file, text }) => {
        const shifted = `${file.endsWith('.py') ? '# moved\n# down\n' : '// moved\n// down\n'}\n${text}`;
        return { file, findings: await findingsOf(file, shifted), text: shifted };
      }),
    );
    const after = toSarif({ results: moved, root: dir, toolVersion: '1.2.3' });
    assert.deepEqual(firstLines(after), firstLines(before).map((l) => l + 3), 'the findings moved down three lines');
    assert.deepEqual(fingerprints(after), fingerprints(before));
    assert.equal(new Set(fingerprints(before)).size, fingerprints(before).length, 'no two results share a fingerprint');
  });

  it('carries measured heat in the properties of the results it applies to', () => {
    const heat = { selfPercent: 12.5, totalPercent: 55.2, profile: 'report.cpuprofile', unit: 'nanoseconds', sampleType: 'cpu', sampleCount: 1200 };
    const hot = results.map((r) => ({ ...r, findings: r.findings.map((f) => (f.function?.name === 'loadCustomers' ? { ...f, heat } : f)) }));
    const log = toSarif({ results: hot, root: dir, toolVersion: '1.2.3' });
    assert.deepEqual(schemaErrors(log), []);
    const measured = (log.runs[0].results ?? []).filter((r) => r.properties?.heat);
    assert.ok(measured.length >= 2, 'the N+1 and the await in loadCustomers carry the heat');
    for (const r of measured) assert.deepEqual(r.properties?.heat, heat);
  });

  it('puts imported findings in a run of their own tool, converted by Hotpath', () => {
    const eslint: Finding = {
      ruleId: 'no-console',
      severity: 'warning',
      message: 'Unexpected console statement.',
      range: { start: { line: 4, character: 4 }, end: { line: 4, character: 2 ** 31 - 1 } },
      related: [],
      source: { tool: 'ESLint', description: 'Disallow the use of `console`', helpUri: 'https://eslint.org/docs/latest/rules/no-console' },
    };
    const withEslint = results.map((r, i) => (i === 0 ? { ...r, findings: [...r.findings, eslint] } : r));
    const log = toSarif({ results: withEslint, root: dir, toolVersion: '1.2.3', importedLogs: [path.join(dir, 'eslint.sarif')] });
    assert.deepEqual(schemaErrors(log), []);
    assert.equal(log.runs.length, 2);
    const [, theirs] = log.runs;
    assert.equal(theirs.tool.driver.name, 'ESLint');
    assert.deepEqual(theirs.tool.driver.rules, [{ id: 'no-console', shortDescription: { text: 'Disallow the use of `console`' }, helpUri: 'https://eslint.org/docs/latest/rules/no-console' }]);
    assert.equal(theirs.conversion?.tool.driver.name, 'Hotpath');
    assert.deepEqual(theirs.conversion?.analysisToolLogFiles, [{ uri: 'eslint.sarif', uriBaseId: 'SRCROOT' }]);
    const [result] = theirs.results ?? [];
    assert.deepEqual(result.locations?.[0].physicalLocation?.region, { startLine: 5, startColumn: 5, endLine: 5 }, 'a range to the end of the line has no end column');
    assert.ok(!log.runs[0].results?.some((r) => r.ruleId === 'no-console'), 'the Hotpath run holds only Hotpath findings');
  });

  it('reads back into the very diagnostics it was written from', async () => {
    const log = exportLog();
    const imported = importSarif('hotpath.sarif', JSON.parse(JSON.stringify(log)), { roots: [dir] });
    const placed = await placeResults(imported.results, diskText(1024 * 1024));
    for (const { file, findings } of results) {
      const uri = new URL(`file://${file}`).href;
      const original = findings.map((f) => toDiagnostic(f, uri));
      const again = (placed.get(file) ?? []).map((f) => toDiagnostic(f, uri));
      assert.deepEqual(again, original, path.basename(file));
    }
  });
});
