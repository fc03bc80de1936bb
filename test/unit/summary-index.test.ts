/**
 * The workspace index of function summaries: the chain a finding names, and what an edit to one
 * file changes in the findings of the files that call into it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { rangeOf } from '../../scripts/lsp-text';
import { analyzeSource } from '../../server/src/analyze';
import { AnalysisConfig } from '../../server/src/rules/config';
import { nPlusOneThroughCall } from '../../server/src/rules/n-plus-one-through-call';
import { SummaryIndex } from '../../server/src/summaries/summary-index';
import { fixturesDir } from '../helpers/paths';
import { sourceFiles } from '../helpers/workspace-fixture';

const root = path.join(fixturesDir, 'rules', 'n-plus-one-through-call', 'python');
const file = (rel: string) => path.join(root, rel);
const text = (rel: string) => fs.readFileSync(file(rel), 'utf8');
const config = new AnalysisConfig({ rules: {}, ioCalls: [], only: [nPlusOneThroughCall.meta.id] });

async function summaryOf(source: string) {
  return (await analyzeSource(source, 'python', config)).summary;
}

describe('summary index', () => {
  let index: SummaryIndex;

  beforeEach(async () => {
    index = new SummaryIndex(() => config.severity(nPlusOneThroughCall.meta));
    for (const f of sourceFiles(root)) index.setScanned(f, await summaryOf(fs.readFileSync(f, 'utf8')));
    // As the findings store does: each file's findings computed once, which records what they read.
    for (const f of index.files()) index.findings(f);
  });

  const messages = (rel: string) => index.findings(file(rel)).map((f) => f.message.split(' runs ')[0]);

  it('names the loop and each link of the chain, in its file, as related information', () => {
    const report = text('pkg/report.py');
    const finding = index.findings(file('pkg/report.py')).find((f) => f.message.startsWith('`users.profile_of()`'));
    assert.ok(finding);
    assert.deepEqual(finding.range, rangeOf(report, 'users.profile_of(session, person)'));
    assert.deepEqual(finding.related, [
      { range: rangeOf(report, 'for person in people'), message: 'repeated by this `for` loop over `people`' },
      { file: file('pkg/users.py'), range: rangeOf(text('pkg/users.py'), 'fetch(session, user.id)'), message: '`profile_of()` calls `fetch_user_profile()`' },
      {
        file: file('pkg/db.py'),
        range: rangeOf(text('pkg/db.py'), 'session.query(Profile)'),
        message: '`fetch_user_profile()` runs a database query: `session.query()`',
      },
    ]);
  });

  it('drops and restores the findings of callers when a helper loses and regains its query', async () => {
    const db = text('pkg/db.py');
    const withoutQuery = db.replace('return session.query(Profile).filter(Profile.user_id == user_id).first()', 'return None');
    const affected = index.setScanned(file('pkg/db.py'), await summaryOf(withoutQuery));
    // db.py and the files whose loop calls resolved through it; users.py calls into db.py but
    // has no loop, so no finding of its own to change.
    assert.deepEqual(affected.sort(), [file('main.py'), file('pkg/callbacks.py'), file('pkg/db.py'), file('pkg/report.py')]);
    assert.deepEqual(messages('pkg/report.py'), ['`level1()`', '`tick()`', '`self._profile()`']);
    assert.deepEqual(messages('main.py'), ['`pkg.db.level3()`']);
    index.setScanned(file('pkg/db.py'), await summaryOf(db));
    assert.deepEqual(messages('pkg/report.py'), [
      '`fetch_user_profile()`',
      '`db.fetch_user_profile()`',
      '`users.profile_of()`',
      '`level1()`',
      '`tick()`',
      '`self._profile()`',
    ]);
  });

  it('finds a module created after the file that imports it', async () => {
    index.setScanned(file('pkg/db.py'), undefined);
    assert.deepEqual(messages('main.py'), []);
    const affected = index.setScanned(file('pkg/db.py'), await summaryOf(text('pkg/db.py')));
    assert.ok(affected.includes(file('main.py')));
    assert.deepEqual(messages('main.py'), ['`profile_of()`', '`pkg.db.level3()`']);
  });

  it('lets an open document win over the scanned file, and falls back when it closes', async () => {
    const users = text('pkg/users.py');
    index.setOpen(file('pkg/users.py'), await summaryOf(users.replace('profile = fetch(session, user.id)', 'profile = None')));
    assert.deepEqual(messages('main.py'), ['`pkg.db.level3()`']);
    index.setOpen(file('pkg/users.py'), undefined);
    assert.deepEqual(messages('main.py'), ['`profile_of()`', '`pkg.db.level3()`']);
  });

  it('reports nothing when the rule is off, and at the severity set when it is on', async () => {
    let level: 'off' | 'hint' = 'off';
    const settings = () => new AnalysisConfig({ rules: { [nPlusOneThroughCall.meta.id]: level }, ioCalls: [] });
    const other = new SummaryIndex(() => settings().severity(nPlusOneThroughCall.meta));
    for (const f of sourceFiles(root)) other.setScanned(f, await summaryOf(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(other.findings(file('pkg/report.py')), []);
    level = 'hint';
    assert.deepEqual(new Set(other.findings(file('pkg/report.py')).map((f) => f.severity)), new Set(['hint']));
  });
});
