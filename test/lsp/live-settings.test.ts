/**
 * Settings changed while the server runs: the server pulls them through workspace/configuration
 * after didChangeConfiguration and re-analyzes the open files at once.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DiagnosticSeverity, MessageType } from 'vscode-languageserver-protocol';
import { LspSession, rangeOf } from '../../scripts/lsp-session';
import {
  assertStillServing,
  findingsOf,
  lspFixture,
  makeWorkspace,
  N_PLUS_ONE,
  ORDERS_MESSAGE,
  ORDERS_PY,
  startScanned,
  tearDown,
} from '../helpers/lsp-harness';

const PROFILES_PY = lspFixture('profiles.py');

describe('settings changed live', () => {
  let session: LspSession;
  let dir: string;
  let orders: string;
  let profiles: string;

  before(async () => {
    dir = makeWorkspace();
    session = await startScanned(dir);
    orders = await session.open(path.join(dir, 'orders.py'), ORDERS_PY);
    profiles = await session.open(path.join(dir, 'profiles.py'), PROFILES_PY);
    await session.waitForDiagnostics(profiles, (p) => p.version === 1);
  });

  after(() => tearDown(session, dir));

  /** Starts each test from the defaults: the planted N+1 shown as a warning. */
  beforeEach(async () => {
    await session.setSettings({ hotpath: {} });
    await session.waitForDiagnostics(orders, (p) => findingsOf(p)[0]?.severity === DiagnosticSeverity.Warning);
    await session.waitForDiagnostics(profiles, (p) => findingsOf(p).length === 0);
  });

  it('removes the findings of a rule turned off, and shows them again when it is back on', async () => {
    await session.setSettings({ hotpath: { rules: { [N_PLUS_ONE]: 'off' } } });
    await session.waitForDiagnostics(orders, (p) => findingsOf(p).length === 0);
    await session.setSettings({ hotpath: { rules: { [N_PLUS_ONE]: 'default' } } });
    const params = await session.waitForDiagnostics(orders, (p) => findingsOf(p).length === 1);
    assert.equal(findingsOf(params)[0].message, ORDERS_MESSAGE);
  });

  it('applies a severity override', async () => {
    await session.setSettings({ hotpath: { rules: { [N_PLUS_ONE]: 'error' } } });
    const params = await session.waitForDiagnostics(orders, (p) => findingsOf(p)[0]?.severity === DiagnosticSeverity.Error);
    assert.equal(findingsOf(params)[0].message, ORDERS_MESSAGE);
    await session.setSettings({ hotpath: { rules: { [N_PLUS_ONE]: 'hint' } } });
    await session.waitForDiagnostics(orders, (p) => findingsOf(p)[0]?.severity === DiagnosticSeverity.Hint);
  });

  it('flags calls to a function the user adds to hotpath.ioCalls, with the kind given', async () => {
    await session.setSettings({ hotpath: { ioCalls: [{ pattern: 'repo.load_*', kind: 'database' }] } });
    const params = await session.waitForDiagnostics(profiles, (p) => findingsOf(p).length > 0);
    assert.deepEqual(
      findingsOf(params).map((f) => [f.range, f.message]),
      [[rangeOf(PROFILES_PY, 'repo.load_profile(user.id)'), 'Database query `repo.load_profile()` runs once per item of `users` (`for` loop at line 6)']],
    );
    await session.setSettings({ hotpath: { ioCalls: ['**.load_profile'] } });
    const io = await session.waitForDiagnostics(profiles, (p) => findingsOf(p).length === 1 && findingsOf(p)[0].message !== findingsOf(params)[0].message);
    assert.equal(findingsOf(io)[0].message, 'I/O call `repo.load_profile()` runs once per item of `users` (`for` loop at line 6)');
  });

  it('warns about invalid settings, uses the defaults for them and keeps working', async () => {
    await session.setSettings({ hotpath: { rules: { [N_PLUS_ONE]: 'error' } } });
    await session.waitForDiagnostics(orders, (p) => findingsOf(p)[0]?.severity === DiagnosticSeverity.Error);
    const mark = session.mark();
    await session.setSettings({
      hotpath: { rules: { [N_PLUS_ONE]: 'loud', 'no-such-rule': 'off' }, ioCalls: [{ pattern: '' }, 42], maxFileSizeKb: -3, scope: 'everything', exclude: 'node_modules' },
    });
    const warning = await session.waitUntil('a settings warning', () => session.eventsOf('message', mark).find((e) => e.params.type === MessageType.Warning));
    assert.match(warning.params.message, /^Hotpath ignored some settings: /);
    for (const problem of [
      'hotpath.rules.n-plus-one-query: "loud" is not one of',
      'hotpath.rules: no rule is named "no-such-rule"',
      'hotpath.ioCalls[0]: expected a pattern string',
      'hotpath.ioCalls[1]: expected a pattern string',
      'hotpath.maxFileSizeKb: "-3" is not a positive number',
      'hotpath.scope: "everything" is not workspace or openFiles',
      'hotpath.exclude must be a list of strings',
    ]) {
      assert.ok(warning.params.message.includes(problem), `the warning should name "${problem}":\n${warning.params.message}`);
    }
    await session.waitForLog(/^Settings: hotpath\.rules\.n-plus-one-query: "loud"/, mark);
    // The rule's level was invalid, so its default (warning) replaces the earlier "error".
    await session.waitForDiagnostics(orders, (p) => findingsOf(p)[0]?.severity === DiagnosticSeverity.Warning);
    await assertStillServing(session);
  });

  it('shows findings in a test file as hints, and as warnings with hotpath.testFiles "report"', async () => {
    const testFile = await session.open(path.join(dir, 'tests', 'test_orders.py'), ORDERS_PY);
    const hinted = await session.waitForDiagnostics(testFile, (p) => findingsOf(p).length === 1);
    assert.deepEqual(
      findingsOf(hinted).map((f) => [f.message, f.severity]),
      [[ORDERS_MESSAGE, DiagnosticSeverity.Hint]],
    );
    // The same code outside the tests folder stays a warning.
    await session.waitForDiagnostics(orders, (p) => findingsOf(p)[0]?.severity === DiagnosticSeverity.Warning);
    await session.setSettings({ hotpath: { testFiles: 'report' } });
    await session.waitForDiagnostics(testFile, (p) => findingsOf(p)[0]?.severity === DiagnosticSeverity.Warning);
    const mark = session.mark();
    await session.setSettings({ hotpath: { testFiles: 'never' } });
    await session.waitForLog(/^Settings: hotpath\.testFiles: "never" is not one of hint, report/, mark);
    await session.waitForDiagnostics(testFile, (p) => findingsOf(p)[0]?.severity === DiagnosticSeverity.Hint);
    await session.close(testFile);
  });

  it('survives settings that are not an object at all', async () => {
    const mark = session.mark();
    await session.setSettings({ hotpath: 'fast please' });
    const warning = await session.waitUntil('a settings warning', () => session.eventsOf('message', mark).find((e) => e.params.type === MessageType.Warning));
    assert.match(warning.params.message, /the hotpath settings must be an object/);
    await assertStillServing(session);
  });
});
