/**
 * `hotpath scan` on code whose N+1 runs through a helper in another file: found whichever order
 * the workers finish the files in, carried into SARIF with the chain's locations, and weighed by
 * a profile like the findings of one file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixturesDir } from '../helpers/paths';
import { runCli } from '../helpers/run-cli';

const RULE = 'n-plus-one-through-call';

const run = runCli;

describe('hotpath scan across files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-cli-cross-'));
    fs.cpSync(path.join(fixturesDir, 'rules', RULE, 'go'), dir, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the calls whose chain reaches a query in another package', () => {
    const { code, stdout } = run(['scan', '.', '--rule', RULE, '--fail-on', 'warning'], dir);
    assert.equal(code, 1);
    assert.deepEqual(stdout.trim().split('\n'), [
      'report/report.go:27:20: warning n-plus-one-through-call: `store.UserName()` runs a database query once per item of `orders` (`for … range` loop at line 26): `Fill()` → `UserName()` (../store/users.go:6) → `db.QueryRow()` (../store/users.go:8)',
      'report/report.go:29:20: warning n-plus-one-through-call: `loadName()` runs a database query once per item of `orders` (`for … range` loop at line 26): `Fill()` → `loadName()` (helpers.go:9) → `UserName()` (../store/users.go:6) → `db.QueryRow()` (../store/users.go:8)',
      'report/report.go:31:7: warning n-plus-one-through-call: `r.total()` runs a database query once per item of `orders` (`for … range` loop at line 26): `Fill()` → `Reporter.total()` (report.go:20) → `r.db.QueryRow()` (report.go:21)',
      '3 findings (3 warning) in 4 files.',
    ]);
  });

  it('names the chain in SARIF related locations, with the helper\'s file', () => {
    const { stdout } = run(['scan', 'report', 'store', '--rule', RULE, '--format', 'sarif'], dir);
    const result = JSON.parse(stdout).runs[0].results.find((r: { message: { text: string } }) => r.message.text.startsWith('`loadName()`'));
    assert.deepEqual(
      result.relatedLocations.map((l: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }) => [
        l.physicalLocation.artifactLocation.uri,
        l.physicalLocation.region.startLine,
        l.message.text,
      ]),
      [
        ['report/report.go', 26, 'repeated by this `for … range` loop over `orders`'],
        ['report/helpers.go', 10, '`loadName()` calls `UserName()`'],
        ['store/users.go', 8, '`UserName()` runs a database query: `db.QueryRow()`'],
      ],
    );
  });
});

describe('hotpath scan across files with a profile', () => {
  let dir: string;
  before(() => {
    // Copied elsewhere: the profile's paths are those of the machine that recorded it.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-cli-cross-profile-'));
    fs.cpSync(path.join(fixturesDir, 'cross-file-profile'), dir, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('raises the finding in the function cProfile measured hot and names its share, and lowers the one in cold code', () => {
    const { code, stdout } = run(['scan', '.', '--rule', RULE, '--profile', 'profile.prof'], dir);
    assert.equal(code, 0);
    assert.deepEqual(stdout.trim().split('\n'), [
      'shop/service.py:8:22: warning n-plus-one-through-call: `repo.get()` runs a database query once per item of `ids` (`for` loop at line 7): `process_user_data()` → `UserRepo.get()` (repo.py:11) → `self.session.query()` (repo.py:12) — this function took 96.7% of time in profile.prof',
      'shop/service.py:14:13: hint n-plus-one-through-call: `repo.get()` runs a database query once per item of `ids[:3]` (list comprehension at line 14): `audit_sample()` → `UserRepo.get()` (repo.py:11) → `self.session.query()` (repo.py:12)',
      '2 findings (1 warning, 1 hint) in 5 files.',
    ]);
  });
});
