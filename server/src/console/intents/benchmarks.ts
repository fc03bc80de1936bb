/**
 * "which benchmarks got slower?", "did any benchmark regress?", "is BenchmarkParse slower?": the
 * loaded benchmark comparison (benchmarks/compare.ts) — each regression and improvement with its
 * change, 95% confidence interval and p-value, the benchmarks without a verdict and why, and,
 * where the profiles of both runs are loaded, the profile changes of the functions each one
 * exercises. Every figure names the files it comes from. Without loaded results it says how to
 * load them rather than guess.
 */
import type { BenchmarkDelta, BenchmarkVerdict } from '../../benchmarks/compare';
import { change, medians, pText } from '../../benchmarks/format';
import { benchmarkCounts } from '../../benchmarks/summary';
import type { Answer } from '../answer';
import { cannotAnswer } from '../cannot-answer';
import { AnswerDraft } from '../draft';
import type { IntentInput } from '../intent-input';
import { blocks, bold, bullets, code, heading, text } from '../markdown';
import type { BenchmarkEvidence } from '../model';
import { changeLine } from '../phrases';
import { namedBenchmarks } from '../question/benchmark-names';

const SECTIONS: ReadonlyArray<{ verdict: BenchmarkVerdict; title: string; direction: 'regressed' | 'improved' }> = [
  { verdict: 'regression', title: 'Regressions', direction: 'regressed' },
  { verdict: 'improvement', title: 'Improvements', direction: 'improved' },
];
const LISTED = 20;

/** What to say when no benchmark results are loaded. */
const HOW_TO_LOAD =
  'No benchmark results are loaded, so I can\'t say which benchmarks got slower. Load the results of a base and a current run with **Hotpath: Compare Benchmark Results…**, or on the command line `hotpath ask "…" --bench-base FILE --bench-current FILE`: `go test -bench` output (with `-count` repetitions), pytest-benchmark JSON, or a vitest bench report (a folder of them for repeated runs).';

function runs(d: BenchmarkDelta): string {
  return `${d.baseRuns} + ${d.currentRuns} ${d.baseRuns + d.currentRuns === 2 ? 'run' : 'runs'}`;
}

/** `` `BenchmarkEval` time/op: **+206.9% [+84.9%, +450.6%]**, p=0.001; median 2.38 µs → 7.30 µs over 10 + 10 runs of … ``. */
function deltaLine(d: BenchmarkDelta, from: string): string {
  const name = `${code(d.name)} ${text(d.metric)}`;
  const median = `median ${text(medians(d))}`;
  switch (d.verdict) {
    case 'regression':
    case 'improvement':
      return `${name}: ${bold(text(change(d)))}, ${pText(d.p!)}; ${median} over ${runs(d)} of ${from}`;
    case 'no-change':
      return `${name}: no significant change (${text(change(d).replace(/^~ /, ''))}, ${pText(d.p!)}); ${median} over ${runs(d)} of ${from}`;
    case 'too-few-runs':
      return `${name}: no verdict — ${text(d.note ?? 'too few runs')}; ${median} in ${from}`;
    case 'only-base':
      return `${name}: only in the base run (${median} in ${from}), not measured in the current one`;
    case 'only-current':
      return `${name}: only in the current run (${median} in ${from}), not measured in the base one`;
  }
}

/** The profile changes under a benchmark, as indented items below its line. */
function profileLines(d: AnswerDraft, evidence: BenchmarkEvidence, name: string): string[] {
  const profiles = evidence.profiles;
  if (!profiles) return [];
  const changes = profiles.changes.get(name) ?? [];
  const where = `${code(profiles.base)} → ${code(profiles.current)}`;
  d.source('profile', profiles.base);
  d.source('profile', profiles.current);
  if (changes.length === 0) return [`  - in the profiles ${where}: no function it exercises changed past the threshold (or none has its name)`];
  return [`  - in the profiles ${where}, self share of ${text(profiles.measure)}:`, ...changes.slice(0, LISTED).map((c) => `    - ${c.kind} ${changeLine(d, c)}`)];
}

export function benchmarks(input: IntentInput): Answer {
  const { model, parsed } = input;
  const d = new AnswerDraft(model);
  const evidence = model.benchmarks;
  if (!evidence) {
    d.action({ kind: 'compareBenchmarks', label: 'Compare benchmark results…' });
    return cannotAnswer(input, HOW_TO_LOAD, d);
  }
  const { comparison } = evidence;
  d.source('benchmarks', comparison.base.source);
  d.source('benchmarks', comparison.current.source);
  const from = `${code(comparison.base.source)} → ${code(comparison.current.source)}`;
  const names = namedBenchmarks(input.question, comparison.deltas.map((x) => x.name));
  const loaded = [...new Set(comparison.deltas.map((x) => x.name))];
  if (names.found.length === 0 && names.missing.length > 0) {
    return cannotAnswer(
      input,
      `${from} has no benchmark named ${names.missing.map((n) => code(n)).join(' or ')}; it holds ${loaded.slice(0, LISTED).map((n) => code(n)).join(', ')}.`,
      d,
    );
  }
  const named = names.found.length > 0;
  const deltas = named ? comparison.deltas.filter((x) => names.found.includes(x.name)) : comparison.deltas;
  const linked = new Set<string>();
  const item = (x: BenchmarkDelta) => {
    const lines = [deltaLine(x, from)];
    // A benchmark's functions are listed once, under its first regressed or improved metric.
    if ((x.verdict === 'regression' || x.verdict === 'improvement') && !linked.has(x.name)) {
      linked.add(x.name);
      lines.push(...profileLines(d, evidence, x.name));
    }
    return lines.join('\n');
  };
  const of = (verdicts: readonly BenchmarkVerdict[]) => deltas.filter((x) => verdicts.includes(x.verdict));
  const section = (title: string, listed: BenchmarkDelta[]) =>
    named && listed.length === 0 ? undefined : blocks(`#### ${title} (${listed.length})`, listed.length > 0 ? bullets(listed.slice(0, LISTED).map(item)) : 'None.');
  // A question about named benchmarks shows all of their figures, whichever way it asks.
  const direction = named ? 'both' : parsed.direction;
  const parts: Array<string | undefined> = SECTIONS.filter((s) => direction === 'both' || s.direction === direction).map((s) => section(s.title, of([s.verdict])));
  const noVerdict = of(['too-few-runs']);
  if (noVerdict.length > 0) parts.push(section('No verdict', noVerdict));
  const unchanged = of(['no-change']);
  const oneSided = of(['only-base', 'only-current']);
  if (direction === 'both') {
    if (unchanged.length > 0) parts.push(section('Unchanged', unchanged));
    if (oneSided.length > 0) parts.push(section('In one run only', oneSided));
  } else {
    const wanted = direction === 'regressed' ? 'regression' : 'improvement';
    const rest = deltas.filter((x) => x.verdict !== wanted && x.verdict !== 'too-few-runs').length;
    if (rest > 0) parts.push(`${rest} other ${rest === 1 ? 'comparison shows' : 'comparisons show'} no ${wanted}; ask ${code('benchmark changes')} for all of them.`);
  }
  const changed = deltas.some((x) => x.verdict === 'regression' || x.verdict === 'improvement');
  if (changed && !evidence.profiles) {
    d.action({ kind: 'compareBaseline', label: 'Compare with a baseline…' });
    parts.push(
      'Load the profiles of both runs (the base run\'s as the baseline of the current run\'s; `--baseline` and `--profile` on the command line) to see which functions changed under each benchmark.',
    );
  }
  d.followUp(
    direction !== 'regressed' ? 'which benchmarks got slower?' : undefined,
    direction !== 'improved' ? 'which benchmarks got faster?' : undefined,
    named || direction !== 'both' ? 'benchmark changes' : undefined,
    evidence.profiles ? 'what regressed since the baseline?' : undefined,
  );
  const { threshold, alpha } = comparison.options;
  return d.finish(
    input.question,
    'benchmarks',
    blocks(
      heading(`Benchmarks from ${from} (${text(comparison.current.format)})`),
      `${text(benchmarkCounts(comparison).headline)}. A change counts when the Mann-Whitney U test gives p < ${alpha} and it is past ${threshold}%; the intervals are 95%.`,
      ...parts,
    ),
  );
}
