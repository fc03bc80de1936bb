/**
 * The workspace the suite runs in: a copy of examples/ opened as the only folder, and Hotpath
 * activated in it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'hotpath.hotpath';

/** The examples folder the runner opened. */
export function examplesFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no folder is open: the runner must open a copy of examples/');
  return folder.uri;
}

/** A file of the examples, which must exist. */
export async function exampleFile(relativePath: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(examplesFolder(), ...relativePath.split('/'));
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    assert.fail(`${uri.fsPath} does not exist: is the open folder a copy of examples/?`);
  }
  return uri;
}

/** Opens a file in an editor, as a person does, and gives its document. */
export async function openExample(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(await exampleFile(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The 0-based number of the only line of `document` that contains `text`. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  const lines = document.getText().split(/\r?\n/);
  const found = lines.flatMap((line, i) => (line.includes(text) ? [i] : []));
  assert.equal(found.length, 1, `expected one line with "${text}" in ${document.uri.fsPath}, found ${found.length}`);
  return found[0];
}

/** Activates Hotpath (VS Code may have done so already) and gives the extension. */
export async function activateHotpath(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded: the runner must pass the repository as extensionDevelopmentPath`);
  await extension.activate();
  return extension;
}
