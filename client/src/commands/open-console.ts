/**
 * "Hotpath: Open Optimization Console": shows the console panel. The command returns the
 * console's handle (see ConsoleHandle), through which the extension-host tests post the page's
 * messages; run from the palette, the value is ignored.
 */
import * as vscode from 'vscode';
import type { ConsoleController } from '../console/console-panel';

export function registerOpenConsoleCommand(controller: ConsoleController): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.openConsole', () => controller.open());
}
