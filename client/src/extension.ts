/**
 * The extension's entry point: starts the Hotpath language server and registers the commands
 * and the status bar item. All analysis happens in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { InitializationOptions, rescanRequest, scanStatusNotification } from '../../server/src/protocol';
import { registerProfileFeatures } from './profiles/profile-features';
import { ScanStatusItem } from './status';

export const LANGUAGES = ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'java'];

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
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
  client = new LanguageClient('hotpath', 'Hotpath', serverOptions, clientOptions);
  const status = new ScanStatusItem();
  context.subscriptions.push(
    output,
    status,
    client.onNotification(scanStatusNotification, (s) => status.update(s)),
    vscode.commands.registerCommand('hotpath.rescan', () => client?.sendRequest(rescanRequest)),
    vscode.commands.registerCommand('hotpath.showOutput', () => output.show()),
    vscode.commands.registerCommand('hotpath.restartServer', () => client?.restart()),
  );
  registerProfileFeatures(context, client, output);
  // Starting the server is not awaited: activation stays fast, diagnostics follow when it is up.
  client.start().catch((error: unknown) => output.error(`The Hotpath server did not start: ${String(error)}`));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
