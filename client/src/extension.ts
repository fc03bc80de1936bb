/**
 * The extension's entry point, kept small so that activation is quick. Activation only registers
 * stand-ins for the contributed commands; the language client, the server and everything that
 * draws their results (hotpath-client.ts, most of the extension's code) are loaded right after
 * activation has returned. A command run before then waits for them and runs as soon as they are
 * there, so no command is ever "not found".
 */
import * as vscode from 'vscode';
import { CONSOLE_VIEW_TYPE } from './console/view-type';
import type { RunningHotpath } from './hotpath-client';

let running: Promise<RunningHotpath> | undefined;

/** The ids of the commands package.json contributes. */
function contributedCommands(context: vscode.ExtensionContext): string[] {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
  return (manifest.contributes?.commands ?? []).map((c) => c.command);
}

/** Loads and starts the rest of the extension; esbuild keeps the module in the bundle but runs it only now. */
function start(context: vscode.ExtensionContext): RunningHotpath {
  const { startHotpath } = require('./hotpath-client') as typeof import('./hotpath-client');
  return startHotpath(context);
}

export function activate(context: vscode.ExtensionContext): void {
  const started = new Promise<RunningHotpath>((resolve, reject) => {
    setImmediate(() => {
      // The stand-ins make way for the real commands, which are registered under the same ids.
      standIns.dispose();
      try {
        resolve(start(context));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
  // Each stand-in waits until the real command is registered and then runs it with the same arguments.
  const standIns = vscode.Disposable.from(
    ...contributedCommands(context).map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        await started;
        return vscode.commands.executeCommand(id, ...args);
      }),
    ),
  );
  // The console panel survives a reload: VS Code hands it back here, and the console takes it over once it runs.
  const serializer = vscode.window.registerWebviewPanelSerializer(CONSOLE_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel) => (await started).restoreConsole(panel),
  });
  context.subscriptions.push(standIns, serializer);
  started.catch((error: Error) => vscode.window.showErrorMessage(`Hotpath could not start: ${error.message}`));
  running = started;
}

export function deactivate(): Thenable<void> | undefined {
  return running?.then(
    (hotpath) => hotpath.stop(),
    () => undefined,
  );
}
