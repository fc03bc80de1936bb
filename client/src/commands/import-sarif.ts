/**
 * "Hotpath: Import SARIF Log…": shows other tools' results (ESLint, Biome, oxlint, CodeQL…) with
 * Hotpath's diagnostics. The server reads the log; this asks for the file and says what came of it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { importSarifRequest } from '../../../server/src/protocol';
import { showRequestError } from '../request-errors';
import { filesFromArguments } from './import-profile';

const FILTERS: Record<string, string[]> = { 'SARIF logs': ['sarif', 'json'], 'All files': ['*'] };

export interface SarifImportOptions {
  /** A watched file: progress in the status bar, the outcome in the log only. */
  quiet?: boolean;
}

/** Imports one log; errors are shown to the user. Resolves to whether the import succeeded. */
export async function importSarifLog(client: LanguageClient, uri: vscode.Uri, log: vscode.LogOutputChannel, options: SarifImportOptions = {}): Promise<boolean> {
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(`Hotpath: ${uri.toString(true)} is not a file on disk; only files on disk can be imported.`);
    return false;
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const location = options.quiet ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification;
  try {
    const summary = await vscode.window.withProgress({ location, title: `Hotpath: importing ${name}…` }, () => client.sendRequest(importSarifRequest, { path: uri.fsPath }));
    log.info(`${summary.name}: ${summary.headline}.`);
    for (const warning of summary.warnings) log.warn(`${summary.name}: ${warning}.`);
    if (!options.quiet) {
      const problems = summary.warnings.length > 0 ? ` ${summary.warnings.join('; ')}.` : '';
      const show = summary.warnings.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(`Hotpath: ${summary.name}: ${summary.headline}.${problems}`);
    }
    return true;
  } catch (error) {
    showRequestError(error);
    return false;
  }
}

export function registerImportSarifCommand(client: LanguageClient, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.importSarif', async (clicked?: unknown, selection?: unknown) => {
    const files =
      filesFromArguments(clicked, selection) ??
      (await vscode.window.showOpenDialog({
        title: 'Import SARIF Log',
        openLabel: 'Import',
        canSelectMany: true,
        filters: FILTERS,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      }));
    let imported = files !== undefined && files.length > 0;
    for (const file of files ?? []) imported = (await importSarifLog(client, file, log)) && imported;
    return imported;
  });
}
