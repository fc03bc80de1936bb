/**
 * The console's optional language model, as the provider the user chose: none (the default),
 * VS Code's Language Model API, or an OpenAI-compatible endpoint. The choice, the settings and
 * the workspace's trust are read at every call, so changing them needs no restart; in a
 * workspace that is not trusted nothing is sent.
 */
import * as vscode from 'vscode';
import type { ModelAnswerSource, ModelAvailability, ModelRequest } from './model-source';
import { EndpointSource } from './model/endpoint-source';
import { endpointSettings, modelChoice } from './model/model-settings';
import { VsCodeLmSource } from './model/vscode-lm-source';

const UNTRUSTED = 'The language model is disabled in this workspace because it is not trusted (Restricted Mode).';
const OFF = 'The language model is off: choose a provider in the user setting hotpath.console.model.';

export function createModelSource(context: vscode.ExtensionContext): ModelAnswerSource {
  const providers = { 'vscode-lm': new VsCodeLmSource(), endpoint: new EndpointSource(endpointSettings, context.secrets) };
  /** The chosen provider, or why there is none. */
  const current = (): ModelAnswerSource | string => {
    if (!vscode.workspace.isTrusted) return UNTRUSTED;
    const choice = modelChoice();
    return choice === 'off' ? OFF : providers[choice];
  };
  return {
    async availability(): Promise<ModelAvailability> {
      const source = current();
      return typeof source === 'string' ? { available: false, reason: source } : source.availability();
    },
    preview(request: ModelRequest): string {
      const source = current();
      return typeof source === 'string' ? `Nothing is sent: ${source}` : source.preview(request);
    },
    async *stream(request: ModelRequest, token: vscode.CancellationToken): AsyncGenerator<string, void, undefined> {
      const source = current();
      if (typeof source === 'string') throw new Error(source);
      yield* source.stream(request, token);
    },
  };
}
