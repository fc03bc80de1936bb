/**
 * `hotpath ask` as a user runs it: the bundled CLI on the examples with their real profiles.
 * The top hotspot it names is the one `hotpath profile --format json` reports, whose V8 importer
 * is checked against Chrome DevTools.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Answer } from '../../server/src/console/answer';
import { examplesDir, repoRoot } from '../helpers/paths';
import { cliPath as cli, runCli } from '../helpers/run-cli';

const REPORT = 'examples/profiles/report.cpuprofile';

const run = runCli;

function answer(args: string[], cwd = repoRoot): Answer {
  const { code, stdout, stderr } = run([...args, '--format', 'json'], cwd);
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as Answer;
}

describe('hotpath ask', () => {
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(cli), `${cli} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-ask-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names as top hotspot the function `hotpath profile` lists first', () => {
    const { stdout } = run(['profile', REPORT, '--root', 'examples', '--format', 'json']);
    const [top] = (JSON.parse(stdout) as { functions: Array<{ name: string; file: string; line: number }> }).functions;
    const got = answer(['ask', 'top 5 hotspots', '--profile', REPORT, '--root', 'examples']);
    assert.equal(got.intent, 'hotspots');
    assert.ok(got.markdown.includes(`1. \`${top.name}\` ([${top.file.replace(/^examples\//, '')}:${top.line}](`), got.markdown);
    assert.equal(got.links[0].label, `${top.file.replace(/^examples\//, '')}:${top.line}`);
  });

  it('prints the answer for a terminal: links as file:line, then what to ask next', () => {
    const { code, stdout } = run(['ask', 'why', 'is', 'loadCustomers', 'slow?', '--profile', 'profiles/report.cpuprofile'], examplesDir);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.ok(lines.includes('`loadCustomers` (javascript/report.js:4) took 55.2% of CPU time in report.cpuprofile (703 ms) with what it calls, and 17.2% (219 ms) in its own code.'), stdout);
    assert.ok(lines.includes('Ask next:'), stdout);
    assert.ok(lines.includes('  hotpath ask "how do I fix the finding at javascript/report.js:7?"'), stdout);
    assert.ok(!stdout.includes('file://'), 'no URIs in terminal text');
  });

  it('answers about "this" at the place --at names', () => {
    const got = answer(['ask', 'how do I fix this?', '--at', 'examples/python/shop/orders.py:28', '--root', 'examples']);
    assert.equal(got.intent, 'fixFinding');
    assert.ok(got.markdown.includes('report_parts.append(f"{order.id},{order.total}\\n")'), got.markdown);
    assert.equal(got.links[0].label, 'python/shop/orders.py:28');
  });

  it('compares the active profile with --baseline', () => {
    fs.writeFileSync(path.join(dir, 'app.js'), 'function main() {}\n\nfunction load() {}\n\nfunction parse() {}\n');
    fs.writeFileSync(path.join(dir, 'base.folded'), 'main (app.js:1);load (app.js:3) 10\nmain (app.js:1);parse (app.js:5) 90\n');
    fs.writeFileSync(path.join(dir, 'now.folded'), 'main (app.js:1);load (app.js:3) 40\nmain (app.js:1);parse (app.js:5) 60\n');
    const { code, stdout } = run(['ask', 'what regressed?', '--profile', 'now.folded', '--baseline', 'base.folded'], dir);
    assert.equal(code, 0);
    assert.ok(stdout.split('\n').includes('- `load` (app.js:3): 10.0% → 40.0% (+30.0 points)'), stdout);
  });

  it('says what it cannot answer without a profile, and how to give one', () => {
    const { code, stdout } = run(['ask', 'top 5 hotspots', '--root', 'examples']);
    assert.equal(code, 0);
    assert.ok(stdout.startsWith("I can't answer that from the loaded data. No profile is loaded"), stdout);
    assert.ok(stdout.includes('Load a profile: add --profile FILE.'), stdout);
  });

  it('reads other tools\' findings with --sarif-in and explains their rules from the log', () => {
    const log = {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: { driver: { name: 'ESLint', rules: [{ id: 'no-restricted-syntax', shortDescription: { text: 'Disallow specified syntax' }, helpUri: 'https://eslint.org/docs/latest/rules/no-restricted-syntax' }] } },
          results: [{ ruleId: 'no-restricted-syntax', ruleIndex: 0, level: 'warning', message: { text: 'Using `<img>` is not allowed.' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'javascript/report.js' }, region: { startLine: 14, startColumn: 3 } } }] }],
        },
      ],
    };
    fs.writeFileSync(path.join(dir, 'eslint.sarif'), JSON.stringify(log));
    const got = answer(['ask', 'list findings in report.js', '--sarif-in', path.join(dir, 'eslint.sarif')], examplesDir);
    assert.ok(got.markdown.includes('`no-restricted-syntax` (ESLint): Using `<img>` is not allowed.'), got.markdown);
    assert.ok(got.sources.some((s) => s.kind === 'tool' && s.name === 'ESLint'));
    const explained = answer(['ask', 'explain no-restricted-syntax', '--sarif-in', path.join(dir, 'eslint.sarif')], examplesDir);
    assert.ok(explained.markdown.includes('A rule of ESLint, from its SARIF log.'), explained.markdown);
  });

  it('refuses bad usage with exit status 2', () => {
    for (const args of [['ask'], ['ask', 'top', '--format', 'xml'], ['ask', 'fix this', '--at', 'report.js'], ['ask', 'what regressed', '--baseline', REPORT]]) {
      const { code, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^hotpath: /, args.join(' '));
    }
  });
});
