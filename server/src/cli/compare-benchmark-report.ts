/**
 * How `hotpath compare` prints a benchmark comparison, as benchstat reads: per benchmark and
 * metric the medians, the change with its 95% confidence interval and the p-value, `~` where the
 * runs do not show a change, and why there is no verdict where there are too few runs. With the
 * profiles of both runs, each regression lists the profile changes of the functions under it.
 */
import type { BenchmarkComparison, BenchmarkDelta, BenchmarkVerdict } from '../benchmarks/compare';
import type { BenchmarkLinks } from '../benchmarks/profile-link';
import type { FunctionChange } from '../insights/diff';
import { formatPercent } from '../profiles/format';
import { change, formatP, functionName, medians, pText, signed } from '../benchmarks/format';
import type { GateOutcome } from './compare-gates';
import { gateLines, RATING_MARKS } from './compare-profile-report';
import { code, table } from './markdown';


const VERDICT_LABELS: Record<BenchmarkVerdict, string> = {
  regression: '🔺 regression',
  improvement: '✅ improvement',
  'no-change': '~',
  'too-few-runs': 'no verdict',
  'only-base': 'only in base',
  'only-current': 'only in current',
};

function runs(d: BenchmarkDelta): string {
  return `${d.baseRuns}+${d.currentRuns}`;
}

function counts(comparison: BenchmarkComparison): string {
  const n = (verdict: BenchmarkVerdict) => comparison.deltas.filter((d) => d.verdict === verdict).length;
  const parts = [
    [n('regression'), 'regression', 'regressions'],
    [n('improvement'), 'improvement', 'improvements'],
    [n('too-few-runs'), 'without a verdict (too few runs)', 'without a verdict (too few runs)'],
  ] as const;
  const said = parts.filter(([k]) => k > 0).map(([k, one, many]) => `${k} ${k === 1 ? one : many}`);
  return said.length > 0 ? said.join(', ') : 'no significant change';
}

function criterion(comparison: BenchmarkComparison): string {
  const { threshold, alpha } = comparison.options;
  return `A change counts when the Mann-Whitney U test gives p < ${alpha} and it is past ${threshold}%; intervals are 95%.`;
}

function linkText(change: FunctionChange): string {
  const name = functionName(change.name);
  const before = change.base ? formatPercent(change.base.selfPercent) : '—';
  const after = change.current ? formatPercent(change.current.selfPercent) : '—';
  return `${change.kind} ${name} ${before} → ${after} self (${signed(change.selfDelta)} pts)`;
}

export function formatBenchmarkText(comparison: BenchmarkComparison, links?: BenchmarkLinks): string {
  const lines = [
    `hotpath compare: ${comparison.rating} — ${comparison.base.source} → ${comparison.current.source} (${comparison.current.format})`,
    criterion(comparison),
    '',
  ];
  for (const d of comparison.deltas) {
    const verdict = d.verdict === 'no-change' ? '~' : d.verdict;
    const tail = d.p !== undefined ? `${pText(d.p)} n=${runs(d)}` : (d.note ?? '');
    lines.push(`${verdict.padEnd(14)} ${d.name}  ${d.metric}  ${medians(d)}  ${change(d)}  ${tail}`.replace(/ {2,}$/, '').trimEnd());
    if (d.verdict === 'regression') for (const c of links?.get(d.name) ?? []) lines.push(`${''.padEnd(14)}   in the profiles: ${linkText(c)}`);
  }
  lines.push('', `${counts(comparison)}.`);
  return `${lines.join('\n')}\n`;
}

export function formatBenchmarkMarkdown(comparison: BenchmarkComparison, gates: GateOutcome, links?: BenchmarkLinks): string {
  const lines = [
    `### ${RATING_MARKS[comparison.rating]} Hotpath benchmarks: ${comparison.rating} — ${counts(comparison)}`,
    '',
    `${code(comparison.base.source)} → ${code(comparison.current.source)} (${comparison.current.format}). ${criterion(comparison)}`,
    '',
  ];
  const gated = gateLines(gates);
  if (gated.length > 0) lines.push(...gated, '');
  const rows = comparison.deltas.map((d) => [
    VERDICT_LABELS[d.verdict],
    code(d.name),
    d.metric,
    medians(d),
    d.verdict === 'regression' || d.verdict === 'improvement' ? `**${change(d)}**` : change(d),
    d.p !== undefined ? formatP(d.p) : '',
    runs(d),
  ]);
  lines.push(...table(['', 'Benchmark', 'Metric', 'Median base → current', 'Change [95% CI]', 'p', 'Runs'], ['l', 'l', 'l', 'r', 'r', 'r', 'r'], rows));
  const notes = comparison.deltas.filter((d) => d.verdict === 'too-few-runs');
  if (notes.length > 0) lines.push('', ...notes.map((d) => `- ${code(d.name)}: ${d.note}.`));
  const linked = comparison.deltas.filter((d) => d.verdict === 'regression' && (links?.get(d.name)?.length ?? 0) > 0);
  if (linked.length > 0) {
    lines.push('', '**In the profiles of both runs**, under each regressed benchmark:', '');
    for (const d of linked) lines.push(`- ${code(d.name)}: ${links!.get(d.name)!.map((c) => code(linkText(c))).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function benchmarkJson(comparison: BenchmarkComparison, gates: GateOutcome, links?: BenchmarkLinks) {
  const round = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? (n ?? null) : Number(n.toFixed(4)));
  return {
    kind: 'benchmarks',
    rating: comparison.rating,
    base: comparison.base,
    current: comparison.current,
    threshold: comparison.options.threshold,
    alpha: comparison.options.alpha,
    benchmarks: comparison.deltas.map((d) => ({
      name: d.name,
      metric: d.metric,
      verdict: d.verdict,
      baseRuns: d.baseRuns,
      currentRuns: d.currentRuns,
      baseMedian: round(d.baseMedian),
      currentMedian: round(d.currentMedian),
      deltaPercent: round(d.deltaPercent),
      low: round(d.low),
      high: round(d.high),
      p: d.p ?? null,
      note: d.note ?? null,
      profileChanges: (links?.get(d.name) ?? []).map((c) => ({ kind: c.kind, name: c.name, selfDelta: Number(c.selfDelta.toFixed(2)) })),
    })),
    gates,
  };
}
