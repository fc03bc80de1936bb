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
    assert.deepEqual(checkFromWebview({ type: 'tabShown', tab: 'flame' }), { ok: true, value: { type: 'tabShown', tab: 'flame' } });
    assert.deepEqual(checkFromWebview({ type: 'flameGraph', message: { type: 'ready' } }), { ok: true, value: { type: 'flameGraph', message: { type: 'ready' } } });
    assert.deepEqual(checkFromWebview({ type: 'flameGraph', message: { type: 'openSource', func: 3 } }), { ok: true, value: { type: 'flameGraph', message: { type: 'openSource', func: 3 } } });
  });

  it("refuses the flame graph's messages that are not exactly one it sends", () => {
    for (const inner of [undefined, 'ready', { type: 'openSource', func: -1 }, { type: 'openSource', func: 0, uri: 'file:///etc/passwd' }, { type: 'openFile', func: 0 }]) {
      assert.equal(refused(checkFromWebview({ type: 'flameGraph', message: inner })), 'a message from the console webview: message is not one the flame graph sends', JSON.stringify(inner));
    }
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
    assert.equal(refused(checkFromWebview({ type: 'tabShown', tab: 'settings' })), 'a message from the console webview: tab is not one of ask, flame');
    assert.equal(refused(checkFromWebview({ type: 'copy', text: 'x'.repeat(200_001) })), 'a message from the console webview: text is longer than 200000 characters');
  });
});

describe('messages from the extension', () => {
  it('accepts the state and answers, rebuilt', () => {
    const state = { type: 'state', entries: [{ id: 0, question: ANSWER.question, answer: ANSWER }, { id: 1, question: 'x', error: 'Hotpath could not answer: the server stopped' }], history: ['x'], suggestions: ['help'], model: null, tab: null };
    assert.deepEqual(checkToWebview(state), { ok: true, value: state });
    assert.deepEqual(checkToWebview({ ...state, tab: 'flame' }), { ok: true, value: { ...state, tab: 'flame' } });
    const entry = { type: 'entry', entry: { id: 4, question: ANSWER.question, answer: { ...ANSWER, extra: '<script>' } }, suggestions: [] };
    assert.deepEqual(checkToWebview(entry), { ok: true, value: { ...entry, entry: { id: 4, question: ANSWER.question, answer: ANSWER } } });
    assert.deepEqual(checkToWebview({ type: 'modelEnd', entryId: 4, status: 'failed', message: 'The model did not answer within 30 s' }), {
      ok: true,
      value: { type: 'modelEnd', entryId: 4, status: 'failed', message: 'The model did not answer within 30 s' },
    });
  });

  it('accepts an answer with a quick fix to apply, and refuses one whose place is not a workspace file', () => {
    const fix = { kind: 'applyQuickFix', label: 'Apply quick fix at python/report.py:9: Compile the pattern once, before the loop', uri: 'file:///w/python/report.py', range: { start: { line: 8, character: 4 }, end: { line: 8, character: 30 } }, title: 'Compile the pattern once, before the loop' };
    const entry = { type: 'entry', entry: { id: 2, question: 'how do I fix this?', answer: { ...ANSWER, intent: 'fixFinding', actions: [fix] } }, suggestions: [] };
    assert.deepEqual(checkToWebview(entry), { ok: true, value: entry });
    const elsewhere = { ...entry, entry: { ...entry.entry, answer: { ...entry.entry.answer, actions: [{ ...fix, uri: 'vscode://settings' }] } } };
    assert.equal(refused(checkToWebview(elsewhere)), 'a message from the extension: entry.answer.actions[0].uri is not a file: URI');
    const untitled = { ...entry, entry: { ...entry.entry, answer: { ...entry.entry.answer, actions: [{ ...fix, title: undefined }] } } };
    assert.equal(refused(checkToWebview(untitled)), 'a message from the extension: entry.answer.actions[0].title is not a string');
  });

  it('accepts a tab to show and a flame graph to draw, and refuses others', () => {
    assert.deepEqual(checkToWebview({ type: 'showTab', tab: 'flame' }), { ok: true, value: { type: 'showTab', tab: 'flame' } });
    assert.equal(refused(checkToWebview({ type: 'showTab', tab: 'settings' })), 'a message from the extension: tab is not one of ask, flame');
    assert.deepEqual(checkToWebview({ type: 'flameGraph', message: { type: 'empty', reason: 'No profile is shown.' } }), { ok: true, value: { type: 'flameGraph', message: { type: 'empty', reason: 'No profile is shown.' } } });
    // A tree whose second node names its own child as parent is not drawn.
    const broken = { profile: 'p', sampleType: 'cpu', unit: 'samples', totalLabel: '2 samples', functions: [{ name: 'root', origin: 'unknown' }], nodes: { parent: [-1, 1], func: [0, 0], self: [0, 2], total: [2, 2] } };
    assert.equal(refused(checkToWebview({ type: 'flameGraph', message: { type: 'show', data: broken } })), 'a message from the extension: message is not a flame graph the page can draw');
  });

  it('refuses answers whose parts are malformed', () => {
    const withAnswer = (answer: unknown) => checkToWebview({ type: 'entry', entry: { id: 0, question: 'q', answer }, suggestions: [] });
    assert.equal(refused(withAnswer({ ...ANSWER, intent: 'runScript' })), 'a message from the extension: entry.answer.intent is not one of hotspots, fixFirst, whySlow, fixFinding, explainRule, listFindings, profileSummary, regressions, benchmarks, help, unknown');
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
    assert.equal(refused(checkToWebview({ type: 'state', entries: [], history: [], suggestions: [], model: { label: 7 }, tab: null })), 'a message from the extension: model.label is not a string');
  });
});
