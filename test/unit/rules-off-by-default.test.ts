/**
 * A rule off by default (await-in-loop, whose measured precision is too low) reports nothing
 * until the user turns it on in `hotpath.rules` or asks for it by name with `--rule`, and says so
 * in its SARIF descriptor.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSource } from '../../server/src/analyze';
import { AnalysisConfig, AnalysisSettings } from '../../server/src/rules/config';
import { awaitInLoop } from '../../server/src/rules/await-in-loop';
import { hotpathRule } from '../../server/src/sarif/rule-descriptors';

const SOURCE = [
  'async function loadUsers(ids) {',
  '  const users = [];',
  '  for (const id of ids) {',
  '    users.push(await fetchUser(id));',
  '  }',
  '  return users;',
  '}',
  '',
].join('\n');

async function awaitFindings(settings: AnalysisSettings) {
  const { findings } = await analyzeSource(SOURCE, 'javascript', new AnalysisConfig(settings));
  return findings.filter((f) => f.ruleId === 'await-in-loop').map((f) => `${f.severity} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
}

const MESSAGE = '`await fetchUser(id)` runs once per item of `ids` (`for…of` loop at line 3): each iteration waits for the previous one';

describe('a rule off by default', () => {
  it('reports nothing with the default settings, nor when set to "default"', async () => {
    assert.deepEqual(await awaitFindings({ rules: {}, ioCalls: [] }), []);
    assert.deepEqual(await awaitFindings({ rules: { 'await-in-loop': 'default' }, ioCalls: [] }), []);
  });

  it('reports at the severity the user sets', async () => {
    assert.deepEqual(await awaitFindings({ rules: { 'await-in-loop': 'warning' }, ioCalls: [] }), [`warning 4:16 ${MESSAGE}`]);
  });

  it('reports at its own severity when asked for by name, as `hotpath scan --rule` does', async () => {
    assert.deepEqual(await awaitFindings({ rules: {}, ioCalls: [], only: ['await-in-loop'] }), [`info 4:16 ${MESSAGE}`]);
  });

  it('is marked not enabled in its SARIF descriptor, with the level it has when turned on', () => {
    assert.deepEqual(hotpathRule(awaitInLoop.meta).defaultConfiguration, { enabled: false, level: 'note' });
  });
});
