/**
 * Hotpath's own messages between the extension (client) and the language server, beyond LSP.
 * The client imports this file; docs/protocol.md describes each message.
 */
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

/** What the server is doing, for the status bar. */
export interface ScanStatus {
  state: 'scanning' | 'idle';
  /** Files analyzed in the workspace (open files included). */
  files: number;
  /** Files left out, with reasons in the log. */
  skipped: number;
  findings: number;
}

/** Sent by the server whenever a scan starts, ends, or the count of findings changes. */
export const scanStatusNotification = new NotificationType<ScanStatus>('hotpath/scanStatus');

/** Sent by the client (command "Hotpath: Rescan Workspace"): scan the workspace again from disk. */
export const rescanRequest = new RequestType0<void, void>('hotpath/rescan');

/** Options the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** The `hotpath` settings, for clients that do not answer `workspace/configuration`. */
  settings?: unknown;
  /**
   * True when the editor already shows a diagnostic's message in the hover over it (VS Code
   * does), so Hotpath's hover leaves the message out instead of repeating it.
   */
  diagnosticsInHover?: boolean;
}
