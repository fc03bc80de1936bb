/**
 * The Hotpath language server: LSP wiring only. Each handler hands its work to the modules that
 * hold the analysis; this file keeps the state they share and turns changes into notifications.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CodeActionParams,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { toDiagnostic } from './diagnostics';
import { analyzeEdited } from './documents/edited-analysis';
import { codeActions, FIX_ALL_KIND, fixAllAction, readsPackageFiles } from './lsp/code-actions';
import { OpenDocuments, OpenDocument } from './documents/open-documents';
import { OpenSummaries } from './documents/open-summaries';
import type { Finding } from './findings';
import { FindingsStore } from './findings-store';
import { hoverAt } from './hover';
import { refuseInitializeAgain } from './lsp/initialize-once';
import { workDoneProgress } from './lsp/progress';
import { ProfileFeatures } from './lsp/profile-features';
import { SarifFeatures } from './lsp/sarif-features';
import { BenchmarkResults } from './lsp/benchmark-results';
import { ConsoleRequests } from './lsp/console-request';
import { loadSettings } from './lsp/settings-source';
import { InitializationOptions, rescanRequest, scanStatusNotification } from './protocol';
import { AnalysisConfig } from './rules/config';
import { summariesWanted } from './rules/engine';
import { nPlusOneThroughCall } from './rules/n-plus-one-through-call';
import { SummaryIndex } from './summaries/summary-index';
import { DEFAULTS, HotpathSettings } from './settings';
import { LanguageId, SOURCE_EXTENSIONS } from './syntax/languages';
import { VERSION } from './version';
import { excluder } from './workspace/discover';
import { goPackageTexts } from './workspace/go-package';
import { ScanPool } from './workspace/scan-pool';
import { inTestFiles } from './workspace/test-files';
import { reasonToSkipText } from './workspace/source-text';
import { WorkspaceScanner } from './workspace/workspace-scanner';

const connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.log(message);

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// A bug in one handler must not take the editor's diagnostics down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${errorText(reason)}`));
process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception: ${errorText(error)}`));

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

let folders: string[] = [];
let settings: HotpathSettings = DEFAULTS;
let filesExclude = new Map<string, string[]>();
let config = new AnalysisConfig(settings.analysis);
let initialSettings: unknown;
let canPullSettings = false;
let canWatchFiles = false;
let canWatchSettings = false;
let canWatchFolders = false;
let diagnosticsInHover = false;
const skippedOpen = new Set<string>();

const documents = new OpenDocuments(pathOf);
const keyOf = (doc: OpenDocument) => doc.path ?? doc.uri;

// Publishing: every changed file is sent once per turn of the event loop.
const toPublish = new Set<string>();
let publishTimer: NodeJS.Immediate | undefined;
// The workspace index of function summaries: its cross-file findings of a file are computed
// again whenever a file they depend on changes, open or on disk.
const summaries = new SummaryIndex(() => config.severity(nPlusOneThroughCall.meta));
const store = new FindingsStore((key) => {
  toPublish.add(key);
  publishTimer ??= setImmediate(publish);
}, summaries);

function publish(): void {
  publishTimer = undefined;
  for (const key of toPublish) {
    const open = documents.all().find((d) => keyOf(d) === key);
    const uri = open?.uri ?? pathToFileURL(key).href;
    const diagnostics = shownFindings(key).map((f) => toDiagnostic(f, uri));
    void connection.sendDiagnostics({ uri, version: open?.document.version, diagnostics });
  }
  toPublish.clear();
  sendStatus();
}

/** Publishes the diagnostics of these files again, on the next turn of the event loop. */
function republish(keys: Iterable<string>): void {
  for (const key of keys) toPublish.add(key);
  publishTimer ??= setImmediate(publish);
}

let statusTimer: NodeJS.Timeout | undefined;
function sendStatus(): void {
  statusTimer ??= setTimeout(() => {
    statusTimer = undefined;
    const { files, findings } = store.counts();
    void connection.sendNotification(scanStatusNotification, {
      state: scanner.scanning ? 'scanning' : 'idle',
      files,
      findings,
      skipped: scanner.skippedCount,
    });
  }, 100);
}

/** What the profile and SARIF features share of the server's state. */
const featureContext = { connection, documents, folders: () => folders, settings: () => settings, republish, log };

const profiles = new ProfileFeatures(featureContext);
profiles.register();

// Other tools' results from imported SARIF logs, shown with Hotpath's own.
const sarif = new SarifFeatures({
  ...featureContext,
  ourFiles: () => store.files(),
  published: (key) => profiles.evidence(key, shownFindings(key)),
});
sarif.register();

// Benchmark results of a base and a current run, compared for the console.
const benchmarks = new BenchmarkResults(featureContext);
benchmarks.register();

// The optimization console's questions, answered from the findings, profiles and benchmarks shown.
new ConsoleRequests({
  connection,
  documents,
  folders: () => folders,
  settings: () => settings,
  findingFiles: () => [...store.files(), ...sarif.files()],
  findings: (key) => sarif.combine(key, ownFindings(key)),
  profiles,
  benchmarks,
}).register();

/** What a file's diagnostics show: Hotpath's findings with other tools' merged in, then the profile's heat. */
function shownFindings(key: string): Finding[] {
  return profiles.adjust(key, sarif.combine(key, ownFindings(key)));
}

/** Hotpath's findings of a file, those of test code lowered to hints unless the settings say otherwise. */
function ownFindings(key: string): Finding[] {
  return inTestFiles(store.shown(key), relativeToFolder(key), settings.testFiles);
}

/** A file's path relative to the workspace folder that holds it; undefined outside every folder. */
function relativeToFolder(file: string): string | undefined {
  if (!path.isAbsolute(file)) return undefined;
  const folder = folders.find((f) => !path.relative(f, file).startsWith('..'));
  return folder === undefined ? undefined : path.relative(folder, file).split(path.sep).join('/');
}

/** Files appeared or vanished: the profiles' mapping onto the workspace is renewed, at most once a second. */
let remapTimer: NodeJS.Timeout | undefined;
function remapProfilesSoon(): void {
  clearTimeout(remapTimer);
  remapTimer = setTimeout(() => void profiles.workspaceChanged(), 1000);
}

const pool = new ScanPool();
const scanner = new WorkspaceScanner(pool, store, {
  folders: () => folders,
  filesExclude: (folder) => filesExclude.get(folder) ?? [],
  settings: () => settings,
  isOpen: (file) => documents.byPath(file) !== undefined,
  log,
  progress: (title) => workDoneProgress(connection, title),
  statusChanged: sendStatus,
});

/** True when hotpath.exclude leaves an open file out (files outside every folder are analyzed). */
function excludedByUser(file: string | undefined): boolean {
  const relative = file === undefined ? undefined : relativeToFolder(file);
  return relative !== undefined && excluder(settings.exclude)(relative, false);
}

// Analysis of open documents: coalesced so a burst of keystrokes is analyzed once.
const toAnalyze = new Set<string>();
let analyzeTimer: NodeJS.Immediate | undefined;

function scheduleAnalysis(uri: string): void {
  toAnalyze.add(uri);
  analyzeTimer ??= setImmediate(() => void analyzePending());
}

async function analyzePending(): Promise<void> {
  analyzeTimer = undefined;
  const uris = [...toAnalyze];
  toAnalyze.clear();
  for (const uri of uris) await analyzeOpen(uri);
}

const openSummaries = new OpenSummaries({
  documents,
  store,
  config: () => config,
  keyOf,
  skipped: (key) => skippedOpen.has(key),
  error: (message) => connection.console.error(message),
});

async function analyzeOpen(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc?.grammar) return;
  const key = keyOf(doc);
  const skip = excludedByUser(doc.path) ? 'excluded by hotpath.exclude' : reasonToSkipText(doc.document.getText(), settings.maxFileSizeKb * 1024);
  if (skip) {
    if (!skippedOpen.has(key)) log(`Not analyzing ${key}: ${skip}`);
    skippedOpen.add(key);
    doc.lastAnalysis = undefined;
    openSummaries.cancel(uri);
    store.setOpen(key, []);
    return;
  }
  skippedOpen.delete(key);
  try {
    const tree = await documents.tree(doc);
    if (!tree) return;
    const changed = documents.takeChanges(doc);
    const summaryNow = summariesWanted(config) && openSummaries.due(uri);
    const edited = analyzeEdited(tree, doc.grammar.id, config, doc.document.lineCount, changed, doc.lastAnalysis, summaryNow);
    doc.lastAnalysis = edited.last;
    const { findings, failures } = edited.analysis;
    for (const failure of failures) connection.console.error(`${key}: ${failure}`);
    if (!summariesWanted(config)) {
      openSummaries.cancel(uri);
      store.setOpen(key, findings);
    } else if (summaryNow) {
      openSummaries.cancel(uri);
      store.setOpen(key, findings, edited.analysis.summary ?? openSummaries.take(key, tree, doc.grammar.id));
      openSummaries.taken(uri);
    } else {
      // The findings show at once; the summary for the workspace index follows when typing pauses.
      store.setOpenFindings(key, findings);
      if (changed) openSummaries.schedule(uri);
    }
    await profiles.documentChanged(key);
  } catch (error) {
    connection.console.error(`Could not analyze ${key}: ${error instanceof Error ? error.message : String(error)}`);
    doc.lastAnalysis = undefined;
    openSummaries.cancel(uri);
    store.setOpen(key, []);
  }
}

let appliedKey: string | undefined;
let reportedProblems = '';

/** Reads the settings again; when they (or the folders) changed, analyzes and scans again. */
async function applySettings(): Promise<void> {
  const loaded = await loadSettings(connection, canPullSettings, folders, initialSettings);
  // Problems are reported whenever they change, even when the defaults that replace an invalid
  // value leave the effective settings as they were.
  const problems = loaded.problems.join('; ');
  if (problems !== reportedProblems) {
    reportedProblems = problems;
    for (const problem of loaded.problems) connection.console.warn(`Settings: ${problem}`);
    if (problems) void connection.window.showWarningMessage(`Hotpath ignored some settings: ${problems}`);
  }
  const key = JSON.stringify([folders, loaded.settings, [...loaded.filesExclude]]);
  if (key === appliedKey) return;
  appliedKey = key;
  settings = loaded.settings;
  filesExclude = loaded.filesExclude;
  config = new AnalysisConfig(settings.analysis);
  for (const doc of documents.all()) scheduleAnalysis(doc.uri);
  void profiles.workspaceChanged();
  await scanner.scanAll();
}

connection.onInitialize((params): InitializeResult => {
  refuseInitializeAgain(connection, log);
  const capabilities = params.capabilities;
  canPullSettings = capabilities.workspace?.configuration === true;
  canWatchSettings = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canWatchFolders = capabilities.workspace?.workspaceFolders === true;
  const options = params.initializationOptions as InitializationOptions | undefined;
  initialSettings = options?.settings;
  diagnosticsInHover = options?.diagnosticsInHover === true;
  profiles.canRefreshLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = uris.map(pathOf).filter((p): p is string => p !== undefined);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      codeLensProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'hotpath', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (canWatchSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: ['hotpath', 'files.exclude'] });
  if (canWatchFiles) {
    const extensions = SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',');
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      // go.mod: a module path changed changes which imports lead into the workspace.
      watchers: [{ globPattern: `**/*.{${extensions}}` }, { globPattern: '**/.gitignore' }, { globPattern: '**/go.mod' }],
    });
  }
  if (canWatchFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => pathOf(f.uri)));
      folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => pathOf(f.uri)).filter((p): p is string => !!p)];
      void applySettings();
    });
  }
  void applySettings();
});

connection.onDidChangeConfiguration(() => void applySettings());

connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => {
  documents.open(uri, languageId, version, text);
  // A document opened again (even without a close between) counts in the index at once.
  openSummaries.cancel(uri);
  scheduleAnalysis(uri);
});

connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
  if (documents.change(uri, version, contentChanges)) scheduleAnalysis(uri);
});

connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
  const doc = documents.get(uri);
  if (!doc) return;
  const key = keyOf(doc);
  documents.close(uri);
  openSummaries.cancel(uri);
  store.closeOpen(key);
  if (doc.path && settings.scope === 'workspace') void scanner.rescanFiles([doc.path]);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  const changed: string[] = [];
  for (const change of changes) {
    const file = pathOf(change.uri);
    if (!file) continue;
    if (path.basename(file) === '.gitignore') return void scanner.scanAll();
    if (path.basename(file) === 'go.mod') {
      store.relinkFiles(summaries.goModulesChanged());
      continue;
    }
    if (change.type === FileChangeType.Deleted) scanner.removeFile(file);
    else changed.push(file);
    if (change.type !== FileChangeType.Changed) remapProfilesSoon();
  }
  void scanner.rescanFiles(changed);
});

connection.onHover(async ({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  const key = doc ? keyOf(doc) : (pathOf(textDocument.uri) ?? textDocument.uri);
  const hover = hoverAt(sarif.combine(key, store.shown(key)), position, doc?.grammar?.language, !diagnosticsInHover);
  const heat = await profiles.hoverHeat(key, textDocument.uri, position);
  if (!hover && !heat) return null;
  const value = [heat, hover?.markdown].filter(Boolean).join('\n\n---\n\n');
  return { contents: { kind: 'markdown', value }, range: hover?.range };
});

/** The other files of an open document's Go package, when the fixes asked for read them. */
async function packageTextsFor(doc: OpenDocument, language: LanguageId, params: CodeActionParams): Promise<string[]> {
  if (!doc.path || !readsPackageFiles(language, store.shown(keyOf(doc)), params)) return [];
  const open = new Map(documents.all().flatMap((d) => (d.path ? [[d.path, d.document.getText()] as const] : [])));
  return goPackageTexts(doc.path, doc.document.getText(), open, settings.maxFileSizeKb * 1024);
}

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const packageTexts = doc?.grammar ? await packageTextsFor(doc, doc.grammar.language, params) : [];
  const tree = doc && (await documents.tree(doc));
  if (!doc?.grammar || !tree) return [];
  const fixable = { uri: doc.uri, text: doc.document.getText(), grammar: doc.grammar.id, tree, packageTexts };
  // The quick fixes read the document's tree now, before anything awaited can replace it.
  const quickFixes = codeActions(fixable, store.shown(keyOf(doc)), params, (message) => connection.console.error(`${keyOf(doc)}: ${message}`));
  const fixAll = await fixAllAction(fixable, config, params.context.only);
  return fixAll ? [...quickFixes, fixAll] : quickFixes;
});

connection.onRequest(rescanRequest, () => scanner.scanAll());

connection.onShutdown(async () => {
  scanner.cancel();
  documents.dispose();
  await pool.dispose();
});

connection.listen();
