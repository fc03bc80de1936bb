/**
 * Hotpath's own messages between the extension (client) and the language server, beyond LSP.
 * The client imports this file; docs/protocol.md describes each message.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

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
