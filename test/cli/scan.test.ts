/**
 * `hotpath scan` as a user runs it: the bundled CLI in a folder of their code.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, before, after } from 'node:test';
import { cliPath as cli, runCli } from '../helpers/run-cli';


const ORDERS_PY = `def names(session, orders):
    out = {}
    for order in orders:
        out[order.id] = session.query(Customer).get(order.customer_id)
    return out
`;
const FINDING_LINE = 'orders.py:4:25: warning n-plus-one-query: Database query `session.query()` runs once per item of `orders` (`for` loop at line 3)';

const run = runCli;

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

describe('hotpath scan', () => {
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(cli), `${cli} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-cli-'));
    write(dir, {
      'app/orders.py': ORDERS_PY,
      'app/clean.py': 'def total(items):\n    return sum(i.price for i in items)\n',
      'app/generated/orders_copy.py': ORDERS_PY,
      'app/ignored/orders_copy.py': ORDERS_PY,
      'app/.gitignore': 'ignored/\n',
      'app/blob.py': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]),
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one line per finding and a summary, relative to the current folder', () => {
    const { code, stdout } = run(['scan', 'app'], dir);
    assert.equal(code, 0);
    assert.deepEqual(stdout.trim().split('\n'), [
      `app/generated/${FINDING_LINE.replace("orders.py", "orders_copy.py")}`,
      `app/${FINDING_LINE}`,
      '2 findings (2 warning) in 3 files.',
    ]);
  });

  it('respects .gitignore, and --exclude globs', () => {
    const { stdout } = run(['scan', '.', '--exclude', '**/generated/**'], dir);
    assert.deepEqual(stdout.trim().split('\n'), [`app/${FINDING_LINE}`, '1 finding (1 warning) in 2 files.']);
  });

  it('says which files it skipped and why', () => {
    const quiet = run(['scan', 'app'], dir);
    assert.match(quiet.stderr, /skipped 1 file \(--verbose lists them\)/);
    const verbose = run(['scan', 'app', '--verbose'], dir);
    assert.match(verbose.stderr, /skipped app\/blob\.py: binary content \(NUL bytes\)/);
  });

  it('writes JSON findings with 1-based positions', () => {
    const { code, stdout } = run(['scan', 'app/orders.py', '--format', 'json'], dir);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), {
      findings: [
        {
          ruleId: 'n-plus-one-query',
          severity: 'warning',
          file: 'app/orders.py',
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 48,
          message: 'Database query `session.query()` runs once per item of `orders` (`for` loop at line 3)',
        },
      ],
    });
  });

  it('writes a SARIF 2.1.0 log with the rule and the region', () => {
    const { code, stdout } = run(['scan', 'app/orders.py', '--format', 'sarif'], dir);
    assert.equal(code, 0);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'Hotpath');
    const [result] = run0.results;
    assert.equal(result.ruleId, 'n-plus-one-query');
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'n-plus-one-query');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'app/orders.py', uriBaseId: 'SRCROOT' },
      region: { startLine: 4, startColumn: 25, endLine: 4, endColumn: 48 },
    });
    assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 3);
  });

  it('exits 1 when a finding reaches --fail-on, 0 otherwise', () => {
    assert.equal(run(['scan', 'app/orders.py', '--fail-on', 'warning'], dir).code, 1);
    assert.equal(run(['scan', 'app/orders.py', '--fail-on', 'info'], dir).code, 1);
    assert.equal(run(['scan', 'app/orders.py', '--fail-on', 'error'], dir).code, 0);
    assert.equal(run(['scan', 'app/orders.py', '--fail-on', 'never'], dir).code, 0);
    assert.equal(run(['scan', 'app/clean.py', '--fail-on', 'hint'], dir).code, 0);
  });

  it('reports findings in test files as hints, which do not fail --fail-on warning, unless --test-files report', () => {
    const tests = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-cli-tests-'));
    try {
      write(tests, { 'tests/test_orders.py': ORDERS_PY, 'orders_test.py': ORDERS_PY });
      const hinted = run(['scan', '.', '--fail-on', 'warning'], tests);
      assert.equal(hinted.code, 0, hinted.stderr);
      assert.deepEqual(hinted.stdout.trim().split('\n'), [
        FINDING_LINE.replace('orders.py', 'orders_test.py').replace('warning', 'hint'),
        `tests/${FINDING_LINE.replace('orders.py', 'test_orders.py').replace('warning', 'hint')}`,
        '2 findings (2 hint) in 2 files.',
      ]);
      // Scanned from elsewhere, paths start at the folder named: a `test` folder above it is not the project's.
      write(tests, { 'test/checkout/orders.py': ORDERS_PY });
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-cli-cwd-'));
      const outside = run(['scan', path.join(tests, 'test', 'checkout'), '--format', 'json'], elsewhere);
      fs.rmSync(elsewhere, { recursive: true, force: true });
      fs.rmSync(path.join(tests, 'test'), { recursive: true, force: true });
      assert.deepEqual(JSON.parse(outside.stdout).findings.map((f: { severity: string }) => f.severity), ['warning']);
      const reported = run(['scan', '.', '--fail-on', 'warning', '--test-files', 'report'], tests);
      assert.equal(reported.code, 1);
      assert.match(reported.stdout, /2 findings \(2 warning\) in 2 files\./);
    } finally {
      fs.rmSync(tests, { recursive: true, force: true });
    }
  });

  it('runs only the rules named with --rule', () => {
    const { stdout } = run(['scan', 'app/orders.py', '--rule', 'await-in-loop'], dir);
    assert.equal(stdout, 'No findings in 1 file.\n');
  });

  it('exits 2 with a clear message on bad usage or unreadable input', () => {
    const cases: Array<[string[], RegExp]> = [
      [['scan', 'missing.py'], /cannot read "missing.py": no such file or directory/],
      [['scan', 'app/.gitignore'], /"app\/.gitignore" is not a Python, JavaScript, TypeScript, Go or Java source file/],
      [['scan', 'app/blob.py'], /cannot scan "app\/blob.py": binary content/],
      [['scan', '--format', 'xml'], /--format must be text, json or sarif, not "xml"/],
      [['scan', '--fail-on', 'sometimes'], /--fail-on must be one of error, warning, info, hint, never/],
      [['scan', '--rule', 'no-such-rule'], /no rule is named "no-such-rule"/],
      [['scan', '--test-files', 'skip'], /--test-files must be one of hint, report, not "skip"/],
      [['scan', '--colour'], /Unknown option '--colour'/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(args, dir);
      assert.equal(code, 2, `exit status of hotpath ${args.join(' ')}`);
      assert.match(stderr, message);
      assert.equal(stdout, '');
    }
  });

  it('lists its rules', () => {
    const { code, stdout } = run(['rules'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /^n-plus-one-query\s+warning\s+Database or HTTP call inside a loop \(N\+1\)$/m);
  });
});
