/**
 * `hotpath ask "QUESTION" [--profile F]... [--baseline F] [--sarif-in F]... [--root DIR]
 * [--at FILE:LINE] [--bench-base F --bench-current F] [--format text|json]`: the optimization
 * console in a terminal. Scans the workspace at `--root` (merging other tools' SARIF results),
 * reads the profiles (the last one is active, compared with `--baseline` when given) and the
 * benchmark results of a base and a current run (files or folders of runs, as `hotpath compare`
 * takes them; tied to the profiles when `--baseline` and `--profile` are the profiles of those
 * runs) and answers from them; text renders the answer's
 * markdown for a terminal, json prints the Answer as the webview and the LSP request get it.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Answer, AnswerAction } from '../console/answer';
import { ask } from '../console/ask';
import type { BenchmarkComparison } from '../benchmarks/compare';
import { loadBenchmarkPair } from '../benchmarks/load-pair';
import { BenchmarkError } from '../benchmarks/model';
import { benchmarkEvidence, type RunProfiles } from '../console/benchmark-evidence';
import { compareWithBaseline, comparisonFromDiff, diffWithBaseline } from '../console/comparison';
import { ComparisonError } from '../insights/profile-kind';
import { sourcedFindings, type AskContext, type SourcedFinding } from '../console/model';
import { modelFromFiles } from '../console/model-from-files';
import { renderText } from '../console/render-text';
import { computeStats } from '../profiles/stats';
import { DEFAULT_EXCLUDE, DEFAULTS } from '../settings';
import { ScanPool } from '../workspace/scan-pool';
import { scanTargets } from '../workspace/scan-folders';
import { ScanCollector } from '../summaries/scan-collector';
import { loadCliProfile } from './cli-profile';
import { displayPath, type FileFindings } from './report-formats';
import { mergeSarifLogs } from './sarif-in';
import type { CliIo } from './scan-command';
import { asUsage, UsageError } from './usage';

const OPTIONS = {
  profile: { type: 'string', multiple: true },
  baseline: { type: 'string' },
  'bench-base': { type: 'string' },
  'bench-current': { type: 'string' },
  'sarif-in': { type: 'string', multiple: true },
  root: { type: 'string' },
  format: { type: 'string', default: 'text' },
  at: { type: 'string' },
} as const;

/** `--at report.js:7[:12]`: the editor's cursor for questions about "this". */
function contextAt(at: string, cwd: string): { file: string; context: AskContext } {
  const match = /^(.*?):(\d+)(?::(\d+))?$/.exec(at);
  if (!match || Number(match[2]) < 1) throw new UsageError(`--at must be FILE:LINE or FILE:LINE:COLUMN, not "${at}"`);
  const file = path.resolve(cwd, match[1]);
  const position = { line: Number(match[2]) - 1, character: match[3] ? Number(match[3]) - 1 : 0 };
  return { file, context: { uri: pathToFileURL(file).href, range: { start: position, end: position } } };
}

/** Hotpath's findings in the workspace, with other tools' from SARIF logs merged in. */
async function workspaceFindings(root: string, sarifLogs: readonly string[], io: CliIo): Promise<SourcedFinding[]> {
  const settings = { rules: {}, ioCalls: [] };
  const collected = new ScanCollector(settings);
  const pool = new ScanPool();
  try {
    await scanTargets(
      pool,
      { folders: [root], exclude: DEFAULT_EXCLUDE, maxFileSizeKb: DEFAULTS.maxFileSizeKb },
      settings,
      {
        onFile: (file, findings, _failures, summary) => collected.add(file, findings, summary),
        onSkip: () => undefined,
      },
    );
  } finally {
    await pool.dispose();
  }
  const results: FileFindings[] = collected.results();
  const { notes } = await mergeSarifLogs(results, sarifLogs, root, (file) => displayPath(file, io.cwd));
  for (const note of notes) io.stderr(`hotpath: ${note}\n`);
  return results.sort((a, b) => a.file.localeCompare(b.file)).flatMap((r) => sourcedFindings(r.file, r.findings));
}

/** What each action is in a terminal; a quick fix is applied in an editor, and the answer's text already says which. */
const ACTION_HINTS: Readonly<Record<Exclude<AnswerAction['kind'], 'applyQuickFix'>, string>> = {
  importProfile: 'Load a profile: add --profile FILE.',
  compareBaseline: 'Compare with a baseline: add --baseline FILE.',
  compareBenchmarks: 'Compare benchmark results: add --bench-base FILE --bench-current FILE.',
  openFile: 'Open',
};

/** The answer for a terminal: its text, then what to ask next and what to do. */
export function answerText(answer: Answer): string {
  const parts = [renderText(answer.markdown)];
  if (answer.followUps.length > 0) parts.push(['Ask next:', ...answer.followUps.map((q) => `  hotpath ask ${JSON.stringify(q)}`)].join('\n'));
  const hints = answer.actions.flatMap((a) => (a.kind === 'applyQuickFix' ? [] : a.kind === 'openFile' ? [`${ACTION_HINTS.openFile} ${a.label}`] : [ACTION_HINTS[a.kind]]));
  if (hints.length > 0) parts.push(hints.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** The benchmark comparison of `--bench-base` and `--bench-current`, which go together. */
async function benchmarksOf(base: string | undefined, current: string | undefined, cwd: string): Promise<BenchmarkComparison | undefined> {
  if (base === undefined && current === undefined) return undefined;
  if (base === undefined || current === undefined) throw new UsageError('--bench-base and --bench-current go together: the benchmark results of the base and of the current run');
  try {
    return await loadBenchmarkPair(path.resolve(cwd, base), path.resolve(cwd, current), (file) => displayPath(file, cwd));
  } catch (error) {
    if (error instanceof BenchmarkError) throw new UsageError(error.message);
    throw error;
  }
}

export async function runAsk(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = asUsage(() => parseArgs({ args, allowPositionals: true, options: OPTIONS }));
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('ask needs a question, e.g. hotpath ask "what should I fix first?"');
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const root = path.resolve(io.cwd, values.root ?? '.');
  const at = values.at ? contextAt(values.at, io.cwd) : undefined;
  const profiles = [];
  for (const file of values.profile ?? []) profiles.push({ path: path.resolve(io.cwd, file), ...(await loadCliProfile(path.resolve(io.cwd, file), root)) });
  const findings = await workspaceFindings(root, (values['sarif-in'] ?? []).map((f) => path.resolve(io.cwd, f)), io);
  const active = profiles[profiles.length - 1];
  let comparison;
  let runs: RunProfiles | undefined;
  if (values.baseline) {
    if (!active) throw new UsageError('--baseline compares with the active profile: give one with --profile');
    const base = path.resolve(io.cwd, values.baseline);
    const { profile, mapper } = await loadCliProfile(base, root);
    const name = (file: string) => path.basename(file);
    const sides = [{ name: name(base), profile, mapper }, { name: name(active.path), profile: active.profile, mapper: active.mapper, sampleType: active.stats.sampleType }] as const;
    try {
      const { diff, baseSampleType } = diffWithBaseline(...sides);
      comparison = comparisonFromDiff(diff);
      runs = { diff, base: { profile, stats: computeStats(profile, baseSampleType) }, current: active };
    } catch (error) {
      // Profiles that measure different things: the comparison says why, as the editor's does.
      if (!(error instanceof ComparisonError)) throw error;
      comparison = compareWithBaseline(...sides);
    }
  }
  const benchmarks = await benchmarksOf(values['bench-base'], values['bench-current'], io.cwd);
  const model = await modelFromFiles({
    roots: [root],
    findings,
    profiles,
    comparison,
    benchmarks: benchmarks && benchmarkEvidence(benchmarks, runs),
    alsoRead: at ? [at.file] : [],
  });
  const answer = ask(question, model, at?.context);
  io.stdout(format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : answerText(answer));
  return 0;
}
