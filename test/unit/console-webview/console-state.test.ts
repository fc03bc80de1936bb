/**
 * The console's transcript, history and tab come back after a reload from workspace state, which an
 * older version or a damaged file may have written: entries that do not check out are dropped
 * and named in the log, the rest come back in order, and new entries get ids after theirs.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConsoleState } from '../../../client/src/console/console-state';
import type { Answer } from '../../../server/src/console/answer';

/** Workspace state in memory, as VS Code's Memento keeps it. */
class MemoryState {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
}

const ANSWER: Answer = { question: 'help', intent: 'help', answered: true, markdown: '### What I can answer', links: [], followUps: ['what should I fix first?'], actions: [], sources: [] };

describe('the console state', () => {
  it('keeps the transcript and the history across a reload', async () => {
    const memento = new MemoryState();
    const state = new ConsoleState(memento, () => assert.fail('nothing to drop'));
    await state.asked('help');
    await state.asked('what should I fix first?');
    await state.asked('help');
    const first = await state.add({ question: 'help', answer: ANSWER });
    const second = await state.add({ question: 'why?', error: 'Hotpath could not answer: the server stopped' });
    assert.deepEqual([first.id, second.id], [0, 1]);

    const reloaded = new ConsoleState(memento, () => assert.fail('nothing to drop'));
    assert.deepEqual(reloaded.questions, ['what should I fix first?', 'help']);
    assert.deepEqual(reloaded.transcript, [first, second]);
    assert.equal((await reloaded.add({ question: 'x', error: 'e' })).id, 2);
  });

  it('keeps the tab shown last across a reload, and none before one was shown', async () => {
    const memento = new MemoryState();
    const state = new ConsoleState(memento, () => assert.fail('nothing to drop'));
    assert.equal(state.tab, null);
    await state.shown('flame');
    await state.shown('ask');
    assert.equal(new ConsoleState(memento, () => assert.fail('nothing to drop')).tab, 'ask');
  });

  it('drops a saved tab that is not one of the console, saying why', () => {
    const memento = new MemoryState();
    memento.values.set('hotpath.console.tab', 'settings');
    const dropped: string[] = [];
    assert.equal(new ConsoleState(memento, (why) => dropped.push(why)).tab, null);
    assert.deepEqual(dropped, ['a saved tab: tab is not one of ask, flame']);
  });

  it('drops saved entries and questions that do not check out, saying why', () => {
    const memento = new MemoryState();
    memento.values.set('hotpath.console.entries', [{ id: 5, question: 'help', answer: ANSWER }, { id: 6, question: 'x', answer: { ...ANSWER, intent: 'eval' } }, '<img src=x onerror=alert(1)>']);
    memento.values.set('hotpath.console.history', ['help', 42]);
    const dropped: string[] = [];
    const state = new ConsoleState(memento, (why) => dropped.push(why));
    assert.deepEqual(state.transcript.map((e) => e.id), [5]);
    assert.deepEqual(state.questions, ['help']);
    assert.deepEqual(dropped, [
      'a saved console entry: entry.answer.intent is not one of hotspots, fixFirst, whySlow, fixFinding, explainRule, listFindings, profileSummary, regressions, benchmarks, help, unknown',
      'a saved console entry: entry is not an object',
      'a saved console question: question is not a string',
    ]);
  });

  it('starts empty when the saved state is not a list', () => {
    const memento = new MemoryState();
    memento.values.set('hotpath.console.entries', { entries: [] });
    const state = new ConsoleState(memento, () => assert.fail('nothing to drop'));
    assert.deepEqual(state.transcript, []);
  });
});
