/**
 * The console's messages (client/src/console/messages.ts) are checked on receipt in both
 * directions: well-formed ones come through rebuilt, malformed or hostile ones are refused with a
 * reason that says what is wrong, and nothing extra rides along.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFromWebview, checkToWebview, MAX_QUESTION_LENGTH, type Checked } from '../../../client/src/console/messages';
import type { Answer } from '../../../server/src/console/answer';

const ANSWER: Answer = {
  question: 'what should I fix first?',
  intent: 'fixFirst',
  answered: true,
  markdown: '### What to fix first\n\n[javascript/report.js:7](file:///w/javascript/report.js#L7)',
  links: [{ uri: 'file:///w/javascript/report.js', range: { start: { line: 6, character: 23 }, end: { line: 6, character: 91 } }, label: 'javascript/report.js:7', href: 'file:///w/javascript/report.js#L7' }],
  followUps: ['why is loadCustomers slow?'],
  actions: [{ kind: 'importProfile', label: 'Import a profile…' }],
  sources: [{ kind: 'rule', name: 'n-plus-one-query' }],
};

function refused<T>(result: Checked<T>): string {
  assert.equal(result.ok, false, `accepted: ${JSON.stringify(result)}`);
  return result.ok ? '' : result.reason;
}

describe('messages from the console webview', () => {
  it('accepts each message the page sends, rebuilt without extra fields', () => {
    assert.deepEqual(checkFromWebview({ type: 'ready' }), { ok: true, value: { type: 'ready' } });
    assert.deepEqual(checkFromWebview({ type: 'ask', question: '  what should I fix first?  ', extra: 'x' }), { ok: true, value: { type: 'ask', question: 'what should I fix first?' } });
    assert.deepEqual(checkFromWebview({ type: 'openLink', entryId: 3, linkIndex: 0, uri: 'file:///etc/passwd' }), { ok: true, value: { type: 'openLink', entryId: 3, linkIndex: 0 } });
    assert.deepEqual(checkFromWebview({ type: 'runAction', entryId: 0, actionIndex: 1, command: 'workbench.action.terminal.new' }), { ok: true, value: { type: 'runAction', entryId: 0, actionIndex: 1 } });
    assert.deepEqual(checkFromWebview({ type: 'copy', text: 'const a = 1;' }), { ok: true, value: { type: 'copy', text: 'const a = 1;' } });
    for (const type of ['modelPreview', 'modelSend', 'modelCancel'] as const) assert.deepEqual(checkFromWebview({ type, entryId: 2 }), { ok: true, value: { type, entryId: 2 } });
  });

  it('refuses what is not a message of the page, saying why', () => {
    assert.equal(refused(checkFromWebview(null)), 'a message from the console webview: the message is not an object');
    assert.equal(refused(checkFromWebview('ask')), 'a message from the console webview: the message is not an object');
    assert.equal(refused(checkFromWebview([{ type: 'ready' }])), 'a message from the console webview: the message is not an object');
    assert.equal(refused(checkFromWebview({ type: 'runCommand', command: 'rm -rf' })), 'a message from the console webview: a message "runCommand" is not one the console sends');
    // A hostile type is not repeated in the log.
    assert.equal(refused(checkFromWebview({ type: '<img src=x onerror=alert(1)>' })), 'a message from the console webview: a message without a known type is not one the console sends');
    assert.equal(refused(checkFromWebview({ type: '__proto__' })), 'a message from the console webview: a message without a known type is not one the console sends');
  });

  it('refuses messages with fields of the wrong kind or size', () => {
    assert.equal(refused(checkFromWebview({ type: 'ask' })), 'a message from the console webview: question is not a string');
    assert.equal(refused(checkFromWebview({ type: 'ask', question: '   ' })), 'a message from the console webview: question is empty');
    assert.equal(refused(checkFromWebview({ type: 'ask', question: 'x'.repeat(MAX_QUESTION_LENGTH + 1) })), `a message from the console webview: question is longer than ${MAX_QUESTION_LENGTH} characters`);
    assert.equal(refused(checkFromWebview({ type: 'ask', question: { toString: () => 'hi' } })), 'a message from the console webview: question is not a string');
    for (const bad of [-1, 1.5, '1', Number.NaN, Infinity, 2 ** 60, null]) {
      assert.equal(refused(checkFromWebview({ type: 'openLink', entryId: bad, linkIndex: 0 })), 'a message from the console webview: entryId is not a whole number ≥ 0', String(bad));
    }
    assert.equal(refused(checkFromWebview({ type: 'runAction', entryId: 0 })), 'a message from the console webview: actionIndex is not a whole number ≥ 0');
    assert.equal(refused(checkFromWebview({ type: 'copy', text: 'x'.repeat(200_001) })), 'a message from the console webview: text is longer than 200000 characters');
  });
});

describe('messages from the extension', () => {
  it('accepts the state and answers, rebuilt', () => {
    const state = { type: 'state', entries: [{ id: 0, question: ANSWER.question, answer: ANSWER }, { id: 1, question: 'x', error: 'Hotpath could not answer: the server stopped' }], history: ['x'], suggestions: ['help'], model: null };
    assert.deepEqual(checkToWebview(state), { ok: true, value: state });
    const entry = { type: 'entry', entry: { id: 4, question: ANSWER.question, answer: { ...ANSWER, extra: '<script>' } }, suggestions: [] };
    assert.deepEqual(checkToWebview(entry), { ok: true, value: { ...entry, entry: { id: 4, question: ANSWER.question, answer: ANSWER } } });
    assert.deepEqual(checkToWebview({ type: 'modelEnd', entryId: 4, status: 'failed', message: 'The model did not answer within 30 s' }), {
      ok: true,
      value: { type: 'modelEnd', entryId: 4, status: 'failed', message: 'The model did not answer within 30 s' },
    });
  });

  it('refuses answers whose parts are malformed', () => {
    const withAnswer = (answer: unknown) => checkToWebview({ type: 'entry', entry: { id: 0, question: 'q', answer }, suggestions: [] });
    assert.equal(refused(withAnswer({ ...ANSWER, intent: 'runScript' })), 'a message from the extension: entry.answer.intent is not one of hotspots, fixFirst, whySlow, fixFinding, explainRule, listFindings, profileSummary, regressions, help, unknown');
    assert.equal(refused(withAnswer({ ...ANSWER, links: [{ ...ANSWER.links[0], uri: 'https://example.com/x.js' }] })), 'a message from the extension: entry.answer.links[0].uri is not a file: URI');
    assert.equal(refused(withAnswer({ ...ANSWER, links: [{ ...ANSWER.links[0], range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } }] })), 'a message from the extension: entry.answer.links[0].range.start.line is not a whole number ≥ 0');
    assert.equal(refused(withAnswer({ ...ANSWER, actions: [{ kind: 'runCommand', label: 'x', command: 'workbench.action.terminal.new' }] })), 'a message from the extension: entry.answer.actions[0].kind is not an action Hotpath knows');
    assert.equal(refused(withAnswer({ ...ANSWER, markdown: 42 })), 'a message from the extension: entry.answer.markdown is not a string');
    assert.equal(refused(withAnswer({ ...ANSWER, followUps: 'help' })), 'a message from the extension: entry.answer.followUps is not a list');
  });

  it('refuses unknown messages and malformed model messages', () => {
    assert.equal(refused(checkToWebview({ type: 'eval', code: 'alert(1)' })), 'a message from the extension: a message "eval" is not one the extension sends');
    assert.equal(refused(checkToWebview({ type: 'modelEnd', entryId: 0, status: 'exploded', message: null })), 'a message from the extension: status is not one of done, cancelled, failed');
    assert.equal(refused(checkToWebview({ type: 'modelChunk', entryId: 0 })), 'a message from the extension: text is not a string');
    assert.equal(refused(checkToWebview({ type: 'state', entries: [], history: [], suggestions: [], model: { label: 7 } })), 'a message from the extension: model.label is not a string');
  });
});
