/**
 * The gates of `hotpath compare`: a warning line for each regression past `--warn-on`, and exit
 * status 1 when one is past `--fail-on`. For profiles a regression is a function whose self share
 * rose (new hotspots count from zero), in points; for benchmarks a significant slowdown, in percent.
 */
import type { BenchmarkComparison } from '../benchmarks/compare';
import type { ProfileDiff } from '../insights/diff';
import { formatPercent } from '../profiles/format';
import { functionName, pText, signed } from '../benchmarks/format';

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
