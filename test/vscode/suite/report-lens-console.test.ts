/**
 * The code lens above a measured function opens the optimization console on it: clicking
 * `🔥 … total · … self` above loadCustomers (report.cpuprofile is loaded by the flows before this
 * file, which mocha runs in name order) runs the lens's command, which shows the console and
 * asks "why is loadCustomers slow?"; the answer in the transcript is the one `hotpath ask` gives
 * with the same profile.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConsoleHandle } from '../../../client/src/console/console-panel';
import { referenceAnswer } from '../../helpers/ask-reference';
import { activateHotpath, exampleFile, examplesFolder, lineOf, openExample } from './examples-workspace';

const REPORT = 'javascript/report.js';
const PROFILE = 'profiles/report.cpuprofile';
const QUESTION = 'why is loadCustomers slow?';

describe('the code lens above loadCustomers', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the console, which answers why loadCustomers is slow with the figures hotpath ask gives', async () => {
    const extension = await activateHotpath();
    const document = await openExample(REPORT);
    const line = lineOf(document, 'function loadCustomers');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const lens = lenses.find((l) => l.range.start.line === line && l.command?.title.startsWith('🔥'));
    assert.ok(lens?.command, `no 🔥 code lens on line ${line + 1}: is ${PROFILE} loaded?`);

    // What a click on the lens does: run its command with its arguments.
    const handle = await vscode.commands.executeCommand<ConsoleHandle>(lens.command.command, ...(lens.command.arguments ?? []));
    assert.ok(handle && Array.isArray(handle.transcript), 'the lens\'s command returned no console handle');
    const shown = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('hotpath.console'));
    assert.ok(shown, 'the console is not open');

    const last = handle.transcript[handle.transcript.length - 1];
    assert.ok(last && 'answer' in last, `the last entry is ${JSON.stringify(last)}`);
    assert.equal(last.question, QUESTION);
    assert.equal(last.answer.intent, 'whySlow');
    const expected = referenceAnswer(path.join(extension.extensionPath, 'dist', 'cli.js'), examplesFolder().fsPath, QUESTION, [(await exampleFile(PROFILE)).fsPath]);
    const heading = expected.markdown.split('\n')[0];
    assert.equal(heading, '### Why `loadCustomers` is slow');
    assert.equal(last.answer.markdown.split('\n')[0], heading);
    // The measured share, as `hotpath ask` words it.
    const took = expected.markdown.split('\n').find((l) => l.includes(' took ') && l.includes('report.cpuprofile'));
    assert.ok(took, expected.markdown);
    assert.ok(last.answer.markdown.split('\n').includes(took), `the console's answer lacks\n  ${took}\nin\n${last.answer.markdown}`);
  });
});
