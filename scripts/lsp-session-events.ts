/**
 * What an LspSession records of the server: each notification and request, in order of arrival,
 * and how a wait that failed describes what it saw.
 */
import type {
  ConfigurationItem,
  LogMessageParams,
  PublishDiagnosticsParams,
  Registration,
  ShowMessageParams,
  WorkDoneProgressBegin,
  WorkDoneProgressEnd,
  WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import type { ScanStatus } from '../server/src/protocol';

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** Everything the server sent or asked, in the order it arrived. */
export type SessionEvent =
  | { kind: 'diagnostics'; params: PublishDiagnosticsParams }
  | { kind: 'progress'; token: string | number; value: ProgressValue }
  | { kind: 'status'; status: ScanStatus }
  | { kind: 'log'; params: LogMessageParams }
  | { kind: 'message'; params: ShowMessageParams }
  | { kind: 'configuration'; items: ConfigurationItem[] }
  | { kind: 'registration'; registration: Registration }
  | { kind: 'exit'; code: number | null; signal: string | null };

export type EventOf<K extends SessionEvent['kind']> = Extract<SessionEvent, { kind: K }>;

/** A value for an error message, cut at 2,000 characters. */
export function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
