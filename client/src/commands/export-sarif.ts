/**
 * "Hotpath: Export Findings as SARIF": the findings shown now (Hotpath's, with imported ones in
 * their own runs and measured heat in each result's properties), written as a SARIF 2.1.0 log to
 * the file the command is given or the one chosen in a save dialog.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportSarifRequest } from '../../../server/src/protocol';
import { showRequestError } from '../request-errors';

export function registerExportSarifCommand(client: LanguageClient, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.exportSarif', async (target?: unknown) => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({
            title: 'Export Findings as SARIF',
            saveLabel: 'Export',
            filters: { 'SARIF logs': ['sarif'] },
            defaultUri: folder ? vscode.Uri.joinPath(folder, 'hotpath.sarif') : undefined,
          });
    if (!uri) return false;
    try {
      const { log: sarifLog, results } = await client.sendRequest(exportSarifRequest);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(sarifLog, null, 2)}\n`));
      log.info(`Exported ${results} findings to ${uri.fsPath}.`);
      void vscode.window.showInformationMessage(`Hotpath: exported ${results} finding${results === 1 ? '' : 's'} to ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}.`);
      return true;
    } catch (error) {
      showRequestError(error);
      return false;
    }
  });
}
