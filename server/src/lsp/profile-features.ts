/**
 * The language server's profile features: importing profiles, and showing the active one on the
 * code — code lenses, line heat, hot-code diagnostics, findings raised or lowered by heat, heat
 * in hovers, hotspots. The figures come from profiles/; this file answers the editor.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeLens, CodeLensRefreshRequest, Connection, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { OpenDocuments } from '../documents/open-documents';
import type { Finding, Position } from '../findings';
import { formatPercent, formatValue, measureNoun, shareOf } from '../profiles/format';
import { buildFlameTree } from '../profiles/flame-tree';
import type { FileHeat } from '../profiles/heat';
import { ImportCancelled, importInWorker } from '../profiles/import-runner';
import { ProfileError } from '../profiles/importer';
import { functionAtLine, locateFunction, shortName } from '../profiles/locate';
import { applyHeat, HeatEvidence, heatEvidence, hotCodeFindings } from '../profiles/merge';
import type { Profile } from '../profiles/model';
import { PathMapper } from '../profiles/paths';
import { placedLines } from '../profiles/placed-lines';
import { LoadedProfile, ProfileSet } from '../profiles/profile-set';
import { codeFiles } from '../profiles/workspace-files';
import {
  flameGraphRequest,
  functionHeatRequest,
  Hotspot,
  hotspotsRequest,
  importProfileRequest,
  lineHeatRequest,
  profilesChangedNotification,
  removeProfileRequest,
  setActiveProfileRequest,
} from '../protocol';
import type { HotpathSettings } from '../settings';
import { listFunctions, SourceFunction } from '../syntax/functions';
import { grammarForPath } from '../syntax/languages';
import { parserFor } from '../syntax/parsers';
import { BaselineComparison } from './baseline-comparison';

export interface ProfileContext {
  connection: Connection;
  documents: OpenDocuments;
  folders(): readonly string[];
  settings(): HotpathSettings;
  /** Publishes the diagnostics of these files again. */
  republish(keys: Iterable<string>): void;
  log(message: string): void;
}

/** What the code lens above a measured function asks the console. */
export function whySlowQuestion(qualifiedName: string): string {
  return `why is ${shortName(qualifiedName)} slow?`;
}

/** Functions below this total share get no code lens. */
const LENS_MIN_PERCENT = 0.1;
const TOP_CALLS = 8;

function pathOfUri(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class ProfileFeatures {
  private readonly profiles = new ProfileSet(new PathMapper([]));
  private mapperReady?: Promise<void>;
  private hot = new Map<string, Finding[]>();
  private readonly closedFunctions = new Map<string, { mtimeMs: number; functions: SourceFunction[] }>();

  /** Set when the client can be asked to fetch code lenses again (`workspace/codeLens/refresh`). */
  canRefreshLenses = false;

  /** The active profile compared with a baseline profile, when the user chose one. */
  private readonly baseline: BaselineComparison;

  constructor(private readonly ctx: ProfileContext) {
    this.baseline = new BaselineComparison(ctx, this.profiles, () => this.changed());
  }

  register(): void {
    const { connection } = this.ctx;
    connection.onRequest(importProfileRequest, async (params, token) => {
      const file = typeof params?.path === 'string' ? params.path : '';
      if (!file) throw new ResponseError(ErrorCodes.InvalidParams, 'importProfile needs { "path": "…" }');
      await this.ensureMapper();
      try {
        const profile = await importInWorker(path.resolve(this.ctx.folders()[0] ?? '.', file), token);
        const entry = this.profiles.add(path.resolve(this.ctx.folders()[0] ?? '.', file), profile);
        const { mapped, withFile } = entry.heat.coverage;
        this.ctx.log(`Imported ${entry.name} (${profile.format}): mapped ${mapped} of ${withFile} functions to this workspace.`);
      } catch (error) {
        if (error instanceof ImportCancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
        const message = error instanceof ProfileError ? error.message : `${file}: ${error instanceof Error ? error.message : String(error)}`;
        this.ctx.log(`Import failed: ${message}`);
        throw new ResponseError(LSPErrorCodes.RequestFailed, message);
      }
      await this.changed();
      return this.profiles.state();
    });
    connection.onRequest(setActiveProfileRequest, async (params) => {
      try {
        this.profiles.setActive(typeof params?.id === 'string' ? params.id : null, typeof params?.sampleType === 'number' ? params.sampleType : undefined);
      } catch (error) {
        throw new ResponseError(ErrorCodes.InvalidParams, (error as Error).message);
      }
      await this.changed();
      return this.profiles.state();
    });
    connection.onRequest(removeProfileRequest, async (params) => {
      if (typeof params?.id === 'string') this.profiles.remove(params.id);
      await this.changed();
      return this.profiles.state();
    });
    connection.onRequest(lineHeatRequest, async (params) => this.lineHeat(typeof params?.uri === 'string' ? params.uri : ''));
    connection.onRequest(hotspotsRequest, (params) => this.hotspots(params?.by === 'self' ? 'self' : 'total', Math.min(Math.max(Number(params?.limit) || 20, 1), 500)));
    connection.onRequest(functionHeatRequest, (params) => this.functionHeat(Number(params?.func)));
    connection.onRequest(flameGraphRequest, (params) => this.flameGraph(params?.sampleType));
    connection.onCodeLens(async ({ textDocument }) => this.codeLenses(textDocument.uri));
    this.baseline.register();
  }

  /** Findings of a file with the active profile's heat applied, plus its hot-code diagnostics. */
  adjust(key: string, findings: readonly Finding[]): Finding[] {
    const active = this.profiles.active();
    if (!active) return [...findings];
    const adjusted = applyHeat(findings, active.heat.files.get(key), active.heat.source, this.ctx.settings().hotThreshold);
    return [...adjusted, ...(this.hot.get(key) ?? [])];
  }

  /** Each finding with the measured heat of its function, when the active profile measured it (for reports). */
  evidence(key: string, findings: readonly Finding[]): Array<Finding & { heat?: HeatEvidence }> {
    const active = this.profiles.active();
    if (!active) return [...findings];
    const file = active.heat.files.get(key);
    return findings.map((finding) => {
      const heat = heatEvidence(finding, file, active.heat.source);
      return heat ? { ...finding, heat } : finding;
    });
  }

  /** What the optimization console reads: the active profile, where its frames are, the loaded profiles, the comparison. */
  consoleState() {
    return {
      active: this.profiles.active(),
      loaded: this.profiles.state().profiles.map((p) => p.name),
      map: (fn: Profile['functions'][number]) => this.profiles.mapperFor(fn),
      baseline: this.baseline.summary(),
      comparison: this.baseline.comparison(),
      runs: this.baseline.runs(),
    };
  }

  /** Recomputes a document's hot-code diagnostics after it was edited. */
  async documentChanged(key: string): Promise<void> {
    const file = this.profiles.active()?.heat.files.get(key);
    if (!file) return;
    await this.computeHot(key, file);
    this.ctx.republish([key]);
  }

  /** Files, folders or settings changed: map the profiles onto the workspace again. */
  async workspaceChanged(): Promise<void> {
    this.mapperReady = undefined;
    this.closedFunctions.clear();
    if (this.profiles.state().profiles.length === 0) return;
    await this.ensureMapper();
    await this.changed();
  }

  /** Markdown about the measured heat at a position, for the hover. */
  async hoverHeat(key: string, uri: string, position: Position): Promise<string | undefined> {
    const active = this.profiles.active();
    const file = active?.heat.files.get(key);
    if (!active || !file) return undefined;
    const functions = await this.sourceFunctions(key, uri);
    const line = position.line + 1;
    const lineHeat = placedLines(file, functions).find((l) => l.line === line);
    const source = functions.length > 0 ? functionAtLine(functions, line) : undefined;
    const fnHeat = source ? file.functions.find((h) => locateFunction(h, functions, h.lines) === source) : undefined;
    if (!lineHeat && !(fnHeat && source?.startLine === position.line)) return undefined;
    const parts: string[] = [];
    const { unit } = active.heat.source;
    if (lineHeat) parts.push(`**🔥 ${shareOf(lineHeat.selfPercent, active.heat.source)}** on this line (${formatValue(lineHeat.self, unit)})`);
    if (fnHeat) {
      parts.push(`\`${shortName(fnHeat.name)}\`: ${formatPercent(fnHeat.totalPercent)} total · ${formatPercent(fnHeat.selfPercent)} self (${formatValue(fnHeat.total, unit)})`);
      const callers = this.calls(active, fnHeat.func, 'callers').slice(0, 3);
      const callees = this.calls(active, fnHeat.func, 'callees').slice(0, 3);
      if (callers.length) parts.push(`Called by ${callers.map((c) => `\`${c.name}\` (${formatPercent(c.totalPercent)})`).join(', ')}`);
      if (callees.length) parts.push(`Calls ${callees.map((c) => `\`${c.name}\` (${formatPercent(c.totalPercent)})`).join(', ')}`);
    }
    return parts.join('\n\n');
  }

  private async changed(): Promise<void> {
    const before = [...this.hot.keys()];
    this.hot = new Map();
    this.baseline.recompute();
    const active = this.profiles.active();
    if (active) for (const [key, file] of active.heat.files) await this.computeHot(key, file);
    this.ctx.republish(new Set([...before, ...this.hot.keys(), ...(active?.heat.files.keys() ?? [])]));
    void this.ctx.connection.sendNotification(profilesChangedNotification, this.profiles.state());
    if (this.canRefreshLenses) void this.ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  private async computeHot(key: string, file: FileHeat): Promise<void> {
    const active = this.profiles.active();
    if (!active) return;
    const functions = await this.sourceFunctions(key, pathToFileURL(key).href);
    const found = [...hotCodeFindings(file, active.heat.source, this.ctx.settings().hotThreshold, functions), ...this.baseline.regressionFindings(file, functions)];
    if (found.length > 0) this.hot.set(key, found);
    else this.hot.delete(key);
  }

  private ensureMapper(): Promise<void> {
    this.mapperReady ??= (async () => {
      const settings = this.ctx.settings();
      const folders = this.ctx.folders();
      const files = await codeFiles(folders, settings.exclude);
      const mappings = settings.pathMappings.map(({ from, to }) => ({ from, to: expandFolder(to, folders) }));
      this.profiles.remap(new PathMapper(files, mappings));
    })();
    return this.mapperReady;
  }

  /** The functions of a file in today's source: from the open document, else parsed from disk. */
  private async sourceFunctions(key: string, uri: string): Promise<SourceFunction[]> {
    const open = this.ctx.documents.get(uri) ?? this.ctx.documents.byPath(key);
    try {
      if (open?.grammar) {
        const tree = await this.ctx.documents.tree(open);
        return tree ? listFunctions(tree, open.grammar.id) : [];
      }
      const grammar = grammarForPath(key);
      if (!grammar) return [];
      const { mtimeMs } = await fs.stat(key);
      const cached = this.closedFunctions.get(key);
      if (cached?.mtimeMs === mtimeMs) return cached.functions;
      const text = await fs.readFile(key, 'utf8');
      const tree = (await parserFor(grammar.id)).parse(text);
      if (!tree) return [];
      try {
        const functions = listFunctions(tree, grammar.id);
        this.closedFunctions.set(key, { mtimeMs, functions });
        return functions;
      } finally {
        tree.delete();
      }
    } catch (error) {
      this.ctx.log(`Could not read the functions of ${key}: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  private async lineHeat(uri: string) {
    const key = pathOfUri(uri) ?? uri;
    const active = this.profiles.active();
    const file = active?.heat.files.get(key);
    if (!active || !file) return null;
    const functions = await this.sourceFunctions(key, uri);
    const noun = measureNoun(active.heat.source);
    return {
      profile: active.name,
      lines: placedLines(file, functions).map((l) => ({
        line: l.line - 1,
        percent: l.selfPercent,
        label: `${formatPercent(l.selfPercent)} of ${noun} in ${active.name} (${formatValue(l.self, active.heat.source.unit)})`,
      })),
    };
  }

  private async codeLenses(uri: string): Promise<CodeLens[]> {
    const active = this.profiles.active();
    const key = pathOfUri(uri) ?? uri;
    const file = active?.heat.files.get(key);
    if (!active || !file || !this.ctx.settings().codeLens) return [];
    const functions = await this.sourceFunctions(key, uri);
    const lenses: CodeLens[] = [];
    for (const heat of file.functions) {
      if (heat.totalPercent < LENS_MIN_PERCENT || !shortName(heat.name)) continue;
      const at = locateFunction(heat, functions, heat.lines);
      const line = at ? at.startLine : heat.line - 1;
      if (line < 0) continue;
      lenses.push({
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        command: {
          title: `🔥 ${formatPercent(heat.totalPercent)} total · ${formatPercent(heat.selfPercent)} self · ${formatValue(heat.total, active.heat.source.unit)}`,
          // The optimization console opens on the function: the answer has its figures, hot lines, callers, callees and findings.
          command: 'hotpath.openConsole',
          arguments: [{ question: whySlowQuestion(heat.name) }],
        },
      });
      const change = this.baseline.lens(heat);
      if (change) lenses.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: change });
    }
    return lenses;
  }

  private hotspot(active: LoadedProfile, func: number): Hotspot {
    const fn = active.profile.functions[func];
    const where = this.profiles.mapperFor(fn);
    const { stats } = active;
    const unit = active.heat.source.unit;
    const heat = where.file ? active.heat.files.get(where.file)?.functions.find((h) => h.func === func) : undefined;
    const line = heat ? (heat.line > 0 ? heat.line - 1 : (heat.lines[0]?.line ?? 1) - 1) : undefined;
    return {
      name: fn.name || '(anonymous)',
      uri: where.file ? pathToFileURL(where.file).href : undefined,
      line,
      origin: where.origin,
      selfPercent: stats.grand > 0 ? (stats.self[func] / stats.grand) * 100 : 0,
      totalPercent: stats.grand > 0 ? (stats.total[func] / stats.grand) * 100 : 0,
      self: formatValue(stats.self[func], unit),
      total: formatValue(stats.total[func], unit),
      func,
    };
  }

  private hotspots(by: 'self' | 'total', limit: number): Hotspot[] {
    const active = this.profiles.active();
    if (!active) return [];
    const values = active.stats[by];
    const order = [...values.keys()].filter((f) => values[f] > 0).sort((a, b) => values[b] - values[a]);
    return order.slice(0, limit).map((func) => this.hotspot(active, func));
  }

  private calls(active: LoadedProfile, func: number, which: 'callers' | 'callees'): Hotspot[] {
    const edges = [...(active.stats[which][func] ?? [])].sort((a, b) => b[1] - a[1]).slice(0, TOP_CALLS);
    return edges.map(([other]) => this.hotspot(active, other));
  }

  private flameGraph(sampleType: unknown) {
    const active = this.profiles.active();
    if (!active) return null;
    const chosen = typeof sampleType === 'number' && Number.isInteger(sampleType) ? sampleType : active.sampleType;
    return buildFlameTree(active.profile, {
      sampleType: chosen,
      name: active.name,
      map: (fn) => this.profiles.mapperFor(fn),
      uriOf: (file) => pathToFileURL(file).href,
    });
  }

  private functionHeat(func: number) {
    const active = this.profiles.active();
    if (!active || !Number.isInteger(func) || func < 0 || func >= active.profile.functions.length) return null;
    return { function: this.hotspot(active, func), callers: this.calls(active, func, 'callers'), callees: this.calls(active, func, 'callees') };
  }
}

/** `${workspaceFolder}` (or `${workspaceFolder:name}`) in a path mapping, as the folder's path. */
function expandFolder(to: string, folders: readonly string[]): string {
  return to.replace(/\$\{workspaceFolder(?::([^}]*))?\}/g, (_, name: string | undefined) => {
    const folder = name ? folders.find((f) => path.basename(f) === name) : folders[0];
    return folder ?? '';
  });
}
