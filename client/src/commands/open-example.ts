/**
 * "Hotpath: Open the Example Workspace": the small workspace shipped with the extension
 * (examples/: planted bottlenecks in each language, the programs that make them hot and their
 * recorded profiles), copied to the extension's global storage and opened, so that the Getting
 * Started walkthrough works on files the user may edit. An existing copy is opened as it is, so
 * that the user's edits to it are kept; "Start over" replaces it.
 */
import * as vscode from 'vscode';

const START_OVER = 'Start over';
const OPEN = 'Open my copy';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function openExampleWorkspace(context: vscode.ExtensionContext): Promise<void> {
  const shipped = vscode.Uri.joinPath(context.extensionUri, 'examples');
  const copy = vscode.Uri.joinPath(context.globalStorageUri, 'examples');
  if (await exists(copy)) {
    const choice = await vscode.window.showInformationMessage(
      'You have opened the example workspace before. Open your copy as you left it, or start over from the original?',
      OPEN,
      START_OVER,
    );
    if (choice === undefined) return;
    if (choice === START_OVER) await vscode.workspace.fs.delete(copy, { recursive: true });
  }
  if (!(await exists(copy))) {
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    await vscode.workspace.fs.copy(shipped, copy);
  }
  await vscode.commands.executeCommand('vscode.openFolder', copy, { forceNewWindow: false });
}

export function registerOpenExample(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.openExample', () => openExampleWorkspace(context));
}
