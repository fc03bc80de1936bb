/**
 * Benchmark results of a base and a current run, read and compared: what `hotpath compare`, `hotpath
 * ask --bench-base/--bench-current` and the editor's "Compare Benchmark Results…" share. A file
 * that is not benchmark results (a profile, say) is refused with its name.
 */
import { BenchmarkComparison, BenchmarkCompareOptions, compareBenchmarks, DEFAULT_BENCHMARK_OPTIONS } from './compare';
import { loadBenchmarks } from './load';
import { BenchmarkError, BenchmarkRun } from './model';

export const NOT_BENCHMARKS = 'not benchmark results (go test -bench output, pytest-benchmark JSON or a vitest bench report)';

/** Reads one side; `shown` is the name the results and errors carry. */
async function readSide(file: string, shown: string): Promise<BenchmarkRun> {
  let run: BenchmarkRun | undefined;
  try {
    run = await loadBenchmarks(file);
  } catch (error) {
    // The loader names the resolved path (or a file in the folder); users know it by the name they gave.
    if (!(error instanceof BenchmarkError) || !error.message.startsWith(file)) throw error;
    const rest = error.message.slice(file.length);
    const cut = rest.indexOf(': ');
    throw new BenchmarkError(`${shown}${rest.slice(0, cut)}`, rest.slice(cut + 2));
  }
  if (!run) throw new BenchmarkError(shown, NOT_BENCHMARKS);
  return { ...run, source: shown };
}

/** Reads both files (or folders of runs) and compares them; errors are BenchmarkErrors naming the file. */
export async function loadBenchmarkPair(
  base: string,
  current: string,
  shown: (file: string) => string,
  options: BenchmarkCompareOptions = DEFAULT_BENCHMARK_OPTIONS,
): Promise<BenchmarkComparison> {
  const [before, after] = await Promise.all([readSide(base, shown(base)), readSide(current, shown(current))]);
  return compareBenchmarks(before, after, options);
}
