/**
 * What the console knows of a benchmark comparison: the comparison itself and, when the profiles
 * of the base and the current run are loaded (the baseline and the active profile in the editor,
 * `--baseline` and `--profile` on the command line), the profile changes under each benchmark
 * that regressed or improved.
 */
import type { BenchmarkComparison } from '../benchmarks/compare';
import { linkBenchmarks, type ProfiledRun } from '../benchmarks/profile-link';
import type { ProfileDiff } from '../insights/diff';
import { measureNoun } from '../profiles/format';
import { shownChanges } from './comparison';
import type { BenchmarkEvidence } from './model';

/** The profiles of the two runs the benchmarks were measured in, compared. */
export interface RunProfiles {
  diff: ProfileDiff;
  base: ProfiledRun;
  current: ProfiledRun;
}

export function benchmarkEvidence(comparison: BenchmarkComparison, profiles?: RunProfiles): BenchmarkEvidence {
  if (!profiles) return { comparison };
  const links = linkBenchmarks(comparison.deltas, ['regression', 'improvement'], profiles.diff, profiles.base, profiles.current);
  return {
    comparison,
    profiles: {
      base: profiles.diff.base.name,
      current: profiles.diff.current.name,
      measure: measureNoun(profiles.diff.current),
      changes: new Map([...links].map(([name, changes]) => [name, shownChanges(changes)])),
    },
  };
}
