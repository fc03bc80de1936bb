/**
 * Benchmark results as every importer produces them: per benchmark and metric, the values of
 * each repetition (`go test -count 10`, pytest-benchmark's rounds, one vitest run per file).
 */

/** How a metric's values read: time per operation, bytes, a plain count, or another unit. */
export type MetricUnit = 'nanoseconds' | 'bytes' | 'count' | 'other';

export interface BenchmarkSeries {
  /** The benchmark as its runner names it, without Go's `-GOMAXPROCS` suffix. */
  name: string;
  /** What is measured: `time/op`, `B/op`, `allocs/op`, `MB/s`… */
  metric: string;
  unit: MetricUnit;
  /** True for throughputs (`MB/s`): a larger value is better. */
  higherIsBetter: boolean;
  /** One value per repetition, in `unit` (times in nanoseconds). */
  values: number[];
}

export interface BenchmarkRun {
  /** The importer: `go-bench`, `pytest-benchmark`, `vitest-bench`. */
  format: string;
  /** The file or folder it came from, as the user named it. */
  source: string;
  series: BenchmarkSeries[];
}

/** Benchmark results that cannot be read, with a message that names the file and the problem. */
export class BenchmarkError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'BenchmarkError';
  }
}

/** Adds values to the series of (name, metric), creating it when it is the first. */
export function addValues(series: BenchmarkSeries[], entry: Omit<BenchmarkSeries, 'values'>, values: readonly number[]): void {
  const found = series.find((s) => s.name === entry.name && s.metric === entry.metric);
  if (found) found.values.push(...values);
  else series.push({ ...entry, values: [...values] });
}
