/**
 * How `hotpath compare` prints a profile comparison: text for terminals, JSON for tools, and
 * markdown for a pull-request comment (a summary line with the rating, a table of what changed
 * with shares before → after and the change, the other functions in a collapsed section).
 */
import { ChangeKind, changeCounts, changesOf, FunctionChange, ProfileDiff, Rating, Shares } from '../insights/diff';
import { formatPercent, formatValue, measureNoun } from '../profiles/format';
import type { HeatSource } from '../profiles/heat';
import type { GateOutcome } from './compare-gates';
import { signed } from '../benchmarks/format';
import { code, table } from './markdown';
import { displayPath } from './report-formats';

/** The kinds a reader acts on, in the order they are listed. */
const LISTED: readonly ChangeKind[] = ['regression', 'new', 'improvement', 'removed'];

const KIND_LABELS: Record<ChangeKind, { one: string; mark: string }> = {
  regression: { one: 'regression', mark: '🔺' },
  new: { one: 'new hotspot', mark: '🆕' },
  improvement: { one: 'improvement', mark: '✅' },
  removed: { one: 'removed hotspot', mark: '➖' },
  shifted: { one: 'shifted', mark: '↕' },
  unchanged: { one: 'unchanged', mark: '' },
};

export const RATING_MARKS: Record<Rating, string> = { regressed: '🔺', improved: '✅', mixed: '🔀', unchanged: '⚪' };

/** Details list at most this many other functions. */
const DETAIL_ROWS = 15;

function share(shares: Shares | undefined, which: 'selfPercent' | 'totalPercent'): string {
  return shares ? formatPercent(shares[which]) : '—';
}

function beforeAfter(change: FunctionChange, which: 'selfPercent' | 'totalPercent'): string {
  return `${share(change.base, which)} → ${share(change.current, which)}`;
}

/** Where a function is: the workspace file relative to `root`, else the recorded path, with the line. */
function where(change: FunctionChange, root: string): string {
  const file = change.workspaceFile ? displayPath(change.workspaceFile, root) : change.file;
  if (!file) return '';
  return change.line > 0 ? `${file}:${change.line}` : file;
}

function sideSummary(source: HeatSource): string {
  const samples = source.sampleCount !== undefined ? `, ${source.sampleCount.toLocaleString('en-US')} samples` : '';
  return `${formatValue(source.grand, source.unit)}${samples}`;
}

function measured(diff: ProfileDiff): string {
  const { current } = diff;
  return `${measureNoun(current)} (${current.sampleType}, ${current.unit})`;
}

function thresholds(diff: ProfileDiff): string {
  const { threshold, newThreshold } = diff.options;
  return `A change counts past ${threshold} points of self share; a function found in one profile only counts above ${newThreshold}%.`;
}

export function formatProfileText(diff: ProfileDiff, root: string): string {
  const lines = [
    `hotpath compare: ${diff.rating} — ${diff.base.name} → ${diff.current.name}`,
    `${measured(diff)}: base ${sideSummary(diff.base)}; current ${sideSummary(diff.current)}`,
    thresholds(diff),
    '',
  ];
  // Shifted functions are listed too, so that a reader sees why they are not improvements.
  const listed = diff.changes.filter((c) => LISTED.includes(c.kind) || c.kind === 'shifted');
  for (const c of listed) {
    lines.push(`${c.kind.padEnd(12)} ${beforeAfter(c, 'selfPercent').padStart(15)}  ${`${signed(c.selfDelta)} pts`.padStart(10)}  ${c.name}  ${where(c, root)}`.trimEnd());
  }
  if (listed.length > 0) lines.push('');
  const shifted = changesOf(diff, 'shifted').length;
  const moved = shifted === 1 ? '1 function moved' : `${shifted} functions moved`;
  lines.push(`${changeCounts(diff)}.${shifted > 0 ? ` Shifted: ${moved} past ${diff.options.threshold} points only because others changed.` : ''}`);
  return `${lines.join('\n')}\n`;
}

function changeRow(c: FunctionChange, root: string, marked: boolean): string[] {
  const label = KIND_LABELS[c.kind];
  const kind = marked ? `${label.mark} ${label.one}` : c.kind === 'shifted' ? 'shifted by others' : '';
  const delta = `${signed(c.selfDelta)} pts`;
  return [kind, code(c.name), where(c, root) ? code(where(c, root)) : '', beforeAfter(c, 'selfPercent'), marked ? `**${delta}**` : delta, beforeAfter(c, 'totalPercent')];
}

const HEADER = ['', 'Function', 'Where', 'Self before → after', 'Δ self', 'Total before → after'];
const ALIGN = ['l', 'l', 'l', 'r', 'r', 'r'] as const;

/** A gate's outcome as markdown lines: a quote per failure and warning. */
export function gateLines(gates: GateOutcome): string[] {
  return [...gates.failures.map((f) => `> ⛔ **Failing:** ${f}`), ...gates.warnings.map((w) => `> ⚠️ **Warning:** ${w}`)];
}

export function formatProfileMarkdown(diff: ProfileDiff, root: string, gates: GateOutcome): string {
  const lines = [
    `### ${RATING_MARKS[diff.rating]} Hotpath: ${diff.rating} — ${changeCounts(diff)}`,
    '',
    `${code(diff.base.name)} → ${code(diff.current.name)} · ${measured(diff)} · base ${sideSummary(diff.base)}, current ${sideSummary(diff.current)}. ${thresholds(diff)}`,
    '',
  ];
  const gated = gateLines(gates);
  if (gated.length > 0) lines.push(...gated, '');
  const listed = diff.changes.filter((c) => LISTED.includes(c.kind));
  if (listed.length > 0) lines.push(...table(HEADER, ALIGN, listed.map((c) => changeRow(c, root, true))), '');
  const others = diff.changes.filter((c) => !LISTED.includes(c.kind));
  if (others.length > 0) {
    const shown = others.slice(0, DETAIL_ROWS);
    lines.push(`<details><summary>Other functions (${others.length}), largest change first</summary>`, '');
    lines.push(...table(HEADER, ALIGN, shown.map((c) => changeRow(c, root, false))));
    if (others.length > shown.length) lines.push('', `…and ${others.length - shown.length} more, each below the ones listed.`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}

const round = (n: number) => Number(n.toFixed(2));

function sharesJson(shares: Shares | undefined) {
  return shares ? { self: shares.self, total: shares.total, selfPercent: round(shares.selfPercent), totalPercent: round(shares.totalPercent) } : null;
}

export function profileJson(diff: ProfileDiff, root: string, gates: GateOutcome) {
  const side = (s: HeatSource) => ({ name: s.name, format: s.format, sampleType: s.sampleType, unit: s.unit, total: s.grand, sampleCount: s.sampleCount ?? null });
  return {
    kind: 'profiles',
    rating: diff.rating,
    base: side(diff.base),
    current: side(diff.current),
    threshold: diff.options.threshold,
    newThreshold: diff.options.newThreshold,
    changes: diff.changes
      .filter((c) => c.kind !== 'unchanged')
      .map((c) => ({
        kind: c.kind,
        name: c.name,
        file: (c.workspaceFile ? displayPath(c.workspaceFile, root) : c.file) || null,
        line: c.line || null,
        base: sharesJson(c.base),
        current: sharesJson(c.current),
        selfDelta: round(c.selfDelta),
        totalDelta: round(c.totalDelta),
      })),
    unchanged: changesOf(diff, 'unchanged').length,
    gates,
  };
}
