/**
 * Profile comparison as the console reads it: the diff of insights/diff.ts (each function's self
 * share in the baseline and the active profile, classified) reduced to what answers show, or the
 * reason the two profiles cannot be compared.
 */
import { ComparisonError, checkComparable, sampleTypeLike } from '../insights/profile-kind';
import { diffProfiles, ProfileDiff } from '../insights/diff';
import { measureNoun } from '../profiles/format';
import type { Profile } from '../profiles/model';
import type { PathMapper } from '../profiles/paths';
import type { ChangeKind, ProfileComparison } from './model';

const SHOWN: ReadonlySet<string> = new Set<ChangeKind>(['regression', 'improvement', 'new', 'removed']);

export function comparisonFromDiff(diff: ProfileDiff): ProfileComparison {
  return {
    baseline: diff.base.name,
    current: diff.current.name,
    measure: measureNoun(diff.current),
    threshold: diff.options.threshold,
    changes: diff.changes
      .filter((c) => SHOWN.has(c.kind))
      .map((c) => ({
        kind: c.kind as ChangeKind,
        name: c.name,
        file: c.workspaceFile,
        line: c.line > 0 ? c.line : undefined,
        basePercent: c.base?.selfPercent ?? 0,
        currentPercent: c.current?.selfPercent ?? 0,
      })),
  };
}

export interface ComparedSide {
  name: string;
  profile: Profile;
  mapper: Pick<PathMapper, 'map'>;
}

/** Compares a baseline with the active profile in its shown sample type. */
export function compareWithBaseline(base: ComparedSide, current: ComparedSide & { sampleType: number }): ProfileComparison {
  try {
    const types = checkComparable(base, current, sampleTypeLike(base.profile, current.profile.sampleTypes[current.sampleType]), current.sampleType);
    return comparisonFromDiff(diffProfiles({ ...base, sampleType: types.base }, { ...current, sampleType: types.current }));
  } catch (error) {
    if (!(error instanceof ComparisonError)) throw error;
    return { baseline: base.name, current: current.name, measure: '', threshold: 0, changes: [], problem: error.message };
  }
}
