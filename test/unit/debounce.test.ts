/**
 * The per-key wait used for files written in bursts (watched profiles) and for typing (line heat).
 */
import * as assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { DebouncePerKey } from '../../client/src/debounce';

test('an action runs once its key has been quiet for the delay, and each key waits on its own', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const ran: string[] = [];
  const debounce = new DebouncePerKey(1000);
  debounce.schedule('a', () => ran.push('a1'));
  t.mock.timers.tick(600);
  debounce.schedule('a', () => ran.push('a2'));
  debounce.schedule('b', () => ran.push('b'));
  t.mock.timers.tick(600);
  assert.deepEqual(ran, [], 'a was written again before its wait ended');
  t.mock.timers.tick(400);
  assert.deepEqual(ran, ['a2', 'b']);
});

test('dispose drops the actions still waiting', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const action = mock.fn();
  const debounce = new DebouncePerKey(10);
  debounce.schedule('a', action);
  debounce.dispose();
  t.mock.timers.tick(100);
  assert.equal(action.mock.callCount(), 0);
});
