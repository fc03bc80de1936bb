/**
 * `hotpath scan --sarif-in` and `--format sarif` as a user runs them: the bundled CLI on a folder
 * linted by ESLint with its SARIF formatter. The same problem reported by both becomes one line
 * that names both; the SARIF Hotpath writes passes the schema and the SARIF Multitool; its
 * fingerprints do not move when lines are inserted above; measured heat reaches ESLint's results.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as sarif from 'sarif';
import { examplesDir } from '../helpers/paths';
import { sarifFixturesDir, schemaErrors } from '../helpers/sarif-fixtures';
import { eslintSarif, multitoolProblems } from '../helpers/sarif-tools';
import { cliPath as cli, runCli } from '../helpers/run-cli';


const hotpath = runCli;

describe('hotpath scan with SARIF in and out', () => {
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(cli), `${cli} is missing: run "npm run build" first`);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-cli-sarif-')));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.copyFileSync(path.join(sarifFixturesDir, 'real', 'loop.js'), path.join(dir, 'src', 'loop.js'));
    fs.writeFileSync(path.join(dir, 'eslint.sarif'), eslintSarif(dir, ['src'], ['no-await-in-loop: error']));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one line for the await ESLint and Hotpath both flag, naming both, and ESLint’s own line for the other', () => {
    // await-in-loop is off by default: the scan asks for it by name.
    const { code, stdout, stderr } = hotpath(['scan', 'src', '--sarif-in', 'eslint.sarif', '--rule', 'await-in-loop'], dir);
    assert.equal(code, 1, 'ESLint called them errors, and --fail-on defaults to error');
    const lines = stdout.trim().split('\n');
    assert.ok(
      lines.includes(
        'src/loop.js:5:16: error await-in-loop: `await fetch(url)` runs once per item of `urls` (`for…of` loop at line 4): each iteration waits for the previous one (also reported by ESLint no-await-in-loop)',
      ),
      stdout,
    );
    assert.ok(lines.includes('src/loop.js:13:14: error ESLint/no-await-in-loop: Unexpected `await` inside a loop.'), stdout);
    assert.equal(lines.filter((l) => l.startsWith('src/loop.js:5:16:')).length, 1, 'the shared problem is printed once');
    assert.match(stderr, /^hotpath: eslint\.sarif: 2 results from ESLint in 1 file; hidden: 1 suppressed in the log$/m);
  });

  it('names the tool of imported findings in JSON', () => {
    const { stdout } = hotpath(['scan', 'src', '--sarif-in', 'eslint.sarif', '--rule', 'await-in-loop', '--format', 'json', '--fail-on', 'never'], dir);
    const eslint = JSON.parse(stdout).findings.filter((f: { tool?: string }) => f.tool === 'ESLint');
    assert.deepEqual(eslint, [
      { ruleId: 'no-await-in-loop', severity: 'error', file: 'src/loop.js', line: 13, column: 14, endLine: 13, endColumn: 32, message: 'Unexpected `await` inside a loop.', tool: 'ESLint' },
    ]);
  });

  it('writes SARIF that the schema and the SARIF Multitool accept, with ESLint’s results in a run of their own', () => {
    const { stdout } = hotpath(['scan', 'src', '--sarif-in', 'eslint.sarif', '--format', 'sarif', '--fail-on', 'never'], dir);
    const log = JSON.parse(stdout) as sarif.Log;
    assert.deepEqual(schemaErrors(log), []);
    assert.deepEqual(log.runs.map((r) => r.tool.driver.name), ['Hotpath', 'ESLint']);
    assert.equal(log.runs[1].tool.driver.version, JSON.parse(fs.readFileSync(path.join(dir, 'eslint.sarif'), 'utf8')).runs[0].tool.driver.version);
    assert.deepEqual(log.runs[1].conversion?.analysisToolLogFiles, [{ uri: 'eslint.sarif', uriBaseId: 'SRCROOT' }]);
    const file = path.join(dir, 'out.sarif');
    fs.writeFileSync(file, stdout);
    assert.deepEqual(multitoolProblems(file), []);
  });

  it('keeps every fingerprint when lines are inserted above', () => {
    const fingerprints = () => {
      // await-in-loop, off by default, is asked for by name beside the rule it shares the lines with.
      const log = JSON.parse(hotpath(['scan', 'src', '--format', 'sarif', '--rule', 'await-in-loop', '--rule', 'n-plus-one-query'], dir).stdout) as sarif.Log;
      return (log.runs[0].results ?? []).map((r) => ({ line: r.locations?.[0].physicalLocation?.region?.startLine ?? 0, print: r.partialFingerprints?.['hotpath/v1'] }));
    };
    const before = fingerprints();
    const file = path.join(dir, 'src', 'loop.js');
    const text = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, `'use strict';\n\n// Three lines were added here.\n${text}`);
      const after = fingerprints();
      assert.ok(before.length >= 4);
      assert.deepEqual(after.map((r) => r.line), before.map((r) => r.line + 3));
      assert.deepEqual(after.map((r) => r.print), before.map((r) => r.print));
    } finally {
      fs.writeFileSync(file, text);
    }
  });

  it('refuses a log it cannot read with exit status 2 and a message naming it', () => {
    for (const [name, message] of [
      ['not-json.sarif', /^hotpath: not-json\.sarif: not a SARIF log: the content is not JSON/],
      ['truncated.sarif', /^hotpath: truncated\.sarif: the JSON ends early, so the log looks truncated/],
      ['version-1.0.sarif', /^hotpath: version-1\.0\.sarif: the log is SARIF 1\.0\.0; Hotpath reads SARIF 2\.1\.0 — upgrade it with `npx @microsoft\/sarif-multitool rewrite/],
    ] as const) {
      fs.copyFileSync(path.join(sarifFixturesDir, name), path.join(dir, name));
      const { code, stderr } = hotpath(['scan', 'src', '--sarif-in', name], dir);
      assert.equal(code, 2, name);
      assert.match(stderr, message);
    }
    const missing = hotpath(['scan', 'src', '--sarif-in', 'nowhere.sarif'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^hotpath: nowhere\.sarif: no such file$/m);
  });

  it('says how many results it left out because their files are outside the folder', () => {
    fs.writeFileSync(
      path.join(dir, 'escape.sarif'),
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'Escape' } }, results: ['file:///etc/passwd', '../../x'].map((uri) => ({ message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] })) }],
      }),
    );
    const { code, stderr } = hotpath(['scan', 'src', '--sarif-in', 'escape.sarif', '--fail-on', 'never'], dir);
    assert.equal(code, 0);
    assert.match(stderr, /^hotpath: escape\.sarif: left out 2 results in files outside the workspace \(file:\/\/\/etc\/passwd, \.\.\/\.\.\/x\); they were not opened$/m);
  });
});

describe('hotpath scan --sarif-in --profile', () => {
  let dir: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-cli-sarif-heat-')));
    fs.cpSync(examplesDir, dir, { recursive: true });
    // ESLint flags the loop in loadCustomers, the function the recorded profile shows hot.
    const rule = 'no-restricted-syntax: [warn, {selector: "ForOfStatement", message: "for…of over a query result"}]';
    fs.writeFileSync(path.join(dir, 'eslint.sarif'), eslintSarif(dir, ['javascript/report.js'], [rule]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('raises ESLint’s result in the hot function with the measured share, and records the evidence in SARIF', () => {
    const { stdout } = hotpath(['scan', 'javascript/report.js', '--sarif-in', 'eslint.sarif', '--profile', 'profiles/report.cpuprofile', '--format', 'sarif', '--fail-on', 'never'], dir);
    const log = JSON.parse(stdout) as sarif.Log;
    assert.deepEqual(schemaErrors(log), []);
    const eslint = log.runs.find((r) => r.tool.driver.name === 'ESLint')?.results ?? [];
    assert.equal(eslint.length, 1);
    const [loop] = eslint;
    assert.equal(loop.locations?.[0].physicalLocation?.region?.startLine, 6);
    assert.match(loop.message.text ?? '', /^for…of over a query result — this function took \d+\.\d% of CPU time in report\.cpuprofile$/);
    assert.equal(loop.level, 'warning');
    const heat = loop.properties?.heat as { totalPercent: number; profile: string; unit: string; sampleType: string };
    assert.equal(heat.profile, 'report.cpuprofile');
    assert.equal(heat.unit, 'nanoseconds');
    assert.ok(heat.totalPercent >= 5, `loadCustomers took ${heat.totalPercent}%`);
    const ours = log.runs[0].results?.find((r) => r.ruleId === 'n-plus-one-query');
    assert.deepEqual(ours?.properties?.heat, heat, 'the N+1 in the same function carries the same evidence');
  });
});
