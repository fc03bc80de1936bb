/**
 * The third flow, through the console's typed messages: "Hotpath: Open Optimization Console"
 * returns the console's handle (client/src/console/console-panel.ts, ConsoleHandle), the test
 * posts what the page would post and reads what the page would be sent.
 *
 * This file runs before profile-import.test.ts (the suite runs its files in name order), so no
 * profile is loaded: findings are ranked by the rule's confidence and loop depth, and the first
 * must be the one `hotpath ask` ranks first over the same folder, an N+1 query the editor shows.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { referenceAnswer } from '../../helpers/ask-reference';
import type { ConsoleHandle } from '../../../client/src/console/console-panel';
import type { ToWebview, TranscriptEntry } from '../../../client/src/console/messages';
import { exchange, isEntry, isState } from './console-messages';
import { codeOf, waitForDiagnostics } from './diagnostics';
import { activateHotpath, examplesFolder } from './examples-workspace';

const QUESTION = 'what should I fix first?';
const RULE = 'n-plus-one-query';

describe('the optimization console', () => {
  let consoleHandle: ConsoleHandle;
  let expected: ReturnType<typeof referenceAnswer>;

  before(async () => {
    const extension = await activateHotpath();
    expected = referenceAnswer(path.join(extension.extensionPath, 'dist', 'cli.js'), examplesFolder().fsPath, QUESTION);
    const first = expected.links[0];
    assert.ok(first, `hotpath ask links nothing in its answer:\n${expected.markdown}`);
    // The finding ranked first must be in the editor before the question is asked.
    await waitForDiagnostics(vscode.Uri.parse(first.uri), `the ${RULE} finding of ${first.label}`, (ds) => ds.some((d) => codeOf(d) === RULE && d.range.start.line === first.range.start.line));
    const opened = await vscode.commands.executeCommand<ConsoleHandle>('hotpath.openConsole');
    assert.ok(opened && typeof opened.receive === 'function', 'Hotpath: Open Optimization Console returned no console handle');
    consoleHandle = opened;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sends the page its state with questions to suggest from this workspace', async () => {
    const state = await exchange(consoleHandle, { type: 'ready' }, isState);
    assert.ok(state.suggestions.includes(QUESTION), `the suggestions are ${JSON.stringify(state.suggestions)}`);
    assert.equal(state.model, null, 'no language model is set up, so none is offered');
  });

  let entry: Extract<TranscriptEntry, { answer: unknown }>;

  it(`answers "${QUESTION}" with the planted N+1 query first, linked to its range`, async () => {
    const reply = await exchange(consoleHandle, { type: 'ask', question: QUESTION }, isEntry);
    assert.ok('answer' in reply.entry, `the console could not answer: ${'error' in reply.entry ? reply.entry.error : ''}`);
    entry = reply.entry;
    const { answer } = entry;
    assert.equal(answer.intent, 'fixFirst');
    assert.ok(answer.markdown.includes('No profile is loaded, so I have no measured figures.'), answer.markdown);
    const first = answer.links[0];
    assert.deepEqual(first, expected.links[0], 'the first link is not the one hotpath ask ranks first');
    // The first item of the ranking names the rule and links the finding's line.
    const item = /#### 1\. ([^\n]+)\n\n([^\n]+)/.exec(answer.markdown);
    assert.ok(item, answer.markdown);
    assert.ok(item[1].startsWith(`\`${RULE}\` in `), `the first item is "${item[1]}"`);
    assert.ok(item[2].startsWith(`[${first.label}](${first.href}) \`${RULE}\`:`), `the first item reads "${item[2]}"`);
    const diagnostic = vscode.languages.getDiagnostics(vscode.Uri.parse(first.uri)).find((d) => codeOf(d) === RULE && d.range.start.line === first.range.start.line);
    assert.ok(diagnostic, `no ${RULE} diagnostic at ${first.label}`);
    assert.deepEqual([diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character], [first.range.start.character, first.range.end.line, first.range.end.character]);
  });

  it('opens the file at the linked range when the page asks for link 0 of that answer', async () => {
    const first = entry.answer.links[0];
    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.toString() !== first.uri) return;
        subscription.dispose();
        resolve(editor);
      });
    });
    await consoleHandle.receive({ type: 'openLink', entryId: entry.id, linkIndex: 0 });
    const editor = await opened;
    assert.equal(editor.selection.start.line, first.range.start.line);
    assert.equal(editor.selection.start.character, first.range.start.character);
    assert.equal(editor.selection.end.character, first.range.end.character);
  });

  it('refuses messages the page does not send, and links the answer did not give', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const posted: ToWebview[] = [];
    const subscription = consoleHandle.onDidPost((m) => posted.push(m));
    for (const hostile of [
      { type: 'openFile', uri: vscode.Uri.joinPath(examplesFolder(), 'javascript', 'sync.js').toString() },
      { type: 'openLink', entryId: entry.id, linkIndex: entry.answer.links.length },
      { type: 'openLink', entryId: entry.id + 1000, linkIndex: 0 },
      { type: 'ask', question: 42 },
      '<img src=x onerror=alert(1)>',
    ]) {
      await consoleHandle.receive(hostile);
    }
    subscription.dispose();
    assert.deepEqual(posted, [], 'the console answered a refused message');
    assert.equal(vscode.window.activeTextEditor, undefined, `a refused message opened ${vscode.window.activeTextEditor?.document.uri.fsPath}`);
  });
});
