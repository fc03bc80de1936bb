/**
 * "Hotpath: Import Profile…": reads one or more profile files into the server, from the Explorer's
 * context menu, from a caller that passes a file, or from a file picker.
 */
import * as vscode from 'vscode';
import { importProfileRequest } from '../../../server/src/protocol';
import type { LoadedProfiles } from '../profiles/loaded-profiles';
import { showRequestError } from '../request-errors';

/**
 * The picker's filters. The server recognizes a format by the file's content, not its name, so
 * "All files" is offered too (callgrind.out.1234 has no extension to filter on).
 */
const FILTERS: Record<string, string[]> = {
  Profiles: ['cpuprofile', 'heapprofile', 'pprof', 'pb', 'gz', 'prof', 'jfr', 'folded', 'collapsed', 'perf', 'txt', 'json'],
  'All files': ['*'],
};

export interface ImportOptions {
  /** Show progress in the status bar instead of a notification, and no advice afterwards (for watched files). */
  quiet?: boolean;
  /** Cancels the import, besides the notification's Cancel button. */
  token?: vscode.CancellationToken;
}

/**
 * Imports one file and makes it the shown profile. Errors are shown to the user; the result says
 * whether the import succeeded.
 */
export async function importProfile(profiles: LoadedProfiles, uri: vscode.Uri, options: ImportOptions = {}): Promise<boolean> {
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(`Hotpath: ${uri.toString(true)} is not a file on disk; only files on disk can be imported as profiles.`);
    return false;
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const location = options.quiet ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification;
  try {
    await vscode.window.withProgress({ location, title: `Hotpath: importing ${name}…`, cancellable: true }, (_progress, cancel) =>
      whileEitherIsLive(cancel, options.token, (token) => profiles.update(importProfileRequest, { path: uri.fsPath }, token)),
    );
  } catch (error) {
    showRequestError(error);
    return false;
  }
  if (!options.quiet) offerPathMappingAdvice(profiles);
  return true;
}

/** Runs `work` with a token that is cancelled when either `a` or `b` is. */
async function whileEitherIsLive<T>(
  a: vscode.CancellationToken,
  b: vscode.CancellationToken | undefined,
  work: (token: vscode.CancellationToken) => Promise<T>,
): Promise<T> {
  const source = new vscode.CancellationTokenSource();
  const links = [a, b].map((token) => token?.onCancellationRequested(() => source.cancel()));
  if (a.isCancellationRequested || b?.isCancellationRequested) source.cancel();
  try {
    return await work(source.token);
  } finally {
    for (const link of links) link?.dispose();
    source.dispose();
  }
}

/** When few of the profile's functions matched workspace files, says so and how to fix it. */
function offerPathMappingAdvice(profiles: LoadedProfiles): void {
  const active = profiles.active;
  const advice = active?.coverage.advice;
  if (!active || !advice) return;
  const open = 'Open Settings';
  void vscode.window.showWarningMessage(`Hotpath: ${active.name}: ${advice}`, open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'hotpath.profile.pathMappings');
  });
}

/** The files a command invocation names: the Explorer passes the clicked file and the selection. */
export function filesFromArguments(clicked: unknown, selection: unknown): vscode.Uri[] | undefined {
  if (Array.isArray(selection) && selection.length > 0 && selection.every((u) => u instanceof vscode.Uri)) return selection as vscode.Uri[];
  if (clicked instanceof vscode.Uri) return [clicked];
  return undefined;
}

export function registerImportProfileCommand(profiles: LoadedProfiles): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.importProfile', async (clicked?: unknown, selection?: unknown) => {
    const files =
      filesFromArguments(clicked, selection) ??
      (await vscode.window.showOpenDialog({
        title: 'Import Profile',
        openLabel: 'Import',
        canSelectMany: true,
        filters: FILTERS,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      }));
    // Imported one after another: the last one is shown, and a failure names its own file.
    let imported = files !== undefined && files.length > 0;
    for (const file of files ?? []) imported = (await importProfile(profiles, file)) && imported;
    return imported;
  });
}
