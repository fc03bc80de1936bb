/**
 * "Hotpath: Toggle Line Heat": turns the `hotpath.lineHeat.enabled` setting over, where it is set
 * (the workspace's settings when it is set there, else the user's).
 */
import * as vscode from 'vscode';

async function toggleLineHeat(): Promise<void> {
  const config = vscode.workspace.getConfiguration('hotpath');
  const on = config.get<boolean>('lineHeat.enabled', true) !== false;
  const target = config.inspect<boolean>('lineHeat.enabled')?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('lineHeat.enabled', !on, target);
  vscode.window.setStatusBarMessage(on ? 'Hotpath: line heat off' : 'Hotpath: line heat on', 3000);
}

export function registerLineHeatCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.toggleLineHeat', toggleLineHeat);
}
