/**
 * "Hotpath: Set Language Model API Key…": asks for the key of the endpoint in the user's
 * settings and keeps it in VS Code's secret storage under that endpoint's origin, never in
 * settings. An empty entry removes the stored key.
 */
import * as vscode from 'vscode';
import { chatCompletionsUrl } from './chat-completions';
import { apiKeyName, keyProblem } from './endpoint-source';
import { endpointSettings } from './model-settings';

export function registerApiKeyCommand(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('hotpath.console.setApiKey', async () => {
    const { endpoint } = endpointSettings();
    if (!endpoint) {
      const open = await vscode.window.showWarningMessage('Set the endpoint first (user setting hotpath.console.endpoint): the key is kept for it.', 'Open Settings');
      if (open) await vscode.commands.executeCommand('workbench.action.openSettings', 'hotpath.console.endpoint');
      return false;
    }
    let url: URL;
    try {
      url = chatCompletionsUrl(endpoint);
    } catch (error) {
      void vscode.window.showErrorMessage(`Hotpath: ${(error as Error).message}`);
      return false;
    }
    const value = await vscode.window.showInputBox({
      title: 'Language Model API Key',
      prompt: `The key for ${url.origin}. It is kept in VS Code's secret storage and sent only to that origin. Leave empty to remove the stored key.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: keyProblem,
    });
    if (value === undefined) return false;
    const name = apiKeyName(url);
    if (value.trim() === '') {
      await context.secrets.delete(name);
      void vscode.window.showInformationMessage(`Hotpath: removed the API key for ${url.origin}.`);
    } else {
      await context.secrets.store(name, value.trim());
      void vscode.window.showInformationMessage(`Hotpath: stored the API key for ${url.origin}.`);
    }
    return true;
  });
}
