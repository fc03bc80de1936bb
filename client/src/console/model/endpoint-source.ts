/**
 * The console's model text from an OpenAI-compatible chat-completions endpoint that the user
 * set in their settings, with the API key kept in VS Code's secret storage for that endpoint's
 * origin only, so a key set for one server is never sent to another. Imports VS Code's types only,
 * so the tests run it against a local endpoint.
 */
import type * as vscode from 'vscode';
import type { ModelAnswerSource, ModelAvailability, ModelRequest } from '../model-source';
import { ChatLimits, chatCompletionsUrl, ModelError, streamChatCompletion } from './chat-completions';
import type { EndpointSettings } from './model-settings';
import { chatMessages, previewText, SYSTEM_PROMPT, userMessage } from './prompt';

export const SET_KEY_COMMAND_TITLE = 'Hotpath: Set Language Model API Key…';

/** The secret-storage name of the API key for an endpoint's origin. */
export function apiKeyName(url: URL): string {
  return `hotpath.console.apiKey:${url.origin}`;
}

/** Longer than any real API key: a paste of something else. */
const MAX_KEY = 4096;

/** Why a key cannot be sent in an HTTP header, or undefined when it can. */
export function keyProblem(value: string): string | undefined {
  const key = value.trim();
  if (key.length > MAX_KEY) return `A key is at most ${MAX_KEY} characters.`;
  if (/[^\x21-\x7e]/.test(key)) return 'A key holds no spaces, line breaks or characters outside ASCII.';
  return undefined;
}

/** The endpoint's URL and model, or why they cannot be used. */
function configured(settings: EndpointSettings): { url: URL; model: string } | string {
  if (!settings.endpoint) return 'No endpoint is set: put the URL of an OpenAI-compatible API in the user setting hotpath.console.endpoint.';
  let url: URL;
  try {
    url = chatCompletionsUrl(settings.endpoint);
  } catch (error) {
    return (error as Error).message;
  }
  if (!settings.model) return `No model is set for ${url.host}: put its name in the user setting hotpath.console.endpointModel.`;
  return { url, model: settings.model };
}

export class EndpointSource implements ModelAnswerSource {
  constructor(
    private readonly settings: () => EndpointSettings,
    private readonly secrets: Pick<vscode.SecretStorage, 'get'>,
    private readonly limits: Partial<ChatLimits> = {},
  ) {}

  async availability(): Promise<ModelAvailability> {
    const target = configured(this.settings());
    if (typeof target === 'string') return { available: false, reason: target };
    return { available: true, label: `${target.model} at ${target.url.host}` };
  }

  preview(request: ModelRequest): string {
    const target = configured(this.settings());
    if (typeof target === 'string') return `Nothing is sent: ${target}`;
    return previewText(
      `Sent by POST to ${target.url.href} for the model "${target.model}", with the API key stored for ${target.url.origin} if one is set (in the Authorization header, not shown here):`,
      [
        { label: 'Instructions (system message)', content: SYSTEM_PROMPT },
        { label: 'Context and question (user message)', content: userMessage(request) },
      ],
    );
  }

  async *stream(request: ModelRequest, token: vscode.CancellationToken): AsyncGenerator<string, void, undefined> {
    const target = configured(this.settings());
    if (typeof target === 'string') throw new Error(target);
    const messages = chatMessages(request);
    const apiKey = await this.secrets.get(apiKeyName(target.url));
    const cancel = new AbortController();
    const listener = token.onCancellationRequested(() => cancel.abort());
    if (token.isCancellationRequested) cancel.abort();
    try {
      yield* streamChatCompletion({ url: target.url, model: target.model, apiKey, messages, signal: cancel.signal, limits: this.limits });
    } catch (error) {
      if (error instanceof ModelError && (error.status === 401 || error.status === 403)) {
        const hint = apiKey ? 'Check the API key' : `No API key is stored for ${target.url.origin}`;
        throw new ModelError('http', `${error.message} ${hint}: set it with "${SET_KEY_COMMAND_TITLE}".`, error.status);
      }
      throw error;
    } finally {
      listener.dispose();
    }
  }
}
