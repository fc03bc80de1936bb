/**
 * A benchmark comparison in one line, per benchmark rather than per metric: "3 benchmarks
 * compared: 1 slower, 1 faster, 1 unchanged". A benchmark counts as slower when any of its
 * metrics (time/op, B/op, allocs/op…) regressed, as faster when one improved and none regressed.
 */
import type { BenchmarkComparison, BenchmarkVerdict } from './compare';

/** From the verdict that decides a benchmark's word to the least. */
const ORDER: readonly BenchmarkVerdict[] = ['regression', 'improvement', 'no-change', 'too-few-runs', 'only-base', 'only-current'];

const WORDS: Readonly<Record<BenchmarkVerdict, string>> = {
  regression: 'slower',
  improvement: 'faster',
  'no-change': 'unchanged',
  'too-few-runs': 'without a verdict (too few runs)',
  'only-base': 'only in the base run',
  'only-current': 'only in the current run',
};

export interface BenchmarkCounts {
  benchmarks: number;
  byVerdict: Record<BenchmarkVerdict, number>;
  headline: string;
}

export function benchmarkCounts(comparison: BenchmarkComparison): BenchmarkCounts {
  const verdicts = new Map<string, BenchmarkVerdict>();
  for (const d of comparison.deltas) {
    const was = verdicts.get(d.name);
    if (was === undefined || ORDER.indexOf(d.verdict) < ORDER.indexOf(was)) verdicts.set(d.name, d.verdict);
  }
  const byVerdict = Object.fromEntries(ORDER.map((v) => [v, 0])) as Record<BenchmarkVerdict, number>;
  for (const verdict of verdicts.values()) byVerdict[verdict]++;
  const parts = ORDER.filter((v) => byVerdict[v] > 0).map((v) => `${byVerdict[v]} ${WORDS[v]}`);
  const n = verdicts.size;
  return { benchmarks: n, byVerdict, headline: `${n} ${n === 1 ? 'benchmark' : 'benchmarks'} compared: ${parts.join(', ')}` };
}
