/**
 * A small LSP client for our own tooling (the LSP tests, the demo, benchmarks): it starts the
 * language server over stdio, answers the server's requests the way an editor does, and records
 * what the server sends so callers can wait for it. Waiting is driven by the messages themselves:
 * every wait re-checks its condition when something arrives, and fails with what was seen when
 * its time runs out or the server exits.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionRequest,
  ClientCapabilities,
  ConfigurationItem,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileEvent,
  Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  LogMessageNotification,
  Position,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  UnregistrationRequest,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  WorkspaceFoldersRequest,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ScanStatus, scanStatusNotification } from '../server/src/protocol';
import { languageIdForPath, positionOf } from './lsp-text';

import { describeValue, EventOf, ProgressValue, SessionEvent } from './lsp-session-events';
import { sectionValue, Settings } from './lsp-settings';

export { positionOf, rangeOf } from './lsp-text';
export type { ProgressValue, SessionEvent, Settings };

/** The bundled server of this repository, from out/scripts/ or scripts/. */
export const BUNDLED_SERVER = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

export interface SessionOptions {
  /** The server's script, run with the current Node; defaults to the bundled dist/server.js. */
  serverPath?: string;
  args?: string[];
  cwd?: string;
  /** What `workspace/configuration` answers, by section; change it later with `setSettings`. */
  settings?: Settings;
  /** Answers one configuration item; overrides `settings` (e.g. to answer per `scopeUri`). */
  configuration?: (item: ConfigurationItem, settings: Settings) => unknown;
  /** How long a wait lasts unless the call gives its own limit. */
  timeoutMs?: number;
}

/** Which client features to announce in `initialize`; all are on unless turned off. */
export interface CapabilityOptions {
  configuration?: boolean;
  didChangeConfigurationRegistration?: boolean;
  watchedFilesRegistration?: boolean;
  workDoneProgress?: boolean;
}


const DEFAULT_TIMEOUT_MS = 15_000;

export class LspSession {
  readonly connection: ProtocolConnection;
  readonly events: SessionEvent[] = [];
  private readonly process: ChildProcess;
  private readonly documents = new Map<string, TextDocument>();
  private readonly listeners = new Set<() => void>();
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private stderrText = '';
  private folders: string[] = [];
  private settings: Settings;
  private exited?: EventOf<'exit'>;

  constructor(private readonly options: SessionOptions = {}) {
    const serverPath = options.serverPath ?? BUNDLED_SERVER;
    if (!fs.existsSync(serverPath)) {
      throw new Error(`The language server ${serverPath} does not exist: run "npm run build" first.`);
    }
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [serverPath, ...(options.args ?? ['--stdio'])], {
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr!.setEncoding('utf8');
    this.process.stderr!.on('data', (chunk: string) => (this.stderrText += chunk));
    this.process.on('exit', (code, signal) => this.record({ kind: 'exit', code, signal }));
    // A server that dies makes writes fail; the exit event already tells the waiters.
    this.process.stdin!.on('error', () => undefined);
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.answerServerRequests();
    this.recordNotifications();
    this.connection.listen();
  }

  /** What the server wrote to stderr so far. */
  get stderr(): string {
    return this.stderrText;
  }

  /** The server's process id, for tools that measure it. */
  get pid(): number | undefined {
    return this.process.pid;
  }

  /** The position in the event log; pass it to waits that must only see later events. */
  mark(): number {
    return this.events.length;
  }

  eventsOf<K extends SessionEvent['kind']>(kind: K, since = 0): EventOf<K>[] {
    return this.events.slice(since).filter((e): e is EventOf<K> => e.kind === kind);
  }

  logs(since = 0): string[] {
    return this.eventsOf('log', since).map((e) => e.params.message);
  }

  /** The diagnostics the server last published for a URI. */
  diagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.latest.get(uri);
  }

  /** The last published diagnostics of every URI that has some. */
  allDiagnostics(): PublishDiagnosticsParams[] {
    return [...this.latest.values()].filter((p) => p.diagnostics.length > 0);
  }

  async initialize(folders: string[], capabilities: CapabilityOptions = {}, initializationOptions?: unknown): Promise<InitializeResult> {
    this.folders = folders;
    const on = (flag: boolean | undefined) => flag !== false;
    const clientCapabilities: ClientCapabilities = {
      workspace: {
        configuration: on(capabilities.configuration),
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: on(capabilities.didChangeConfigurationRegistration) },
        didChangeWatchedFiles: { dynamicRegistration: on(capabilities.watchedFilesRegistration) },
      },
      window: { workDoneProgress: on(capabilities.workDoneProgress), showMessage: {} },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
      },
    };
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders.length > 0 ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      capabilities: clientCapabilities,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Opens a file (by path or URI) with the given text, or its text on disk; returns its URI. */
  async open(file: string, text?: string, languageId?: string): Promise<string> {
    const uri = file.includes('://') ? file : pathToFileURL(file).href;
    const content = text ?? fs.readFileSync(file, 'utf8');
    const language = languageId ?? languageIdForPath(file);
    const document = TextDocument.create(uri, language, 1, content);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: language, version: 1, text: content },
    });
    return uri;
  }

  /** The text of an open document as this client holds it after its edits. */
  text(uri: string): string {
    return this.document(uri).getText();
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  /** Sends edits (applied in order, as one didChange) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const before = this.document(uri);
    const after = TextDocument.update(before, changes, before.version + 1);
    this.documents.set(uri, after);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: after.version },
      contentChanges: changes,
    });
    return after.version;
  }

  /** Inserts text at the start of the line holding `anchor`. */
  insertLineAbove(uri: string, anchor: string, line: string): Promise<number> {
    const at = { line: positionOf(this.text(uri), anchor).line, character: 0 };
    return this.change(uri, [{ range: { start: at, end: at }, text: line }]);
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Replaces the settings the client answers with, and tells the server they changed. */
  /** The code actions the server offers over a range, with the diagnostics the client shows there. */
  async codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    const diagnostics = (this.latest.get(uri)?.diagnostics ?? []).filter(
      (d) => !(d.range.end.line < range.start.line || d.range.start.line > range.end.line),
    );
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
    return (result ?? []).filter((a): a is CodeAction => 'kind' in a || 'edit' in a);
  }

  async setSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async didChangeWatchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /**
   * Resolves with the first value `check` returns that is not undefined, checking now and after
   * each message from the server. Rejects when the time runs out or the server exits.
   */
  waitUntil<T>(what: string, check: () => T | undefined, timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, context?: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (reason: string) => {
        cleanup();
        const seen = context ? `\n${context()}` : '';
        const stderr = this.stderrText ? `\nServer stderr:\n${this.stderrText.slice(-4000)}` : '';
        reject(new Error(`${reason} while waiting for ${what}.${seen}${stderr}`));
      };
      const test = () => {
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          return fail(`the check threw ${error instanceof Error ? error.message : String(error)}`);
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        } else if (this.exited) {
          fail(`the server exited (code ${this.exited.code}, signal ${this.exited.signal})`);
        }
      };
      const timer = setTimeout(() => fail(`${timeoutMs} ms passed`), timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(test);
      };
      this.listeners.add(test);
      test();
    });
  }

  /** Waits until the diagnostics last published for `uri` satisfy `predicate`. */
  waitForDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitUntil(
      `diagnostics of ${uri}`,
      () => {
        const params = this.latest.get(uri);
        return params && predicate(params) ? params : undefined;
      },
      timeoutMs,
      () => `Last diagnostics published for it: ${describeValue(this.latest.get(uri) ?? 'none')}`,
    );
  }

  /** Waits for a log message (window/logMessage) after `since` that matches. */
  waitForLog(pattern: RegExp | string, since = 0, timeoutMs?: number): Promise<string> {
    const matches = (m: string) => (typeof pattern === 'string' ? m.includes(pattern) : pattern.test(m));
    return this.waitUntil(`a log message matching ${String(pattern)}`, () => this.logs(since).find(matches), timeoutMs, () => `Log so far:\n${this.logs().join('\n')}`);
  }

  /**
   * Waits for a workspace scan that reports progress after `since` to end, and for the idle status
   * the server sends once the findings of that scan are published.
   */
  waitForScan(since = 0, timeoutMs?: number): Promise<ScanStatus> {
    return this.waitUntil(
      'the workspace scan to end',
      () => {
        const end = this.events.findIndex((e, i) => i >= since && e.kind === 'progress' && e.value.kind === 'end');
        if (end < 0) return undefined;
        const idle = this.eventsOf('status', end + 1).find((e) => e.status.state === 'idle');
        return idle?.status;
      },
      timeoutMs,
      () => `Progress and status seen: ${describeValue(this.events.slice(since).filter((e) => e.kind === 'progress' || e.kind === 'status'))}`,
    );
  }

  /** Asks the server to shut down and exit; resolves with its exit code. */
  async shutdown(timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS): Promise<number | null> {
    if (!this.exited) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const exit = await this.waitUntil('the server to exit', () => this.exited, timeoutMs);
    this.connection.dispose();
    return exit.code;
  }

  /** Writes bytes to the server's stdin as they are, to test how it takes malformed messages. */
  writeRaw(data: string | Buffer): void {
    this.process.stdin!.write(data);
  }

  /** Ends the server without the protocol's goodbye (for cleanup after a failed test). */
  kill(): void {
    if (!this.exited) this.process.kill();
    this.connection.dispose();
  }

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open in this session`);
    return document;
  }

  private record(event: SessionEvent): void {
    this.events.push(event);
    if (event.kind === 'diagnostics') this.latest.set(event.params.uri, event.params);
    if (event.kind === 'exit') this.exited = event;
    for (const listener of [...this.listeners]) listener();
  }

  private answerServerRequests(): void {
    const c = this.connection;
    c.onRequest(ConfigurationRequest.type, ({ items }) => {
      this.record({ kind: 'configuration', items });
      return items.map((item) => (this.options.configuration ? this.options.configuration(item, this.settings) : sectionValue(this.settings, item.section)));
    });
    c.onRequest(RegistrationRequest.type, ({ registrations }) => {
      for (const registration of registrations) this.record({ kind: 'registration', registration });
    });
    c.onRequest(UnregistrationRequest.type, () => undefined);
    // Like an editor, listen for the progress of each token the server creates.
    c.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      const listening = c.onProgress(WorkDoneProgress.type, token, (value) => {
        this.record({ kind: 'progress', token, value });
        if (value.kind === 'end') listening.dispose();
      });
    });
    c.onRequest(WorkspaceFoldersRequest.type, () => this.folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })));
    c.onRequest(ShowMessageRequest.type, (params) => {
      this.record({ kind: 'message', params });
      return null;
    });
  }

  private recordNotifications(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (params) => this.record({ kind: 'diagnostics', params }));
    c.onNotification(LogMessageNotification.type, (params) => this.record({ kind: 'log', params }));
    c.onNotification(ShowMessageNotification.type, (params) => this.record({ kind: 'message', params }));
    c.onNotification(scanStatusNotification, (status) => this.record({ kind: 'status', status }));
  }
}

/** Starts a session with the bundled server (or the one the options name). */
export function startSession(options: SessionOptions = {}): LspSession {
  return new LspSession(options);
}

export type { Range, Position, PublishDiagnosticsParams, ScanStatus };
