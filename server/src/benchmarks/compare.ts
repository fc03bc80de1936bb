/**
 * Benchmark results of a base and a current run, compared as benchstat does: per benchmark and
 * metric, a Mann-Whitney U test of the repetitions (is the difference more than noise?) and the
 * change with its confidence interval (the Hodges-Lehmann shift of the logarithms, so a change
 * reads as a ratio: +12.3% [+9.8%, +14.1%]).
 *
 * - No verdict from too few repetitions: when the test could not reach p < α even with every
 *   run of one side above every run of the other, the result says how many runs are needed.
 * - A change is significant when p < α (default 0.05); a significant change for the worse past
 *   `threshold` percent (default 2) is a benchmark regression, for the better an improvement.
 */
import { Rating, ratingOf } from '../insights/diff';
import { mannWhitney, shiftEstimate, smallestP } from './mann-whitney';
import type { BenchmarkRun, BenchmarkSeries } from './model';

export interface BenchmarkCompareOptions {
  /** Percent change past which a significant change counts. */
  threshold: number;
  /** Significance level. */
  alpha: number;
}

export const DEFAULT_BENCHMARK_OPTIONS: BenchmarkCompareOptions = { threshold: 2, alpha: 0.05 };

export type BenchmarkVerdict = 'regression' | 'improvement' | 'no-change' | 'too-few-runs' | 'only-base' | 'only-current';

export interface BenchmarkDelta {
  name: string;
  metric: string;
  unit: BenchmarkSeries['unit'];
  higherIsBetter: boolean;
  verdict: BenchmarkVerdict;
  /** Runs of each side. */
  baseRuns: number;
  currentRuns: number;
  baseMedian?: number;
  currentMedian?: number;
  /** The change in percent (current against base) with its 95% confidence interval. */
  deltaPercent?: number;
  low?: number;
  high?: number;
  /** Two-sided p-value of the Mann-Whitney U test. */
  p?: number;
  /** Why there is no verdict, or how the test was computed, in a sentence. */
  note?: string;
}

export interface BenchmarkComparison {
  base: { source: string; format: string };
  current: { source: string; format: string };
  options: BenchmarkCompareOptions;
  rating: Rating;
  deltas: BenchmarkDelta[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The fewest runs per side with which a change can be significant at `alpha`. */
export function runsNeeded(alpha: number): number {
  let n = 2;
  while (smallestP(n, n) >= alpha) n++;
  return n;
}

/** The change of current against base in percent, with its interval. */
function relativeShift(base: readonly number[], current: readonly number[]): { delta: number; low: number; high: number } {
  if ([...base, ...current].every((v) => v > 0)) {
    // On logarithms the shift is a ratio: exp(shift) − 1 is the relative change.
    const shift = shiftEstimate(current.map(Math.log), base.map(Math.log));
    const percent = (x: number) => (Math.exp(x) - 1) * 100;
    return { delta: percent(shift.estimate), low: percent(shift.low), high: percent(shift.high) };
  }
  // Zeros (0 allocs/op) have no logarithm: the shift relative to the base's median.
  const shift = shiftEstimate(current, base);
  const scale = Math.abs(median(base));
  if (scale === 0) return shift.estimate === 0 && shift.low === 0 && shift.high === 0 ? { delta: 0, low: 0, high: 0 } : { delta: Infinity, low: -Infinity, high: Infinity };
  return { delta: (shift.estimate / scale) * 100, low: (shift.low / scale) * 100, high: (shift.high / scale) * 100 };
}

function compareSeries(base: BenchmarkSeries, current: BenchmarkSeries, options: BenchmarkCompareOptions): BenchmarkDelta {
  const delta: BenchmarkDelta = {
    name: current.name,
    metric: current.metric,
    unit: current.unit,
    higherIsBetter: current.higherIsBetter,
    verdict: 'no-change',
    baseRuns: base.values.length,
    currentRuns: current.values.length,
    baseMedian: median(base.values),
    currentMedian: median(current.values),
  };
  const needed = runsNeeded(options.alpha);
  if (smallestP(base.values.length, current.values.length) >= options.alpha) {
    return {
      ...delta,
      verdict: 'too-few-runs',
      note: `need at least ${needed} runs of each to tell a change from noise at p < ${options.alpha} (have ${base.values.length} and ${current.values.length})`,
    };
  }
  const test = mannWhitney(current.values, base.values);
  const shift = relativeShift(base.values, current.values);
  const worse = current.higherIsBetter ? shift.delta < 0 : shift.delta > 0;
  let verdict: BenchmarkVerdict = 'no-change';
  if (test.p < options.alpha && Math.abs(shift.delta) > options.threshold) verdict = worse ? 'regression' : 'improvement';
  return {
    ...delta,
    verdict,
    deltaPercent: shift.delta,
    low: shift.low,
    high: shift.high,
    p: test.p,
    note: test.method === 'exact' ? undefined : 'p from the normal approximation (ties or more than 50 runs)',
  };
}

export function compareBenchmarks(base: BenchmarkRun, current: BenchmarkRun, options: BenchmarkCompareOptions = DEFAULT_BENCHMARK_OPTIONS): BenchmarkComparison {
  const key = (s: BenchmarkSeries) => `${s.name}\u0000${s.metric}`;
  const before = new Map(base.series.map((s) => [key(s), s]));
  const deltas: BenchmarkDelta[] = [];
  const blank = (s: BenchmarkSeries, verdict: BenchmarkVerdict, side: 'base' | 'current'): BenchmarkDelta => ({
    name: s.name,
    metric: s.metric,
    unit: s.unit,
    higherIsBetter: s.higherIsBetter,
    verdict,
    baseRuns: side === 'base' ? s.values.length : 0,
    currentRuns: side === 'current' ? s.values.length : 0,
    [side === 'base' ? 'baseMedian' : 'currentMedian']: median(s.values),
  });
  for (const series of current.series) {
    const was = before.get(key(series));
    before.delete(key(series));
    deltas.push(was ? compareSeries(was, series, options) : blank(series, 'only-current', 'current'));
  }
  for (const series of before.values()) deltas.push(blank(series, 'only-base', 'base'));
  const has = (verdict: BenchmarkVerdict) => deltas.some((d) => d.verdict === verdict);
  return {
    base: { source: base.source, format: base.format },
    current: { source: current.source, format: current.format },
    options,
    rating: ratingOf(has('regression'), has('improvement')),
    deltas,
  };
}
