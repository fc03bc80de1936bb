/**
 * Profile comparison as the console reads it: the diff of insights/diff.ts (each function's self
 * share in the baseline and the active profile, classified) reduced to what answers show, or the
 * reason the two profiles cannot be compared.
 */
import { ComparisonError, checkComparable, sampleTypeLike } from '../insights/profile-kind';
import { diffProfiles, FunctionChange as DiffChange, ProfileDiff } from '../insights/diff';
import { measureNoun } from '../profiles/format';
import type { Profile } from '../profiles/model';
import type { PathMapper } from '../profiles/paths';
import type { ChangeKind, FunctionChange, ProfileComparison } from './model';

const SHOWN: ReadonlySet<string> = new Set<ChangeKind>(['regression', 'improvement', 'new', 'removed']);

/** The changes answers show (regressions, improvements, new and removed hotspots), as the console holds them. */
export function shownChanges(changes: readonly DiffChange[]): FunctionChange[] {
  return changes
    .filter((c) => SHOWN.has(c.kind))
    .map((c) => ({
      kind: c.kind as ChangeKind,
      name: c.name,
      file: c.workspaceFile,
      line: c.line > 0 ? c.line : undefined,
      basePercent: c.base?.selfPercent ?? 0,
      currentPercent: c.current?.selfPercent ?? 0,
    }));
}

export function comparisonFromDiff(diff: ProfileDiff): ProfileComparison {
  return {
    baseline: diff.base.name,
    current: diff.current.name,
    measure: measureNoun(diff.current),
    threshold: diff.options.threshold,
    changes: shownChanges(diff.changes),
  };
}

export interface ComparedSide {
  name: string;
  profile: Profile;
  mapper: Pick<PathMapper, 'map'>;
}

/** The diff of a baseline with the active profile in its shown sample type; a ComparisonError when they measure different things. */
export function diffWithBaseline(base: ComparedSide, current: ComparedSide & { sampleType: number }): { diff: ProfileDiff; baseSampleType: number } {
  const types = checkComparable(base, current, sampleTypeLike(base.profile, current.profile.sampleTypes[current.sampleType]), current.sampleType);
  return { diff: diffProfiles({ ...base, sampleType: types.base }, { ...current, sampleType: types.current }), baseSampleType: types.base };
}

/** Compares a baseline with the active profile in its shown sample type. */
export function compareWithBaseline(base: ComparedSide, current: ComparedSide & { sampleType: number }): ProfileComparison {
  try {
    return comparisonFromDiff(diffWithBaseline(base, current).diff);
  } catch (error) {
    if (!(error instanceof ComparisonError)) throw error;
    return { baseline: base.name, current: current.name, measure: '', threshold: 0, changes: [], problem: error.message };
  }
}
