/**
 * Where the console's optional language model text comes from. The console controller sees only
 * this interface; createModelSource (create-model-source.ts) picks the provider the user chose:
 * VS Code's Language Model API or an OpenAI-compatible endpoint.
 */
import type * as vscode from 'vscode';

/** What a language model is asked: the user's question and the context the engine built for it. */
export interface ModelRequest {
  question: string;
  /** The grounded context block (markdown) built by the engine. */
  context: string;
}

/** Whether a model can be asked now: its label for the transcript, or why not, in plain words. */
export type ModelAvailability = { available: true; label: string } | { available: false; reason: string };

export interface ModelAnswerSource {
  availability(): Promise<ModelAvailability>;
  /** Exactly what would be sent, for the user to see before the first request. */
  preview(request: ModelRequest): string;
  /**
   * The model's text as it streams; rejects with a plain-language Error on timeout or failure.
   * Once the token is cancelled the request is stopped and the iteration ends without an error.
   */
  stream(request: ModelRequest, token: vscode.CancellationToken): AsyncIterable<string>;
}
