/**
 * "Hotpath: Open Optimization Console" and "Hotpath: Show Flame Graph", which open the console's
 * panel on its Ask and Flame Graph tabs.
 *
 * The console command returns the console's handle (see ConsoleHandle), through which the
 * extension-host tests post the page's messages; run from the palette, the value is ignored. Run
 * with `{ question }` (the code lens above a measured function: "why is X slow?"), it asks that
 * question and resolves once the answer is in the transcript. The flame graph command resolves
 * to the graph the tab was sent, which lets tests and other extensions see what it draws.
 */
import * as vscode from 'vscode';
import type { ConsoleController } from '../console/console-panel';

/** The question in the command's argument, unchecked: the console checks it like a question typed into the page. */
function questionOf(argument: unknown): unknown {
  return typeof argument === 'object' && argument !== null && 'question' in argument ? argument.question : undefined;
}

export function registerOpenConsoleCommands(controller: ConsoleController): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('hotpath.openConsole', (argument?: unknown) => {
      const question = questionOf(argument);
      return question === undefined ? controller.openAsk() : controller.openOn(question);
    }),
    vscode.commands.registerCommand('hotpath.showFlameGraph', () => controller.showFlameGraph()),
  );
}
