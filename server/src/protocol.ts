/**
 * Hotpath's own messages between the extension (client) and the language server, beyond LSP.
 * The client imports this file; docs/protocol.md describes each message.
 */
import type * as sarif from 'sarif';
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Answer } from './console/answer';
import type { Range } from './findings';
import type { ProfileUnit } from './profiles/model';

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

// ---------------------------------------------------------------------------------------------
// Profiles: importing measured data and showing it on the code.

/** A loaded profile as the client shows it (status bar, pickers). */
export interface ProfileSummary {
  id: string;
  /** The file name (`cpu.pprof`). */
  name: string;
  path: string;
  /** Importer id and what users call the format. */
  format: string;
  formatTitle: string;
  sampleTypes: Array<{ type: string; unit: string }>;
  /** The sample type whose figures are shown. */
  sampleType: number;
  /** 100% of the profile for that sample type, formatted with its unit (`1.52 s`, `3,214 samples`). */
  total: string;
  sampleCount?: number;
  durationNanos?: number;
  /** "mapped 412 of 450 functions to this workspace", and what to set when few were. */
  coverage: { mapped: number; withFile: number; oursPercent: number; advice?: string };
}

export interface ProfilesState {
  profiles: ProfileSummary[];
  activeId?: string;
}

/** Sent by the client (command "Hotpath: Import Profile…"): read a profile file and make it active. Cancellable. Errors name the file and the problem. */
export const importProfileRequest = new RequestType<{ path: string }, ProfilesState, void>('hotpath/importProfile');

/** Sent by the client (status bar item): choose the active profile or its sample type; `id: null` shows no profile. */
export const setActiveProfileRequest = new RequestType<{ id: string | null; sampleType?: number }, ProfilesState, void>('hotpath/setActiveProfile');

/** Sent by the client: forget a loaded profile. */
export const removeProfileRequest = new RequestType<{ id: string }, ProfilesState, void>('hotpath/removeProfile');

/** Sent by the server whenever profiles are loaded, removed or switched. */
export const profilesChangedNotification = new NotificationType<ProfilesState>('hotpath/profilesChanged');

/** One line's measured share, for line heat. */
export interface LineHeatEntry {
  /** 0-based. */
  line: number;
  /** Share of the whole profile, 0–100. */
  percent: number;
  /** What a tooltip says: "23.4% of CPU samples (412 samples)". */
  label: string;
}

/** Sent by the client for each visible editor: the measured share of each of its lines. Null when the active profile says nothing about the file. */
export const lineHeatRequest = new RequestType<{ uri: string }, { lines: LineHeatEntry[]; profile: string } | null, void>('hotpath/lineHeat');

/** A function in the Hotspots view. */
export interface Hotspot {
  name: string;
  /** URI of the workspace file, when the function is ours. */
  uri?: string;
  /** 0-based line of the function in that file. */
  line?: number;
  origin: 'ours' | 'library' | 'runtime' | 'unknown';
  selfPercent: number;
  totalPercent: number;
  /** Formatted values in the profile's unit. */
  self: string;
  total: string;
  /** The profile's function index, for functionHeatRequest. */
  func: number;
}

/** Sent by the client (Hotspots view): the top functions of the active profile. */
export const hotspotsRequest = new RequestType<{ by: 'self' | 'total'; limit: number }, Hotspot[], void>('hotpath/hotspots');

/** Sent by the client (a code lens's command): a function's figures with its callers and callees. */
export const functionHeatRequest = new RequestType<{ func: number }, { function: Hotspot; callers: Hotspot[]; callees: Hotspot[] } | null, void>('hotpath/functionHeat');

/** A function of a flame graph: what its frames are labelled with, and where its code is. */
export interface FlameFunction {
  name: string;
  origin: 'ours' | 'library' | 'runtime' | 'unknown';
  /** URI of the workspace file, only for functions mapped to this workspace. */
  uri?: string;
  /** 0-based line of the function in that file. */
  line?: number;
  /** Library, binary or package, when the profile says. */
  module?: string;
}

/**
 * The active profile's call tree for drawing, in flat arrays: node 0 is the root (the profile),
 * nodes are in depth-first order with each node's children hottest first, so a node's subtree
 * is the run of indexes after it. `total` of a node is its `self` plus its children's totals.
 */
export interface FlameGraphData {
  /** The profile's file name. */
  profile: string;
  /** The sample type drawn (`cpu`, `alloc_space`) and its unit, for formatting values. */
  sampleType: string;
  unit: ProfileUnit;
  /** The root's total, formatted (`1.52 s`). */
  totalLabel: string;
  nodes: {
    /** Index of the parent node; -1 for the root. */
    parent: number[];
    /** Index into `functions`. */
    func: number[];
    self: number[];
    total: number[];
  };
  functions: FlameFunction[];
  /** Set when cold call paths were merged into "(other)" nodes to bound the size; `note` says so in words. */
  merged?: { nodes: number; note: string };
}

/**
 * Sent by the client (command "Hotpath: Show Flame Graph"): the active profile's call tree for the
 * chosen sample type (default: the one shown). `null` when no profile is active; `{ problem }`
 * when the profile has no call stacks (callgrind, cProfile).
 */
export const flameGraphRequest = new RequestType<{ sampleType?: number } | null, FlameGraphData | { problem: string } | null, void>('hotpath/flameGraph');

// ---------------------------------------------------------------------------------------------
// SARIF: other tools' results shown with Hotpath's, and Hotpath's findings written as a log.

/** An imported SARIF log, as the client reports it. */
export interface SarifLogSummary {
  /** The log file's path. */
  path: string;
  /** The file name (`eslint.sarif`). */
  name: string;
  /** The tools whose runs the log holds (`ESLint`). */
  tools: string[];
  /** Results shown, and in how many files. */
  results: number;
  files: number;
  /** One line for a notification: "12 results from ESLint in 4 files; hidden: 2 suppressed in the log". */
  headline: string;
  /** What was left out and why: results outside the workspace (never opened), malformed parts. */
  warnings: string[];
}

/**
 * Sent by the client (command "Hotpath: Import SARIF Log…", files matching `hotpath.sarif.files`):
 * read a SARIF 2.1.0 log and show its results with Hotpath's diagnostics. Importing a path again
 * replaces its results. Errors name the file and the problem.
 */
export const importSarifRequest = new RequestType<{ path: string }, SarifLogSummary, void>('hotpath/importSarif');

/** Sent by the client when an imported log is deleted: stop showing its results. Answers the logs still imported. */
export const removeSarifRequest = new RequestType<{ path: string }, SarifLogSummary[], void>('hotpath/removeSarif');

/** Sent by the client (command "Hotpath: Export Findings as SARIF"): the findings shown now, as a SARIF 2.1.0 log. */
export const exportSarifRequest = new RequestType0<{ log: sarif.Log; results: number }, void>('hotpath/exportSarif');

// ---------------------------------------------------------------------------------------------
// Comparing the active profile with a baseline profile.

/** The comparison of the active profile with the baseline, as the client shows it. */
export interface BaselineSummary {
  /** The baseline profile's file name and path. */
  name: string;
  path: string;
  /** The active profile's name, when a profile is active and comparable. */
  current?: string;
  rating?: 'regressed' | 'improved' | 'mixed' | 'unchanged';
  /** What changed, in words: "1 regression, 2 removed hotspots". */
  counts?: string;
  /** Why there is no comparison now, e.g. the active profile measures something else. */
  problem?: string;
}

/** A function whose self share changed past the threshold against the baseline (Hotspots view). */
export interface BaselineChange {
  kind: 'regression' | 'improvement' | 'new' | 'removed';
  name: string;
  /** URI of the workspace file, when the function is ours. */
  uri?: string;
  /** 0-based line of the function in that file. */
  line?: number;
  /** Self share in the baseline and in the active profile (absent where it was not measured). */
  before?: number;
  after?: number;
  /** Change of the self share, in points. */
  delta: number;
  /** The active profile's function index, for functionHeatRequest; absent for removed functions. */
  func?: number;
}

/**
 * Sent by the client (command "Hotpath: Compare with Baseline…"): read a profile file as the
 * baseline of the active profile (`null`: stop comparing). Cancellable. Errors name the files and
 * why they cannot be compared.
 */
export const compareWithBaselineRequest = new RequestType<{ path: string } | null, BaselineSummary | null, void>('hotpath/compareWithBaseline');

/** Sent by the client (Hotspots view): the functions that changed against the baseline. */
export const baselineChangesRequest = new RequestType0<BaselineChange[], void>('hotpath/baselineChanges');

/** Sent by the server whenever the comparison changes: a baseline set or cleared, the active profile switched. */
export const baselineChangedNotification = new NotificationType<BaselineSummary | null>('hotpath/baselineChanged');

// ---------------------------------------------------------------------------------------------
// Benchmark results of a base and a current run, compared for the optimization console.

/** A loaded benchmark comparison, as the client reports it. */
export interface BenchmarkSummary {
  /** The two files or folders as the server names them (relative to the workspace folder). */
  base: string;
  current: string;
  /** The results' format: `go-bench`, `pytest-benchmark`, `vitest-bench`. */
  format: string;
  /** Benchmarks compared, and how many of them are slower, faster, unchanged, without a verdict. */
  benchmarks: number;
  slower: number;
  faster: number;
  unchanged: number;
  noVerdict: number;
  /** One line for a notification: "3 benchmarks compared: 1 slower, 1 faster, 1 unchanged". */
  headline: string;
}

/**
 * Sent by the client (command "Hotpath: Compare Benchmark Results…"): read the benchmark results
 * of a base and a current run (files, or folders of runs) and keep their comparison for the
 * optimization console; `null` forgets it. Errors name the file and the problem; the comparison
 * before stays.
 */
export const compareBenchmarksRequest = new RequestType<{ base: string; current: string } | null, BenchmarkSummary | null, void>('hotpath/compareBenchmarks');

// ---------------------------------------------------------------------------------------------
// The optimization console.

/** A question for the console, with the editor's cursor or selection for questions about "this". */
export interface AskParams {
  question: string;
  context?: { uri: string; range: Range };
  /**
   * Also build the grounded context a language model would be given with this question (the
   * console asks for it only when the user has turned a model on).
   */
  modelContext?: boolean;
}

/** The engine's answer, with the language model's context when it was asked for. */
export interface AskAnswer extends Answer {
  /** Markdown: the figures with their sources, the findings involved, the function's code. */
  modelContext?: string;
}

/**
 * Sent by the client (the optimization console): answer a question about the code's performance
 * from the findings, the active profile and its baseline. The Answer is markdown safe to render,
 * links to file ranges, follow-up questions and actions (see server/src/console/answer.ts); with
 * `modelContext: true` it also carries the context block for a language model
 * (server/src/console/model-context.ts).
 */
export const askRequest = new RequestType<AskParams, AskAnswer, void>('hotpath/ask');
