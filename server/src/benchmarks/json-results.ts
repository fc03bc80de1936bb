/**
 * Benchmark result formats in JSON: pytest-benchmark's `--benchmark-json` file and vitest's
 * `vitest bench --outputJson` report. Their shapes are checked value by value; anything else is
 * refused with the file's name and what was expected.
 */
import { addValues, BenchmarkError, BenchmarkRun, BenchmarkSeries } from './model';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finiteNumbers(value: Json): number[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (value as number[]) : undefined;
}

/** pytest-benchmark: `{"benchmarks": [{"name", "fullname", "stats": {…, "data": [seconds…]}}], "version"}`. */
export function isPytestBenchmark(doc: Json): boolean {
  return isObject(doc) && Array.isArray(doc.benchmarks) && isObject(doc.machine_info) && doc.benchmarks.every((b) => isObject(b) && isObject(b.stats));
}

/**
 * Each benchmark's per-round times when the file has them (`stats.data`, seconds per call, which
 * `--benchmark-json` writes), else its mean as a single value: one run of the suite.
 */
export function readPytestBenchmark(name: string, doc: Json): BenchmarkRun {
  if (!isPytestBenchmark(doc)) throw new BenchmarkError(name, 'not a pytest-benchmark JSON file (no "benchmarks" with "stats")');
  const series: BenchmarkSeries[] = [];
  (doc as { benchmarks: Array<Record<string, Json>> }).benchmarks.forEach((entry, index) => {
    const stats = entry.stats as Record<string, Json>;
    const label = typeof entry.name === 'string' ? entry.name : `benchmarks[${index}]`;
    const data = finiteNumbers(stats.data);
    const mean = typeof stats.mean === 'number' && Number.isFinite(stats.mean) ? [stats.mean] : undefined;
    const seconds = data && data.length > 0 ? data : mean;
    if (!seconds) throw new BenchmarkError(name, `${label}: "stats" has neither "data" nor a numeric "mean"`);
    addValues(series, { name: label, metric: 'time/op', unit: 'nanoseconds', higherIsBetter: false }, seconds.map((s) => s * 1e9));
  });
  return { format: 'pytest-benchmark', source: name, series };
}

/** vitest: `{"files": [{"filepath", "groups": [{"fullName", "benchmarks": [{"name", "mean", …}]}]}]}`. */
export function isVitestBench(doc: Json): boolean {
  return isObject(doc) && Array.isArray(doc.files) && doc.files.every((f) => isObject(f) && Array.isArray(f.groups));
}

/**
 * One vitest run: each benchmark's mean time per iteration (milliseconds in the file) is one value.
 * A folder of such files (one per run of `vitest bench`) gives each benchmark its repetitions.
 */
export function readVitestBench(name: string, doc: Json): BenchmarkRun {
  if (!isVitestBench(doc)) throw new BenchmarkError(name, 'not a vitest bench report (no "files" with "groups")');
  const series: BenchmarkSeries[] = [];
  for (const file of (doc as { files: Array<Record<string, Json>> }).files) {
    for (const group of file.groups as Json[]) {
      if (!isObject(group) || !Array.isArray(group.benchmarks)) throw new BenchmarkError(name, 'a group has no "benchmarks" list');
      const prefix = typeof group.fullName === 'string' ? `${group.fullName} > ` : '';
      for (const bench of group.benchmarks) {
        if (!isObject(bench) || typeof bench.name !== 'string' || typeof bench.mean !== 'number' || !Number.isFinite(bench.mean)) {
          throw new BenchmarkError(name, `a benchmark of "${prefix.slice(0, -3)}" has no "name" and numeric "mean"`);
        }
        addValues(series, { name: `${prefix}${bench.name}`, metric: 'time/op', unit: 'nanoseconds', higherIsBetter: false }, [bench.mean * 1e6]);
      }
    }
  }
  if (series.length === 0) throw new BenchmarkError(name, 'the vitest report holds no benchmark');
  return { format: 'vitest-bench', source: name, series };
}
