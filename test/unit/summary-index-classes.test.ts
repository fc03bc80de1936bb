/**
 * Calls resolved through classes, as files change one at a time: a method inherited from a base
 * in another file, and a Java interface's one implementation, which stops counting when a second
 * one appears.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSource } from '../../server/src/analyze';
import { AnalysisConfig } from '../../server/src/rules/config';
import { nPlusOneThroughCall } from '../../server/src/rules/n-plus-one-through-call';
import { SummaryIndex } from '../../server/src/summaries/summary-index';
import { grammarForPath } from '../../server/src/syntax/languages';
import { fixturesDir } from '../helpers/paths';
import { sourceFiles } from '../helpers/workspace-fixture';

const config = new AnalysisConfig({ rules: {}, ioCalls: [], only: [nPlusOneThroughCall.meta.id] });

async function summaryOf(file: string, text = fs.readFileSync(file, 'utf8')) {
  return (await analyzeSource(text, grammarForPath(file)!.id, config)).summary;
}

/** The index of a fixture workspace, each file's findings computed once as the findings store does. */
async function indexOf(root: string): Promise<SummaryIndex> {
  const index = new SummaryIndex(() => config.severity(nPlusOneThroughCall.meta));
  for (const f of sourceFiles(root)) index.setScanned(f, await summaryOf(f));
  for (const f of index.files()) index.findings(f);
  return index;
}

const calls = (index: SummaryIndex, file: string) => index.findings(file).map((f) => f.message.split(' runs ')[0]);

describe('summary index through classes', () => {
  const python = path.join(fixturesDir, 'rules', 'n-plus-one-through-call', 'python', 'pkg');
  const java = path.join(fixturesDir, 'rules', 'n-plus-one-through-call', 'java', 'src', 'main', 'java', 'com', 'example');

  it('drops and restores the finding on a method inherited from a base class in another file as the base changes', async () => {
    const index = await indexOf(path.dirname(python));
    const service = path.join(python, 'service.py');
    const base = path.join(python, 'repos', 'base.py');
    const before = ['`repo.get()`', '`repo.load()`', '`users.get()`', '`fetch_user_profile()`', '`self.load_user()`', '`self.load()`'];
    assert.deepEqual(calls(index, service), before);
    const text = fs.readFileSync(base, 'utf8');
    const affected = index.setScanned(base, await summaryOf(base, text.replace('return self.session.query(self.model).get(key)', 'return None')));
    assert.ok(affected.includes(service), `${service} not among ${affected.join(', ')}`);
    assert.deepEqual(calls(index, service), ['`repo.get()`', '`users.get()`', '`fetch_user_profile()`', '`self.load_user()`']);
    index.setScanned(base, await summaryOf(base, text));
    assert.deepEqual(calls(index, service), before);
  });

  it('follows a Java interface to its one implementation, and stops when a second appears and again when it goes', async () => {
    const index = await indexOf(path.join(java, '..', '..', '..'));
    const service = path.join(java, 'service', 'OrderService.java');
    const before = ['`loadRow()`', '`this.loadRow()`', '`orders.find()`', '`store.loadRow()`'];
    assert.deepEqual(calls(index, service), before);
    const second = path.join(java, 'repo', 'CachedOrderStore.java');
    const text = 'package com.example.repo;\n\npublic class CachedOrderStore implements OrderStore {\n    public String find(long id) { return null; }\n\n    public String format(long id) { return null; }\n}\n';
    const affected = index.setScanned(second, await summaryOf(second, text));
    assert.ok(affected.includes(service), `${service} not among ${affected.join(', ')}`);
    assert.deepEqual(calls(index, service), ['`loadRow()`', '`this.loadRow()`', '`store.loadRow()`']);
    assert.ok(index.setScanned(second, undefined).includes(service));
    assert.deepEqual(calls(index, service), before);
  });
});
