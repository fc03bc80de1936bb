/**
 * One `initialize` per session, as the LSP spec says. A client that sends another gets an error
 * and the session goes on as the first request set it up. Answered as the library answers it, a
 * second request would replace the workspace folders and the client's capabilities, and start
 * watching the process it names as the parent, exiting when that process is not running.
 */
import { Connection, ErrorCodes, InitializeError, InitializeRequest, ResponseError } from 'vscode-languageserver/node';

/** Replaces the handler of `initialize`, once the first request is being answered, with a refusal. */
export function refuseInitializeAgain(connection: Connection, log: (message: string) => void): void {
  connection.onRequest(InitializeRequest.type, () => {
    log('Refused a second initialize request; the session goes on as the first one set it up.');
    return new ResponseError<InitializeError>(ErrorCodes.InvalidRequest, 'Hotpath is already initialized: a session takes one initialize request.', { retry: false });
  });
}
