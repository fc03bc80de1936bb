/**
 * The console's language model settings, read so that a workspace can neither turn the model on
 * nor redirect it: the endpoint and its model name come from the user's settings only (they are
 * also declared with application scope), and `hotpath.console.model` from a workspace counts
 * only when it turns the model off.
 */
import * as vscode from 'vscode';

export type ModelChoice = 'off' | 'vscode-lm' | 'endpoint';

const CHOICES: readonly ModelChoice[] = ['off', 'vscode-lm', 'endpoint'];

export interface EndpointSettings {
  /** `hotpath.console.endpoint`, as the user wrote it ('' when unset). */
  endpoint: string;
  /** `hotpath.console.endpointModel` ('' when unset). */
  model: string;
}

function userValue(key: string): unknown {
  return vscode.workspace.getConfiguration('hotpath.console').inspect(key)?.globalValue;
}

/** The provider chosen; an unknown value counts as off. */
export function modelChoice(): ModelChoice {
  const inspected = vscode.workspace.getConfiguration('hotpath.console').inspect('model');
  const workspace = [inspected?.workspaceFolderValue, inspected?.workspaceValue];
  if (workspace.includes('off')) return 'off';
  const user = inspected?.globalValue;
  return CHOICES.find((c) => c === user) ?? 'off';
}

export function endpointSettings(): EndpointSettings {
  const endpoint = userValue('endpoint');
  const model = userValue('endpointModel');
  return { endpoint: typeof endpoint === 'string' ? endpoint.trim() : '', model: typeof model === 'string' ? model.trim() : '' };
}
