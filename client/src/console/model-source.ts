/**
 * What the console needs from an optional language model. A provider (VS Code's language models,
 * an OpenAI-compatible endpoint) implements this; the console adds the model's text below the
 * deterministic answer, after the user has seen what is sent. With no source, or one that is not
 * available, the console shows nothing model-related.
 */
import type * as vscode from 'vscode';
export interface ModelRequest { question: string; /** The grounded context block (markdown) built by the engine. */ context: string }
export type ModelAvailability = { available: true; label: string } | { available: false; reason: string };
export interface ModelAnswerSource {
  availability(): Promise<ModelAvailability>;
  /** Exactly what would be sent, for the user to see before the first request. */
  preview(request: ModelRequest): string;
  /** The model's text as it streams; rejects with a plain-language Error on timeout or failure. */
  stream(request: ModelRequest, token: vscode.CancellationToken): AsyncIterable<string>;
}
