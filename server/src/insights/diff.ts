/**
 * Profile(base) × Profile(current) → what changed: each function's self ("flat") share before and
 * after, classified as a regression, an improvement, a new or a removed hotspot, and an overall
 * rating. Works for any two profiles that measure the same kind of quantity, in any formats.
 *
 * - A regression: the function's self share rose by more than `threshold` points (default 5);
 *   an improvement: it fell by more than that. Both must also hold against the factor by which
 *   the unchanged part of the profile moved (share-rescale.ts), so that a function whose share
 *   only shrank because another grew is not called an improvement (it is `shifted`).
 * - A new hotspot: only in the current profile, with more than `newThreshold` percent (default
 *   1); a removed hotspot: only in the base, with more than that.
 * - The rating: `regressed` when functions of both profiles regressed and none improved,
 *   `improved` the other way round, `mixed` when both happened; when no paired function changed,
 *   new hotspots alone make it `regressed`, removed ones alone `improved`, both `mixed` (code that
 *   moved or was renamed shows as both); else `unchanged`.
 */
import type { HeatSource } from '../profiles/heat';
import type { Profile } from '../profiles/model';
import type { PathMapper } from '../profiles/paths';
import { FunctionGroup, groupFunctions } from './function-groups';
import { matchFunctions } from './match-functions';
import { checkComparable } from './profile-kind';
import { stableFactor } from './share-rescale';

export interface DiffOptions {
  /** Points of self share past which a paired function regressed or improved. */
  threshold: number;
  /** Percent of self share above which a function found in one profile only is a hotspot. */
  newThreshold: number;
}

export const DEFAULT_DIFF_OPTIONS: DiffOptions = { threshold: 5, newThreshold: 1 };

export type ChangeKind = 'regression' | 'improvement' | 'new' | 'removed' | 'shifted' | 'unchanged';

/** A function's figures in one profile. */
export interface Shares {
  self: number;
  total: number;
  selfPercent: number;
  totalPercent: number;
}

export interface FunctionChange {
  kind: ChangeKind;
  name: string;
  /** The recorded file (the current profile's, else the base's), normalized; '' when none. */
  file: string;
  /** The workspace file, when the function is ours. */
  workspaceFile?: string;
  /** The first line recorded in the current profile (else the base), 0 when unknown. */
  line: number;
  base?: Shares;
  current?: Shares;
  /** Change of the self and total shares, in points (a side the function is missing from counts as 0). */
  selfDelta: number;
  totalDelta: number;
  /** The function indices of each profile merged into this function. */
  baseFuncs: number[];
  currentFuncs: number[];
}

export type Rating = 'regressed' | 'improved' | 'mixed' | 'unchanged';

export interface ProfileDiff {
  base: HeatSource;
  current: HeatSource;
  options: DiffOptions;
  rating: Rating;
  /** Every function measured in either profile, the largest self change first. */
  changes: FunctionChange[];
  /** The factor by which the unchanged part's shares moved (1: not at all); see share-rescale.ts. */
  stableFactor: number;
}

export interface DiffSide {
  /** The file name shown to users. */
  name: string;
  profile: Profile;
  sampleType: number;
  /** Maps recorded paths to the workspace, which pairs functions best; optional. */
  mapper?: Pick<PathMapper, 'map'>;
}

function sourceOf(side: DiffSide, grand: number): HeatSource {
  const type = side.profile.sampleTypes[side.sampleType];
  return {
    name: side.name,
    format: side.profile.format,
    sampleType: type.type,
    unit: type.unit,
    grand,
    sampleCount: side.profile.sampleCount,
    durationNanos: side.profile.durationNanos,
  };
}

function sharesOf(self: number, total: number, grand: number): Shares {
  const percent = (v: number) => (grand > 0 ? (v / grand) * 100 : 0);
  return { self, total, selfPercent: percent(self), totalPercent: percent(total) };
}

function classify(change: FunctionChange, options: DiffOptions, factor: number): ChangeKind {
  const { base, current } = change;
  if (!base) return current!.selfPercent > options.newThreshold ? 'new' : 'unchanged';
  if (!current) return base.selfPercent > options.newThreshold ? 'removed' : 'unchanged';
  const raw = change.selfDelta;
  const adjusted = current.selfPercent - factor * base.selfPercent;
  if (raw > options.threshold) return adjusted > options.threshold ? 'regression' : 'shifted';
  if (raw < -options.threshold) return adjusted < -options.threshold ? 'improvement' : 'shifted';
  return 'unchanged';
}

/** The rating from whether things got worse and whether things got better. */
export function ratingOf(worse: boolean, better: boolean): Rating {
  return worse && better ? 'mixed' : worse ? 'regressed' : better ? 'improved' : 'unchanged';
}

export function rate(changes: readonly FunctionChange[]): Rating {
  const has = (kind: ChangeKind) => changes.some((c) => c.kind === kind);
  if (has('regression') || has('improvement')) return ratingOf(has('regression'), has('improvement'));
  // Functions found in one profile only weigh less: code that moved or was renamed shows as both.
  return ratingOf(has('new'), has('removed'));
}

const COUNTED: ReadonlyArray<[ChangeKind, string, string]> = [
  ['regression', 'regression', 'regressions'],
  ['new', 'new hotspot', 'new hotspots'],
  ['improvement', 'improvement', 'improvements'],
  ['removed', 'removed hotspot', 'removed hotspots'],
];

/** What changed, in words: "1 regression, 2 removed hotspots", or "no change past the thresholds". */
export function changeCounts(diff: ProfileDiff): string {
  const parts = COUNTED.map(([kind, one, many]) => [changesOf(diff, kind).length, one, many] as const)
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return parts.length > 0 ? parts.join(', ') : 'no change past the thresholds';
}

function describedBy(group: FunctionGroup): Pick<FunctionChange, 'name' | 'file' | 'workspaceFile' | 'line'> {
  return { name: group.name, file: group.file, workspaceFile: group.workspaceFile, line: group.line };
}

/**
 * Compares two profiles. Throws a ComparisonError when their sample types measure different
 * things (CPU time and allocated bytes…).
 */
export function diffProfiles(base: DiffSide, current: DiffSide, options: DiffOptions = DEFAULT_DIFF_OPTIONS): ProfileDiff {
  checkComparable(base, current, base.sampleType, current.sampleType);
  const before = groupFunctions(base.profile, base.sampleType, base.mapper);
  const after = groupFunctions(current.profile, current.sampleType, current.mapper ?? base.mapper);
  const pairOf = matchFunctions(before.groups, after.groups);
  const shares = (grouped: typeof before, g: number) => sharesOf(grouped.stats.self[g], grouped.stats.total[g], grouped.stats.grand);
  const measured = (grouped: typeof before, g: number) => grouped.stats.self[g] > 0 || grouped.stats.total[g] > 0;
  const changes: FunctionChange[] = [];
  const paired = new Uint8Array(before.groups.length);
  after.groups.forEach((group, c) => {
    const b = pairOf[c];
    if (b >= 0) paired[b] = 1;
    const inBase = b >= 0 && measured(before, b);
    if (!inBase && !measured(after, c)) return;
    const was = inBase ? shares(before, b) : undefined;
    const now = shares(after, c);
    changes.push({
      kind: 'unchanged',
      ...describedBy(group),
      line: group.line || (b >= 0 ? before.groups[b].line : 0),
      workspaceFile: group.workspaceFile ?? (b >= 0 ? before.groups[b].workspaceFile : undefined),
      base: was,
      current: now,
      selfDelta: now.selfPercent - (was?.selfPercent ?? 0),
      totalDelta: now.totalPercent - (was?.totalPercent ?? 0),
      baseFuncs: b >= 0 ? before.groups[b].members : [],
      currentFuncs: group.members,
    });
  });
  before.groups.forEach((group, b) => {
    if (paired[b] || !measured(before, b)) return;
    const was = shares(before, b);
    changes.push({ kind: 'unchanged', ...describedBy(group), base: was, selfDelta: -was.selfPercent, totalDelta: -was.totalPercent, baseFuncs: group.members, currentFuncs: [] });
  });
  const both = changes.filter((c) => c.base && c.current);
  const factor = stableFactor(
    both.map((c) => c.base!.selfPercent),
    both.map((c) => c.current!.selfPercent),
    options.threshold,
  );
  for (const change of changes) change.kind = classify(change, options, factor);
  changes.sort((x, y) => Math.abs(y.selfDelta) - Math.abs(x.selfDelta) || Math.abs(y.totalDelta) - Math.abs(x.totalDelta) || x.name.localeCompare(y.name));
  return {
    base: sourceOf(base, before.stats.grand),
    current: sourceOf(current, after.stats.grand),
    options,
    rating: rate(changes),
    changes,
    stableFactor: factor,
  };
}

/** The changes of one kind, in the diff's order. */
export function changesOf(diff: ProfileDiff, kind: ChangeKind): FunctionChange[] {
  return diff.changes.filter((c) => c.kind === kind);
}
