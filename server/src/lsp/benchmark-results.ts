/**
 * Benchmark results of a base and a current run in the editor: "Hotpath: Compare Benchmark
 * Results…" sends the two files (or folders of runs), the server reads and compares them
 * (benchmarks/load-pair.ts) and keeps the comparison for the optimization console.
 */
import * as path from 'node:path';
import { Connection, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { BenchmarkComparison } from '../benchmarks/compare';
import { loadBenchmarkPair } from '../benchmarks/load-pair';
import { BenchmarkError } from '../benchmarks/model';
import { benchmarkCounts } from '../benchmarks/summary';
import { displayPath } from '../console/draft';
import { BenchmarkSummary, compareBenchmarksRequest } from '../protocol';

export interface BenchmarkContext {
  connection: Connection;
  folders(): readonly string[];
  log(message: string): void;
}

/** The parameters, checked: two non-empty paths, or null. */
function checked(params: unknown): { base: string; current: string } | null {
  if (params === null || params === undefined) return null;
  const { base, current } = params as { base?: unknown; current?: unknown };
  if (typeof base !== 'string' || typeof current !== 'string' || !base || !current) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'compareBenchmarks needs { "base": "…", "current": "…" } or null');
  }
  return { base, current };
}

export function benchmarkSummary(comparison: BenchmarkComparison): BenchmarkSummary {
  const counts = benchmarkCounts(comparison);
  return {
    base: comparison.base.source,
    current: comparison.current.source,
    format: comparison.current.format,
    benchmarks: counts.benchmarks,
    slower: counts.byVerdict.regression,
    faster: counts.byVerdict.improvement,
    unchanged: counts.byVerdict['no-change'],
    noVerdict: counts.byVerdict['too-few-runs'],
    headline: counts.headline,
  };
}

export class BenchmarkResults {
  private loaded?: BenchmarkComparison;

  constructor(private readonly ctx: BenchmarkContext) {}

  register(): void {
    this.ctx.connection.onRequest(compareBenchmarksRequest, async (params) => {
      const files = checked(params);
      if (!files) {
        this.loaded = undefined;
        return null;
      }
      const folders = this.ctx.folders();
      const resolve = (file: string) => path.resolve(folders[0] ?? '.', file);
      try {
        // A comparison that cannot be read leaves the one before in place.
        this.loaded = await loadBenchmarkPair(resolve(files.base), resolve(files.current), (file) => displayPath({ roots: folders }, file));
      } catch (error) {
        if (error instanceof BenchmarkError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
        throw error;
      }
      const summary = benchmarkSummary(this.loaded);
      this.ctx.log(`Benchmarks ${summary.base} → ${summary.current}: ${summary.headline}.`);
      return summary;
    });
  }

  /** The comparison loaded, for the optimization console. */
  comparison(): BenchmarkComparison | undefined {
    return this.loaded;
  }
}
