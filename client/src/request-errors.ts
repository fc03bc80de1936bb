/**
 * What the user sees when a request to the server fails. The server's message already names the
 * file and the problem, so it is shown as it is; a request the user cancelled says nothing.
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError } from 'vscode-languageclient/node';

/** True when the request failed because it was cancelled. */
export function wasCancelled(error: unknown): boolean {
  return error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
}

/** The message of an error from the server or the client library. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Shows a failed request's message as an error notification, unless it was cancelled. */
export function showRequestError(error: unknown): void {
  if (wasCancelled(error)) return;
  void vscode.window.showErrorMessage(`Hotpath: ${errorMessage(error)}`);
}
