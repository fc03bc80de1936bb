/**
 * The active profile compared with a baseline profile in the editor: the baseline is read from a
 * file (a loaded profile's file, or any other), compared with whatever profile is active, and the
 * comparison feeds code lenses (the change above each function), `regression` diagnostics and
 * the Hotspots view's "Changes vs baseline". The comparison itself is insights/diff.ts.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Finding } from '../findings';
import { changeCounts, diffProfiles, FunctionChange, ProfileDiff } from '../insights/diff';
import { checkComparable, ComparisonError, sampleTypeLike } from '../insights/profile-kind';
import { formatPercent, measureNoun } from '../profiles/format';
import type { FileHeat, FunctionHeat } from '../profiles/heat';
import { ImportCancelled, importInWorker } from '../profiles/import-runner';
import { ProfileError } from '../profiles/importer';
import { locateFunction, shortName } from '../profiles/locate';
import type { Profile } from '../profiles/model';
import type { ProfileSet } from '../profiles/profile-set';
import { BaselineChange, baselineChangedNotification, baselineChangesRequest, BaselineSummary, compareWithBaselineRequest } from '../protocol';
import type { SourceFunction } from '../syntax/functions';
import type { RunProfiles } from '../console/benchmark-evidence';
import { computeStats, type ProfileStats } from '../profiles/stats';
import type { ProfileContext } from './profile-features';

/** The id `regression` diagnostics carry as their code. */
export const REGRESSION = 'regression';

const LINE_END = 2 ** 31 - 1;

interface Baseline {
  name: string;
  path: string;
  profile: Profile;
}

function signedPoints(delta: number): string {
  return `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)}`;
}

export class BaselineComparison {
  private baseline?: Baseline;
  private diff?: ProfileDiff;
  private problem?: string;
  /** The baseline's sample type compared, and its figures in it once asked for (runs()). */
  private baseType = 0;
  private baseStats?: ProfileStats;
  /** The active profile's function index → its change. */
  private byFunc = new Map<number, FunctionChange>();

  constructor(
    private readonly ctx: ProfileContext,
    private readonly profiles: ProfileSet,
    /** Shows the profiles again (diagnostics, lenses) after the baseline changed. */
    private readonly refresh: () => Promise<void>,
  ) {}

  register(): void {
    const { connection } = this.ctx;
    connection.onRequest(compareWithBaselineRequest, async (params, token) => {
      if (params === null || params === undefined) {
        this.baseline = undefined;
        await this.refresh();
        return null;
      }
      const file = typeof params.path === 'string' ? params.path : '';
      if (!file) throw new ResponseError(ErrorCodes.InvalidParams, 'compareWithBaseline needs { "path": "…" } or null');
      const resolved = path.resolve(this.ctx.folders()[0] ?? '.', file);
      let profile: Profile;
      try {
        profile = await importInWorker(resolved, token);
      } catch (error) {
        if (error instanceof ImportCancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
        const message = error instanceof ProfileError ? error.message : `${file}: ${error instanceof Error ? error.message : String(error)}`;
        throw new ResponseError(LSPErrorCodes.RequestFailed, message);
      }
      const candidate: Baseline = { name: path.basename(resolved), path: resolved, profile };
      // A baseline that cannot be compared with the active profile is refused, and the one before stays.
      const active = this.profiles.active();
      if (active) {
        try {
          this.compare(candidate);
        } catch (error) {
          if (error instanceof ComparisonError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
          throw error;
        }
      }
      this.baseline = candidate;
      this.ctx.log(`Comparing with the baseline ${candidate.name}.`);
      await this.refresh();
      return this.summary();
    });
    connection.onRequest(baselineChangesRequest, () => this.changes());
  }

  /** Compares the active profile with the baseline again; called whenever the profiles change. */
  recompute(): void {
    this.diff = undefined;
    this.problem = undefined;
    this.baseStats = undefined;
    this.byFunc = new Map();
    if (this.baseline && this.profiles.active()) {
      try {
        this.diff = this.compare(this.baseline);
        for (const change of this.diff.changes) for (const func of change.currentFuncs) this.byFunc.set(func, change);
      } catch (error) {
        this.problem = error instanceof Error ? error.message : String(error);
      }
    }
    void this.ctx.connection.sendNotification(baselineChangedNotification, this.summary());
  }

  private compare(baseline: Baseline): ProfileDiff {
    const active = this.profiles.active()!;
    const activeType = active.profile.sampleTypes[active.sampleType];
    const base = { name: baseline.name, profile: baseline.profile };
    const current = { name: active.name, profile: active.profile };
    const baseType = sampleTypeLike(baseline.profile, activeType);
    checkComparable(base, current, baseType, active.sampleType);
    this.baseType = baseType;
    const mapper = { map: (fn: Profile['functions'][number]) => this.profiles.mapperFor(fn) };
    return diffProfiles({ ...base, sampleType: baseType, mapper }, { ...current, sampleType: active.sampleType, mapper });
  }

  /**
   * The baseline and the active profile as the two runs of a benchmark comparison, with their
   * diff; undefined without a comparison. The baseline's figures are computed on first use.
   */
  runs(): RunProfiles | undefined {
    const active = this.profiles.active();
    if (!this.diff || !this.baseline || !active) return undefined;
    this.baseStats ??= computeStats(this.baseline.profile, this.baseType);
    return { diff: this.diff, base: { profile: this.baseline.profile, stats: this.baseStats }, current: active };
  }

  /** The comparison shown now, for the optimization console; undefined without a comparable baseline. */
  comparison(): ProfileDiff | undefined {
    return this.diff;
  }

  summary(): BaselineSummary | null {
    if (!this.baseline) return null;
    const { name, path: file } = this.baseline;
    if (!this.diff) return { name, path: file, problem: this.problem ?? 'no profile is shown to compare with the baseline' };
    return { name, path: file, current: this.diff.current.name, rating: this.diff.rating, counts: changeCounts(this.diff) };
  }

  /** `regression` warnings for the functions of a file whose share rose past the threshold, or that are new hotspots. */
  regressionFindings(file: FileHeat, functions: readonly SourceFunction[]): Finding[] {
    const diff = this.diff;
    if (!diff) return [];
    const found: Finding[] = [];
    const noun = measureNoun(diff.current);
    for (const heat of file.functions) {
      const change = this.byFunc.get(heat.func);
      if (!change || (change.kind !== 'regression' && change.kind !== 'new') || !shortName(heat.name)) continue;
      const at = locateFunction(heat, functions, heat.lines);
      const line = at ? at.startLine : heat.line - 1;
      if (line < 0) continue;
      const now = `\`${shortName(heat.name)}\` took ${formatPercent(change.current!.selfPercent)} of ${noun} in ${diff.current.name} (self)`;
      const message =
        change.kind === 'new'
          ? `regression: ${now}, a new hotspot: ${diff.base.name} did not measure it`
          : `regression: ${now}, up from ${formatPercent(change.base!.selfPercent)} in ${diff.base.name} (${signedPoints(change.selfDelta)} points)`;
      found.push({ ruleId: REGRESSION, severity: 'warning', message, range: { start: { line, character: 0 }, end: { line, character: LINE_END } }, related: [] });
    }
    return found;
  }

  /** The code lens that states a function's change against the baseline, or undefined without a comparison. */
  lens(heat: FunctionHeat): Command | undefined {
    const diff = this.diff;
    const change = this.byFunc.get(heat.func);
    if (!diff || !change) return undefined;
    const against = `vs ${diff.base.name}`;
    let title: string;
    if (!change.base) title = `🆕 new: ${formatPercent(change.current!.totalPercent)} total ${against}`;
    else if (Math.abs(change.totalDelta) < 0.05 && Math.abs(change.selfDelta) < 0.05) title = `＝ unchanged ${against}`;
    else {
      const arrow = change.totalDelta > 0 || (change.totalDelta === 0 && change.selfDelta > 0) ? '▲' : '▼';
      title = `${arrow} ${signedPoints(change.totalDelta)} pts total · ${signedPoints(change.selfDelta)} self ${against}`;
    }
    return { title, command: 'hotpath.showFunctionHeat', arguments: [{ func: heat.func }] };
  }

  /** The changes past the thresholds, for the Hotspots view. */
  private changes(): BaselineChange[] {
    const diff = this.diff;
    const active = this.profiles.active();
    if (!diff || !active) return [];
    return diff.changes.flatMap((change): BaselineChange[] => {
      if (change.kind === 'unchanged' || change.kind === 'shifted') return [];
      const func = change.currentFuncs.find((f) => active.stats.self[f] > 0 || active.stats.total[f] > 0) ?? change.currentFuncs[0];
      const heat = change.workspaceFile ? active.heat.files.get(change.workspaceFile)?.functions.find((h) => h.func === func) : undefined;
      const line = heat ? (heat.line > 0 ? heat.line : (heat.lines[0]?.line ?? 1)) - 1 : change.line > 0 ? change.line - 1 : undefined;
      return [
        {
          kind: change.kind,
          name: change.name || '(anonymous)',
          uri: change.workspaceFile ? pathToFileURL(change.workspaceFile).href : undefined,
          line,
          before: change.base?.selfPercent,
          after: change.current?.selfPercent,
          delta: change.selfDelta,
          func,
        },
      ];
    });
  }
}
