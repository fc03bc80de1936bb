/**
 * Benchmark figures as every report reads them (`hotpath compare`, the console): medians in their
 * unit, the change with its 95% confidence interval, p-values as benchstat prints them.
 */
import { formatValue } from '../profiles/format';
import { shortName } from '../profiles/locate';
import type { BenchmarkDelta } from './compare';
import type { MetricUnit } from './model';

/** A signed figure with one decimal: `+32.4`, `-14.8`. */
export function signed(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+∞' : '-∞';
  return `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(1)}`;
}

/**
 * A function's name as a sentence uses it: the bare name of a qualified one
 * (`example.com/exprcalc/exprcalc.lookup` → `lookup`), whole when it is a description
 * (`<method 'lower' of 'str' objects>`).
 */
export function functionName(name: string): string {
  return /\s/.test(name) || !shortName(name) ? name : shortName(name);
}

/** A p-value as benchstat prints it: three decimals, or `<0.001`. */
export function formatP(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** `p=0.015` or `p<0.001`, for text. */
export function pText(p: number): string {
  return p < 0.001 ? 'p<0.001' : `p=${p.toFixed(3)}`;
}

function value(v: number | undefined, unit: MetricUnit, metric: string): string {
  if (v === undefined) return '—';
  if (unit === 'other') return `${Number(v.toPrecision(4))} ${metric}`;
  return formatValue(v, unit === 'count' ? 'count' : unit);
}

/** `2.38 µs → 7.30 µs`: the medians of the base and the current runs. */
export function medians(d: BenchmarkDelta): string {
  return `${value(d.baseMedian, d.unit, d.metric)} → ${value(d.currentMedian, d.unit, d.metric)}`;
}

/** `+131.4% [+90.5%, +187.6%]`, `~ (+0.7%)` when not significant, or '' without a test. */
export function change(d: BenchmarkDelta): string {
  if (d.deltaPercent === undefined) return '';
  const figure = `${signed(d.deltaPercent)}% [${signed(d.low!)}%, ${signed(d.high!)}%]`;
  return d.verdict === 'no-change' ? `~ ${figure}` : figure;
}
