/**
 * Clocks and the arithmetic of the figures: throughput, percentiles and how they are written.
 */
import { performance } from 'node:perf_hooks';

/** Bytes in the megabyte of every figure (decimal, as disk sizes are written). */
export const MB = 1_000_000;

export function now(): number {
  return performance.now();
}

/** Megabytes per second for `bytes` handled in `ms` milliseconds. */
export function mbPerSecond(bytes: number, ms: number): number {
  return ms > 0 ? bytes / MB / (ms / 1000) : Number.POSITIVE_INFINITY;
}

/** The value below which `fraction` of the samples lie (nearest rank). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

export function formatMb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

export function formatRate(mbps: number): string {
  return `${mbps.toFixed(2)} MB/s`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(1)} ms`;
}

/** A ratio written as a multiplier, `1.23x`. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a';
}

/** Prints a progress line, with the seconds since the start, to stderr, so the figures on stdout stay a clean report. */
export function note(message: string): void {
  process.stderr.write(`[bench:scan +${(now() / 1000).toFixed(0)}s] ${message}\n`);
}
