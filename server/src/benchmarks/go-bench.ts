/**
 * `go test -bench` text output (Go's benchmark data format): a line per run,
 * `BenchmarkEval-8   268496   2379 ns/op   0 B/op   0 allocs/op`; `-count N` repeats each line.
 * Configuration lines (`goos: linux`), PASS/ok lines and test output are skipped.
 */
import { addValues, BenchmarkError, BenchmarkRun, BenchmarkSeries, MetricUnit } from './model';

const RESULT_LINE = /^(Benchmark\S*)\s+(\d+)((?:\s+[-+]?[\d.]+(?:[eE][-+]?\d+)?\s+\S+)+)\s*$/;

/** True when the text holds at least one benchmark result line. */
export function looksLikeGoBench(text: string): boolean {
  return text.split('\n').some((line) => RESULT_LINE.test(line.trimEnd()));
}

function metricOf(unit: string): { metric: string; unit: MetricUnit; higherIsBetter: boolean } {
  switch (unit) {
    case 'ns/op':
      return { metric: 'time/op', unit: 'nanoseconds', higherIsBetter: false };
    case 'B/op':
      return { metric: 'B/op', unit: 'bytes', higherIsBetter: false };
    case 'allocs/op':
      return { metric: 'allocs/op', unit: 'count', higherIsBetter: false };
    default:
      return { metric: unit, unit: 'other', higherIsBetter: unit.endsWith('/s') };
  }
}

export function readGoBench(name: string, text: string): BenchmarkRun {
  const series: BenchmarkSeries[] = [];
  text.split('\n').forEach((raw, index) => {
    const match = RESULT_LINE.exec(raw.trimEnd());
    if (!match) return;
    const benchmark = match[1].replace(/-\d+$/, '');
    const fields = match[3].trim().split(/\s+/);
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const value = Number(fields[i]);
      if (!Number.isFinite(value)) throw new BenchmarkError(name, `line ${index + 1}: "${fields[i]}" is not a number`);
      addValues(series, { name: benchmark, ...metricOf(fields[i + 1]) }, [value]);
    }
  });
  if (series.length === 0) throw new BenchmarkError(name, 'no benchmark result lines (BenchmarkName  N  value unit …)');
  return { format: 'go-bench', source: name, series };
}
