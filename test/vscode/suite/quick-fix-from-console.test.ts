/**
 * An answer about a finding that has a quick fix offers to apply it, and the button does: in a
 * copy of examples/, "how do I fix the finding at orders.py:19?" (a pattern compiled in a loop)
 * answers with the action "Apply quick fix…"; running it, as the page does when the button is
 * pressed, changes orders.py as the light bulb's fix would, and the finding goes away.
 *
 * The file is left as it was afterwards (the change is reverted, never saved).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConsoleHandle } from '../../../client/src/console/console-panel';
import { exchange, isEntry } from './console-messages';
import { codeOf, hotpathDiagnostics, waitForDiagnostics } from './diagnostics';
import { activateHotpath, exampleFile, lineOf } from './examples-workspace';

const ORDERS = 'python/shop/orders.py';
const RULE = 'regex-compiled-in-loop';
const QUESTION = 'how do I fix the finding at orders.py:19?';
const TITLE = 'Compile the pattern once, before the loop';
/** valid_skus as the fix leaves it: the pattern compiled once, before the loop, under a new name. */
const FIXED = [
  'def valid_skus(skus):',
  '    valid = []',
  '    sku_pattern = re.compile(r"^[A-Z]{3}-\\d{4}$")',
  '    for sku in skus:',
  '        if sku_pattern.match(sku) is None:',
  '            continue',
  '        valid.append(sku)',
  '    return valid',
].join('\n');

describe('applying a quick fix from the console', () => {
  let orders: vscode.Uri;

  before(async () => {
    await activateHotpath();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    orders = await exampleFile(ORDERS);
  });

  after(async () => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === orders.toString());
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers the fix in the answer, and pressing it changes the file so that the finding goes away', async () => {
    const document = await vscode.workspace.openTextDocument(orders);
    const line = lineOf(document, 're.compile(');
    await waitForDiagnostics(orders, `the ${RULE} finding on line ${line + 1}`, (ds) => ds.some((d) => codeOf(d) === RULE && d.range.start.line === line));

    const handle = await vscode.commands.executeCommand<ConsoleHandle>('hotpath.openConsole');
    const reply = await exchange(handle, { type: 'ask', question: QUESTION }, isEntry);
    assert.ok('answer' in reply.entry, `no answer: ${JSON.stringify(reply.entry)}`);
    const { actions } = reply.entry.answer;
    const actionIndex = actions.findIndex((a) => a.kind === 'applyQuickFix');
    assert.ok(actionIndex >= 0, `the answer offers no quick fix; its actions are ${JSON.stringify(actions)}`);
    assert.equal(actions[actionIndex].label, `Apply quick fix at ${ORDERS}:${line + 1}: ${TITLE}`);

    const changed = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() !== orders.toString() || event.contentChanges.length === 0) return;
        subscription.dispose();
        resolve();
      });
    });
    await handle.receive({ type: 'runAction', entryId: reply.entry.id, actionIndex });
    await changed;
    assert.ok(document.getText().includes(`\n${FIXED}\n`), `valid_skus after the fix:\n${document.getText()}`);
    await waitForDiagnostics(orders, `no ${RULE} finding`, (ds) => !ds.some((d) => codeOf(d) === RULE));
    assert.deepEqual(hotpathDiagnostics(orders, RULE), []);
    // The fix was applied in an editor the user sees (the console, loading beside it, may take the focus).
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === orders.toString()),
      `orders.py is not shown; the editors shown are ${vscode.window.visibleTextEditors.map((e) => e.document.uri.fsPath).join(', ')}`,
    );
  });
});
