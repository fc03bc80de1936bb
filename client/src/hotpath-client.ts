/**
 * Everything the extension runs once it is active: the Hotpath language server (started through
 * the language client), the status bar item, the commands and the profile features. All
 * analysis happens in the server. The entry point (extension.ts) loads this module right after
 * activation, so that the code of the language client is not loaded while VS Code waits.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { InitializationOptions, rescanRequest, scanStatusNotification } from '../../server/src/protocol';
import { registerCompareBenchmarksCommand } from './commands/compare-benchmarks';
import { registerOpenConsoleCommands } from './commands/open-console';
import { registerOpenExample } from './commands/open-example';
import { registerSarifFeatures } from './commands/sarif';
import { ConsoleController } from './console/console-panel';
import { createModelSource } from './console/create-model-source';
import { registerApiKeyCommand } from './console/model/api-key-command';
import { registerProfileFeatures } from './profiles/profile-features';
import { ScanStatusItem } from './status';

export const LANGUAGES = ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'java'];

/** The running extension, for deactivation. */
export interface RunningHotpath {
  stop(): Thenable<void>;
  /** Takes over the console panel VS Code restores after a reload. */
  restoreConsole(panel: vscode.WebviewPanel): void;
}

export function startHotpath(context: vscode.ExtensionContext): RunningHotpath {
  const output = vscode.window.createOutputChannel('Hotpath', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = {
    settings: vscode.workspace.getConfiguration('hotpath'),
    diagnosticsInHover: true,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    initializationOptions,
  };
  const client = new LanguageClient('hotpath', 'Hotpath', serverOptions, clientOptions);
  const status = new ScanStatusItem();
  context.subscriptions.push(
    output,
    status,
    client.onNotification(scanStatusNotification, (s) => status.update(s)),
    vscode.commands.registerCommand('hotpath.rescan', () => client.sendRequest(rescanRequest)),
    vscode.commands.registerCommand('hotpath.showOutput', () => output.show()),
    vscode.commands.registerCommand('hotpath.restartServer', () => client.restart()),
    registerCompareBenchmarksCommand(client),
    registerOpenExample(context),
    registerApiKeyCommand(context),
  );
  const profiles = registerProfileFeatures(context, client, output);
  registerSarifFeatures(context, client, output);
  // The model is optional and off by default: with none chosen the console answers from the loaded data alone.
  const optimizationConsole = new ConsoleController(context, client, profiles, output, createModelSource(context));
  context.subscriptions.push(optimizationConsole, registerOpenConsoleCommands(optimizationConsole));
  // Starting the server is not awaited: diagnostics follow when it is up.
  client.start().catch((error: unknown) => output.error(`The Hotpath server did not start: ${String(error)}`));
  return { stop: () => client.stop(), restoreConsole: (panel) => optimizationConsole.restore(panel) };
}
