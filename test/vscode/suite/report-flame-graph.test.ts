/**
 * "Hotpath: Show Flame Graph" after importing the examples' V8 profile: the command opens the
 * panel and resolves to the tree it sent the page (its documented result), in which the hot
 * function loadCustomers has the share `hotpath profile` reports and the file and line to open.
 *
 * The file is named so that mocha runs it after profile-import.test.ts, whose first step expects
 * no profile to be shown yet; like that flow, it leaves report.cpuprofile loaded.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FlameGraphData } from '../../../server/src/protocol';
import { measuredFunction, percent } from '../../helpers/profile-figures';
import { activateHotpath, exampleFile, examplesFolder, lineOf, openExample } from './examples-workspace';

const PROFILE = 'profiles/report.cpuprofile';

const TAB_WAIT_MS = 30_000;

function flameGraphTab(label: string): vscode.Tab | undefined {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  return tabs.find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('hotpath.flameGraph') && tab.label === label);
}

/** The flame graph's tab with this label once the workbench lists it (shortly after the panel is created). */
async function waitForFlameGraphTab(label: string): Promise<vscode.Tab> {
  const found = flameGraphTab(label);
  if (found) return found;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
      reject(new Error(`no flame graph tab labelled "${label}" within ${TAB_WAIT_MS / 1000} s; the tabs are ${tabs.map((t) => t.label).join(', ')}`));
    }, TAB_WAIT_MS);
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = flameGraphTab(label);
      if (!tab) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(tab);
    });
  });
}

describe('the flame graph of report.cpuprofile', () => {
  let data: FlameGraphData | undefined;

  before(async () => {
    await activateHotpath();
    const imported = await vscode.commands.executeCommand<boolean>('hotpath.importProfile', await exampleFile(PROFILE));
    assert.equal(imported, true, 'the profile did not import');
    data = await vscode.commands.executeCommand<FlameGraphData | undefined>('hotpath.showFlameGraph');
  });

  it('opens a panel named after the profile', async () => {
    const panel = await waitForFlameGraphTab('Flame Graph: report.cpuprofile');
    assert.ok(panel.isActive, 'the flame graph is not the active tab of its group');
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
