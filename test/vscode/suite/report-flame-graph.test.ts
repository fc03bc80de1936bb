/**
 * "Hotpath: Show Flame Graph" after importing the examples' V8 profile: the command opens the
 * console on its Flame Graph tab and resolves to the tree it sent the page (its documented
 * result), in which the hot function loadCustomers has the share `hotpath profile` reports and
 * the file and line to open. The page, shown on that tab, asks for the graph and is sent it.
 *
 * The file is named so that mocha runs it after profile-import.test.ts, whose first step expects
 * no profile to be shown yet; like that flow, it leaves report.cpuprofile loaded.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConsoleHandle } from '../../../client/src/console/console-panel';
import type { ToWebview } from '../../../client/src/console/messages';
import type { FlameGraphData } from '../../../server/src/protocol';
import { measuredFunction, percent } from '../../helpers/profile-figures';
import { activateHotpath, exampleFile, examplesFolder, lineOf, openExample } from './examples-workspace';

const PROFILE = 'profiles/report.cpuprofile';

const TAB_WAIT_MS = 30_000;
/** Time for the workbench's message that the closed panel is disposed to reach the extension. */
const CLOSE_SETTLE_MS = 500;

function consoleTab(label: string): vscode.Tab | undefined {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  return tabs.find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('hotpath.console') && tab.label === label);
}

/** The console's tab with this label once the workbench lists it (shortly after the panel is created). */
async function waitForConsoleTab(label: string): Promise<vscode.Tab> {
  const found = consoleTab(label);
  if (found) return found;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
      reject(new Error(`no console tab labelled "${label}" within ${TAB_WAIT_MS / 1000} s; the tabs are ${tabs.map((t) => t.label).join(', ')}`));
    }, TAB_WAIT_MS);
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = consoleTab(label);
      if (!tab) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(tab);
    });
  });
}

/** Resolves once the workbench lists no console tab and the extension has heard that the panel closed. */
async function consoleClosed(): Promise<void> {
  const started = Date.now();
  while (consoleTab('Hotpath Console') && Date.now() - started < TAB_WAIT_MS) await new Promise((resolve) => setTimeout(resolve, 50));
  // The panel's own closing reaches the extension as a separate message from the tab's.
  await new Promise((resolve) => setTimeout(resolve, CLOSE_SETTLE_MS));
}

type FlameGraphMessage = Extract<ToWebview, { type: 'flameGraph' }>;

describe('the flame graph of report.cpuprofile', () => {
  let data: FlameGraphData | undefined;
  /** The first graph sent to the page, once the page has shown the tab and asked for it. */
  let sent: Promise<FlameGraphMessage>;

  before(async () => {
    await activateHotpath();
    const imported = await vscode.commands.executeCommand<boolean>('hotpath.importProfile', await exampleFile(PROFILE));
    assert.equal(imported, true, 'the profile did not import');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The console of an earlier test closes in the workbench first and in the extension after:
    // opened again before it is gone, it would be the closing panel that is shown.
    await consoleClosed();
    const handle = await vscode.commands.executeCommand<ConsoleHandle>('hotpath.openConsole');
    sent = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the page was sent no flame graph within ${TAB_WAIT_MS / 1000} s`)), TAB_WAIT_MS);
      const subscription = handle.onDidPost((m) => {
        if (m.type !== 'flameGraph') return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(m);
      });
    });
    data = await vscode.commands.executeCommand<FlameGraphData | undefined>('hotpath.showFlameGraph');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the console, whose page asks for the graph on its Flame Graph tab and is sent the tree', async () => {
    const panel = await waitForConsoleTab('Hotpath Console');
    assert.ok(panel.isActive, 'the console is not the active tab of its group');
    const message = await sent;
    assert.equal(message.message.type, 'show');
    assert.deepEqual(message.message.type === 'show' ? message.message.data : undefined, data);
  });

  it('sends the page the tree, with loadCustomers at its measured share and its place in report.js', async () => {
    assert.ok(data, 'the command resolved to no tree');
    assert.equal(data.profile, 'report.cpuprofile');
    const extension = await activateHotpath();
    const measured = measuredFunction(path.join(extension.extensionPath, 'dist', 'cli.js'), (await exampleFile(PROFILE)).fsPath, examplesFolder().fsPath, 'loadCustomers');
    const func = data.functions.findIndex((fn) => fn.name === 'loadCustomers');
    assert.ok(func >= 0, 'no loadCustomers in the tree');
    // loadCustomers does not call itself, so its total is the sum of its frames.
    const nodes = data.nodes.func.flatMap((f, node) => (f === func ? [node] : []));
    const share = (nodes.reduce((sum, node) => sum + data!.nodes.total[node], 0) / data.nodes.total[0]) * 100;
    assert.equal(percent(share), percent(measured.totalPercent));
    const report = await openExample('javascript/report.js');
    assert.equal(vscode.Uri.parse(data.functions[func].uri ?? '').fsPath, report.uri.fsPath);
    assert.equal(data.functions[func].line, lineOf(report, 'function loadCustomers'));
    assert.equal(data.functions[func].origin, 'ours');
  });
});
