/**
 * Ties a benchmark's change to the profiles of the same two runs: the benchmark's function
 * (`BenchmarkEval` → `example.com/exprcalc/exprcalc.BenchmarkEval`, `test_report`, a vitest bench
 * named after the function it calls) and every function it calls, directly or not, in either
 * profile; the profile changes among those functions are what the benchmark exercised.
 */
import type { FunctionChange, ProfileDiff } from '../insights/diff';
import { shortName } from '../profiles/locate';
import type { Profile } from '../profiles/model';
import type { ProfileStats } from '../profiles/stats';

export interface ProfiledRun {
  profile: Profile;
  stats: ProfileStats;
}

/** The bare function name a benchmark stands for: vitest's `file > group > name` ends with it. */
export function benchmarkFunctionName(benchmark: string): string {
  const last = benchmark.split(' > ').pop() ?? benchmark;
  return last.replace(/\[.*\]$/, '').trim();
}

/** The functions reachable from the benchmark's function through the profile's callees. */
function exercised(run: ProfiledRun, name: string): Set<number> {
  const reached = new Set<number>();
  const stack: number[] = [];
  run.profile.functions.forEach((fn, func) => {
    if (fn.name === name || shortName(fn.name) === name) stack.push(func);
  });
  while (stack.length > 0) {
    const func = stack.pop()!;
    if (reached.has(func)) continue;
    reached.add(func);
    for (const callee of run.stats.callees[func]?.keys() ?? []) stack.push(callee);
  }
  return reached;
}

/**
 * The changes of `diff` (regressions, improvements, new and removed hotspots) among the
 * functions the benchmark exercises in either run; empty when no profile function has its name.
 */
export function changesUnderBenchmark(benchmark: string, diff: ProfileDiff, base: ProfiledRun, current: ProfiledRun): FunctionChange[] {
  const name = benchmarkFunctionName(benchmark);
  if (!name) return [];
  const inBase = exercised(base, name);
  const inCurrent = exercised(current, name);
  return diff.changes.filter(
    (c) => c.kind !== 'unchanged' && c.kind !== 'shifted' && (c.baseFuncs.some((f) => inBase.has(f)) || c.currentFuncs.some((f) => inCurrent.has(f))),
  );
}

/** Per benchmark name, the profile changes under it. */
export type BenchmarkLinks = Map<string, FunctionChange[]>;

/**
 * The profile changes under each benchmark whose verdict is one of `verdicts` (a benchmark with
 * several metrics is looked up once).
 */
export function linkBenchmarks(
  deltas: ReadonlyArray<{ name: string; verdict: string }>,
  verdicts: readonly string[],
  diff: ProfileDiff,
  base: ProfiledRun,
  current: ProfiledRun,
): BenchmarkLinks {
  const links: BenchmarkLinks = new Map();
  for (const delta of deltas) {
    if (verdicts.includes(delta.verdict) && !links.has(delta.name)) links.set(delta.name, changesUnderBenchmark(delta.name, diff, base, current));
  }
  return links;
}
