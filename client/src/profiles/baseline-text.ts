/**
 * The words and figures the client shows for a comparison with a baseline profile. Pure, so they
 * can be tested without VS Code.
 */
import type { BaselineChange, BaselineSummary } from '../../../server/src/protocol';

const percent = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)}%`);

/** `14.2% → 47.1% self · +32.9 pts`. */
export function changeFigures(change: BaselineChange): string {
  const sign = change.delta >= 0 ? '+' : '−';
  return `${percent(change.before)} → ${percent(change.after)} self · ${sign}${Math.abs(change.delta).toFixed(1)} pts`;
}

export const CHANGE_GROUPS: ReadonlyArray<{ kind: BaselineChange['kind']; label: string; icon: string }> = [
  { kind: 'regression', label: 'Regressions', icon: 'arrow-up' },
  { kind: 'new', label: 'New hotspots', icon: 'add' },
  { kind: 'improvement', label: 'Improvements', icon: 'arrow-down' },
  { kind: 'removed', label: 'Removed hotspots', icon: 'remove' },
];

/** One line about the comparison: "current.pprof against base.pprof: regressed — 1 regression, 2 removed hotspots". */
export function baselineText(summary: BaselineSummary): string {
  if (summary.problem) return `Not compared with ${summary.name}: ${summary.problem}`;
  return `${summary.current ?? 'The profile shown'} against ${summary.name}: ${summary.rating ?? 'compared'} — ${summary.counts ?? ''}`;
}
