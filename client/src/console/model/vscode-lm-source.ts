/**
 * The console's model text from a chat model that VS Code offers through its Language Model API
 * (Copilot's, or another extension's). VS Code asks the user's consent the first time; its API
 * has no system messages, so the instructions go as the first user message, and the preview says
 * so. The reply is held to the same time and size limits as an endpoint's.
 */
import * as vscode from 'vscode';
import type { ModelAnswerSource, ModelAvailability, ModelRequest } from '../model-source';
import { ModelError } from './chat-completions';
import { previewText, SYSTEM_PROMPT, userMessage } from './prompt';
import { guardReply } from './reply-guard';

const JUSTIFICATION = "Hotpath's optimization console sends your question with the figures, findings and code it shows you, to explain them below its own answer.";

/** VS Code's reasons for refusing a request, in words. */
function plainError(error: unknown, label: string): Error {
  if (error instanceof ModelError) return error;
  if (error instanceof vscode.LanguageModelError) {
    if (error.code === vscode.LanguageModelError.NoPermissions.name) return new Error(`VS Code did not allow Hotpath to use ${label}: consent was not given.`);
    if (error.code === vscode.LanguageModelError.Blocked.name) return new Error(`${label} refused the request (blocked, for example because a quota was reached): ${error.message}`);
    if (error.code === vscode.LanguageModelError.NotFound.name) return new Error(`${label} is no longer available.`);
  }
  return new Error(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
}

function labelOf(model: vscode.LanguageModelChat): string {
  return `${model.name} (${model.vendor})`;
}

export class VsCodeLmSource implements ModelAnswerSource {
  /** The model chosen last, for the preview's heading. */
  private chosen: string | undefined;

  private async pick(): Promise<vscode.LanguageModelChat | undefined> {
    const [model] = await vscode.lm.selectChatModels();
    this.chosen = model && labelOf(model);
    return model;
  }

  async availability(): Promise<ModelAvailability> {
    const model = await this.pick();
    if (!model) return { available: false, reason: 'VS Code offers no language model: install and sign in to an extension that provides one (such as GitHub Copilot Chat), or choose "endpoint" in hotpath.console.model.' };
    return { available: true, label: `${labelOf(model)}, through VS Code` };
  }

  preview(request: ModelRequest): string {
    return previewText(`Sent through VS Code's Language Model API to ${this.chosen ?? 'the first chat model VS Code offers'}, as two user messages (the API has no system messages):`, [
      { label: 'Instructions (first user message)', content: SYSTEM_PROMPT },
      { label: 'Context and question (second user message)', content: userMessage(request) },
    ]);
  }

  async *stream(request: ModelRequest, token: vscode.CancellationToken): AsyncGenerator<string, void, undefined> {
    const messages = [vscode.LanguageModelChatMessage.User(SYSTEM_PROMPT), vscode.LanguageModelChatMessage.User(userMessage(request))];
    const model = await this.pick();
    if (!model) throw new Error('VS Code offers no language model now.');
    const label = labelOf(model);
    // Cancelled by the user's token, or by the guard when a limit is passed.
    const cancel = new vscode.CancellationTokenSource();
    const listener = token.onCancellationRequested(() => cancel.cancel());
    try {
      if (token.isCancellationRequested) return;
      let response: vscode.LanguageModelChatResponse;
      try {
        response = await model.sendRequest(messages, { justification: JUSTIFICATION }, cancel.token);
      } catch (error) {
        if (token.isCancellationRequested) return;
        throw plainError(error, label);
      }
      try {
        for await (const piece of guardReply(response.text, label, () => cancel.cancel())) {
          if (token.isCancellationRequested) return;
          yield piece;
        }
      } catch (error) {
        if (token.isCancellationRequested) return;
        throw plainError(error, label);
      }
    } finally {
      listener.dispose();
      cancel.dispose();
    }
  }
}
