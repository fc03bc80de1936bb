/**
 * The gates of `hotpath compare`: a warning line for each regression past `--warn-on`, and exit
 * status 1 when one is past `--fail-on`. For profiles a regression is a function whose self share
 * rose (new hotspots count from zero), in points; for benchmarks a significant slowdown, in percent.
 */
import type { BenchmarkComparison } from '../benchmarks/compare';
import type { ProfileDiff } from '../insights/diff';
import { formatPercent } from '../profiles/format';
import { shortName } from '../profiles/locate';

export interface GateLimits {
  warnOn?: number;
  failOn?: number;
}

export interface GateOutcome {
  /** One sentence per regression past --warn-on (and not past --fail-on). */
  warnings: string[];
  /** One sentence per regression past --fail-on. */
  failures: string[];
}

/** A signed figure with one decimal: `+32.4`, `-14.8`. */
export function signed(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+∞' : '-∞';
  return `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(1)}`;
}

function sort(outcome: GateOutcome, amount: number, limits: GateLimits, sentence: (limit: number, flag: string) => string): void {
  if (limits.failOn !== undefined && amount > limits.failOn) outcome.failures.push(sentence(limits.failOn, '--fail-on'));
  else if (limits.warnOn !== undefined && amount > limits.warnOn) outcome.warnings.push(sentence(limits.warnOn, '--warn-on'));
}

export function profileGates(diff: ProfileDiff, limits: GateLimits): GateOutcome {
  const outcome: GateOutcome = { warnings: [], failures: [] };
  for (const change of diff.changes) {
    if (change.kind !== 'regression' && change.kind !== 'new') continue;
    const name = functionName(change.name);
    const what =
      change.kind === 'new'
        ? `new hotspot ${name} takes ${formatPercent(change.current!.selfPercent)} of ${diff.current.name} (${signed(change.selfDelta)} points)`
        : `${name} rose from ${formatPercent(change.base!.selfPercent)} to ${formatPercent(change.current!.selfPercent)} self (${signed(change.selfDelta)} points)`;
    sort(outcome, change.selfDelta, limits, (limit, flag) => `${what}, past ${flag} ${limit}`);
  }
  return outcome;
}

export function benchmarkGates(comparison: BenchmarkComparison, limits: GateLimits): GateOutcome {
  const outcome: GateOutcome = { warnings: [], failures: [] };
  for (const delta of comparison.deltas) {
    if (delta.verdict !== 'regression' || delta.deltaPercent === undefined) continue;
    const amount = Math.abs(delta.deltaPercent);
    const what = `${delta.name} ${delta.metric} ${signed(delta.deltaPercent)}% (${pText(delta.p!)})`;
    sort(outcome, amount, limits, (limit, flag) => `${what}, past ${flag} ${limit}%`);
  }
  return outcome;
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
