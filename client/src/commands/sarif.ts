/**
 * SARIF in the editor: the commands that import other tools' logs and export Hotpath's findings,
 * and the watcher of `hotpath.sarif.files`. The server does the reading and the writing.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerExportSarifCommand } from './export-sarif';
import { registerImportSarifCommand } from './import-sarif';
import { SarifWatcher } from './sarif-watcher';

export function registerSarifFeatures(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(registerImportSarifCommand(client, log), registerExportSarifCommand(client, log), new SarifWatcher(client, log));
}
