/**
 * Logs written by real tools, produced here: ESLint with @microsoft/eslint-formatter-sarif
 * (absolute file URIs, suppressed results), oxlint (relative URIs, columns in code points, rule
 * ids such as `eslint(no-await-in-loop)`), Biome (absolute paths without a scheme) and the SARIF
 * Multitool (messages as ids with arguments, levels from rule defaults; its `rewrite` upgrades a
 * SARIF 1.0 log). Each is imported and merged with Hotpath's own findings of the same file, and
 * every log Hotpath exports passes the Multitool's validation.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeSource } from '../../../server/src/analyze';
import type { Finding } from '../../../server/src/findings';
import { AnalysisConfig } from '../../../server/src/rules/config';
import { toSarif } from '../../../server/src/sarif/export';
import { importSarif } from '../../../server/src/sarif/import';
import { mergeExternal } from '../../../server/src/sarif/merge-external';
import { diskText, placeResults } from '../../../server/src/sarif/place';
import { parseSarifBytes } from '../../../server/src/sarif/read-log';
import { sarifFixturesDir, seen } from '../../helpers/sarif-fixtures';
import { biomeSarif, eslintSarif, multitool, multitoolProblems, oxlintSarif } from '../../helpers/sarif-tools';

const LOOP_JS = fs.readFileSync(path.join(sarifFixturesDir, 'real', 'loop.js'), 'utf8');
/** The three awaits of loop.js: in fetchAll (independent), in follow (each depends on the last), in warmUp (suppressed for ESLint). */
const FETCH_ALL = '5:16';
const FOLLOW = '13:14';
const WARM_UP = '21:5';

describe('SARIF logs of real tools', () => {
  let dir: string;
  let file: string;
  let ours: Finding[];

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-sarif-tools-')));
    file = path.join(dir, 'src', 'loop.js');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, LOOP_JS);
    // await-in-loop is off by default; these tools' findings are the ones it shares.
    ours = (await analyzeSource(LOOP_JS, 'javascript', new AnalysisConfig({ rules: { 'await-in-loop': 'info' }, ioCalls: [] }))).findings;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Imports a log's text against the temporary workspace. */
  async function load(name: string, text: string) {
    const imported = importSarif(name, parseSarifBytes(name, Buffer.from(text)), { roots: [dir] });
    return { imported, findings: await placeResults(imported.results, diskText(1024 * 1024)) };
  }

  const starts = (findings: Map<string, Finding[]>) => seen(findings, dir).map((f) => `${f.at.split('-')[0]} ${f.rule}`);

  it('ESLint: finds its results at the exact places, hides the one an eslint-disable comment suppressed, and merges the equivalent one', async () => {
    const { imported, findings } = await load('eslint.sarif', eslintSarif(dir, ['src'], ['no-await-in-loop: error']));
    assert.deepEqual(imported.tools, ['ESLint']);
    assert.equal(imported.hidden.suppressed, 1, 'the await in warmUp is suppressed by its comment');
    assert.deepEqual(starts(findings), [`${FETCH_ALL} ESLint no-await-in-loop`, `${FOLLOW} ESLint no-await-in-loop`]);
    const [first] = findings.get(file) ?? [];
    assert.equal(first.message, 'Unexpected `await` inside a loop.');
    assert.deepEqual(first.source, { tool: 'ESLint', description: 'Disallow `await` inside of loops', helpUri: 'https://eslint.org/docs/latest/rules/no-await-in-loop' });
    assert.deepEqual(first.function, { name: 'fetchAll', line: 1 });

    const merged = mergeExternal(ours, findings.get(file) ?? []);
    const fetchAll = merged.find((f) => f.ruleId === 'await-in-loop' && f.range.start.line === 4);
    assert.ok(fetchAll, 'Hotpath flags the await in fetchAll');
    assert.match(fetchAll.message, /\(also reported by ESLint no-await-in-loop\)$/);
    assert.equal(fetchAll.severity, 'error', 'ESLint was told it is an error');
    assert.ok(
      merged.some((f) => f.source?.tool === 'ESLint' && f.range.start.line === 12),
      'the dependent await in follow, which Hotpath leaves alone, stays as ESLint reported it',
    );
  });

  it('oxlint: resolves its relative URIs, converts its code point columns, and merges its eslint(no-await-in-loop)', async () => {
    const { imported, findings } = await load('oxlint.sarif', oxlintSarif(dir, ['src'], ['no-await-in-loop']));
    assert.deepEqual(imported.tools, ['oxlint']);
    assert.deepEqual(starts(findings), [`${FETCH_ALL} oxlint eslint(no-await-in-loop)`, `${FOLLOW} oxlint eslint(no-await-in-loop)`]);
    const merged = mergeExternal(ours, findings.get(file) ?? []);
    assert.match(merged.find((f) => f.ruleId === 'await-in-loop' && f.range.start.line === 4)?.message ?? '', /\(also reported by oxlint eslint\(no-await-in-loop\)\)$/);
  });

  it('Biome: reads its absolute paths without a scheme, and merges its noAwaitInLoops, also where ESLint was silenced', async () => {
    const { imported, findings } = await load('biome.sarif', biomeSarif(dir, ['src'], 'performance/noAwaitInLoops'));
    assert.deepEqual(imported.tools, ['Biome']);
    assert.deepEqual(starts(findings), [FETCH_ALL, FOLLOW, WARM_UP].map((at) => `${at} Biome lint/performance/noAwaitInLoops`));
    const merged = mergeExternal(ours, findings.get(file) ?? []);
    const named = merged.filter((f) => f.message.endsWith('(also reported by Biome lint/performance/noAwaitInLoops)'));
    assert.deepEqual(
      named.map((f) => f.range.start.line + 1),
      [5, 21],
    );
  });

  it('SARIF Multitool: fills its message templates, takes levels from its rules, and finds the place in the validated file', async () => {
    const flawed = path.join(dir, 'flawed.sarif');
    fs.writeFileSync(flawed, '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/loop.js"},"region":{"startLine":0}}}]}]}]}');
    const out = path.join(dir, 'validation.sarif');
    multitool(['validate', flawed, '--output', out, '--log', 'ForceOverwrite'], dir);
    const { imported, findings } = await load('validation.sarif', fs.readFileSync(out, 'utf8'));
    assert.deepEqual(imported.tools, ['Sarif.Multitool']);
    const problems = (findings.get(flawed) ?? []).map((f) => `${f.severity} ${f.ruleId}: ${f.message}`);
    assert.ok(
      problems.some((p) => p.startsWith('error SARIF1010: ') && p.includes('runs[0].results[0]') && p.includes('ruleId')),
      `the missing rule id is an error whose message names the result:\n${problems.join('\n')}`,
    );
    assert.ok(problems.some((p) => /^error JSON1008: .*startLine.*0/.test(p)), `the line 0 is named:\n${problems.join('\n')}`);
    assert.ok(!problems.some((p) => p.includes('{0}')), 'every placeholder is filled');
  });

  it('SARIF Multitool: upgrades a SARIF 1.0 log as Hotpath’s refusal advises, and the result imports', async () => {
    fs.copyFileSync(path.join(sarifFixturesDir, 'version-1.0.sarif'), path.join(dir, 'old.sarif'));
    fs.writeFileSync(path.join(dir, 'src', 'app.js'), fs.readFileSync(path.join(sarifFixturesDir, 'workspace', 'src', 'app.js')));
    multitool(['rewrite', 'old.sarif', '--sarif-output-version', 'Current', '--output', 'new.sarif', '--log', 'ForceOverwrite'], dir);
    const { findings } = await load('new.sarif', fs.readFileSync(path.join(dir, 'new.sarif'), 'utf8'));
    assert.deepEqual(seen(findings, dir), [{ file: 'src/app.js', at: `4:16-4:${2 ** 31}`, severity: 'warning', rule: 'OldTool O1', message: 'An old-style result.' }]);
  });

  it('SARIF Multitool: finds no error or warning in the logs Hotpath exports, with imported results and heat', async () => {
    const eslint = await load('eslint.sarif', eslintSarif(dir, ['src'], ['no-await-in-loop: error', 'no-undef: warn']));
    const heat = { selfPercent: 3.1, totalPercent: 41.7, profile: 'loop.cpuprofile', unit: 'nanoseconds', sampleType: 'cpu', sampleCount: 512 };
    const findings = mergeExternal(ours, eslint.findings.get(file) ?? []).map((f) => (f.function?.name === 'fetchAll' ? { ...f, heat } : f));
    const log = toSarif({
      results: [{ file, findings, text: LOOP_JS }],
      root: dir,
      toolVersion: '0.1.0',
      commandLine: 'hotpath scan src',
      importedLogs: [path.join(dir, 'eslint.sarif')],
      importedTools: eslint.imported.toolDescriptions,
    });
    assert.equal(log.runs.length, 2, 'a Hotpath run and an ESLint run');
    const exported = path.join(dir, 'hotpath.sarif');
    fs.writeFileSync(exported, JSON.stringify(log, null, 2));
    assert.deepEqual(multitoolProblems(exported), []);
  });
});
