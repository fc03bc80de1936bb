/**
 * `node --expose-gc out/bench/ask/main.js` (after `npm run build`): how long the optimization console takes
 * to answer, per question, on a CPU profile of more than 100 MB once it is imported — the one
 * bench:import records from bench/import/workload with `node --cpu-prof` (bench/.corpus/import/,
 * made on first use). Target: under 100 ms per question. The peer, measured in the same run, is
 * what `hotpath profile` does to rank the functions: a sort of all of them by self value.
 * See bench/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSource } from '../../server/src/analyze';
import { loadCliProfile } from '../../server/src/cli/cli-profile';
import { ask } from '../../server/src/console/ask';
import { HOTPATH_TOOL, type ConsoleModel, type SourcedFinding } from '../../server/src/console/model';
import { modelFromFiles } from '../../server/src/console/model-from-files';
import { workspaceExamples } from '../../server/src/console/suggestions';
import { AnalysisConfig } from '../../server/src/rules/config';
import { DEFAULT_EXCLUDE, DEFAULTS } from '../../server/src/settings';
import { listTargets } from '../../server/src/workspace/scan-folders';
import { gatherProfiles } from '../import/corpus';
import { formatMb, formatMs, formatRatio, median, now, percentile } from '../scan/measure';
import { formatTable, Row } from '../scan/report';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS_DIR = path.join(ROOT, 'bench', '.corpus', 'import');
/** Times each question is asked after the first; the median and the slowest are printed. */
const REPEATS = Math.max(1, Number(process.env.BENCH_ASK_REPEATS) || 20);
const TARGET_MS = 100;

function note(message: string): void {
  process.stderr.write(`[bench:ask +${(now() / 1000).toFixed(0)}s] ${message}\n`);
}

async function findingsUnder(folder: string): Promise<SourcedFinding[]> {
  const files = await listTargets({ folders: [folder], exclude: DEFAULT_EXCLUDE, maxFileSizeKb: DEFAULTS.maxFileSizeKb }, () => undefined);
  const config = new AnalysisConfig();
  const found: SourcedFinding[] = [];
  for (const file of files) {
    const { findings } = await analyzeSource(fs.readFileSync(file.path, 'utf8'), file.grammar, config);
    found.push(...findings.map((finding) => ({ file: file.path, finding, tool: HOTPATH_TOOL })));
  }
  return found;
}

/** One question's time, on a model object of its own, as the language server builds one per request. */
function timed(question: string, model: ConsoleModel): { ms: number; answered: boolean } {
  const fresh = { ...model };
  const start = now();
  const answer = ask(question, fresh);
  return { ms: now() - start, answered: answer.answered };
}

/** What `hotpath profile` does to rank functions: every function with a value, sorted by self. */
function rankAll(model: ConsoleModel): number {
  const { self, total } = model.profile!.stats;
  const start = now();
  [...self.keys()].filter((f) => self[f] > 0).sort((a, b) => self[b] - self[a] || total[b] - total[a]);
  return now() - start;
}

async function main(): Promise<void> {
  const profile = gatherProfiles(ROOT, CORPUS_DIR).find((p) => p.kind === 'cpuprofile');
  if (!profile) throw new Error('bench:import made no CPU profile');
  note(`importing ${profile.file} (${formatMb(profile.bytes)})`);
  let start = now();
  const loaded = await loadCliProfile(profile.file, profile.folder);
  const importMs = now() - start;
  start = now();
  const findings = await findingsUnder(profile.folder);
  const model = await modelFromFiles({ roots: [profile.folder], findings, profiles: [{ path: profile.file, ...loaded }] });
  const modelMs = now() - start;
  note(`imported in ${formatMs(importMs)}; ${loaded.profile.functions.length} functions; findings and model in ${formatMs(modelMs)}`);

  const e = workspaceExamples(model);
  const hot = e.hotFunction ?? 'main';
  const typo = hot.length > 5 ? `${hot.slice(0, 2)}${hot[3]}${hot[2]}${hot.slice(4)}` : hot;
  const questions = [
    'top 10 hotspots',
    'what should I fix first?',
    `why is ${hot} slow?`,
    `why is ${typo} slow?`,
    'profile summary',
    'top 10 by total',
    `hottest functions in ${e.hotFile ?? 'main.mjs'}`,
    'how much time is spent in my own code?',
    'list all findings',
    'what regressed since the baseline?',
    'help',
    'why is the weather nice today?',
  ];
  // By the time a person has typed a question the import's garbage is collected; with --expose-gc
  // the bench collects it now rather than charge the first answer for it.
  (globalThis as { gc?: () => void }).gc?.();
  // The first question after import also builds the indexes kept per profile (where each function
  // is, names) and runs the console's code for the first time.
  const first = timed(questions[0], model);
  const peer = median(Array.from({ length: REPEATS }, () => rankAll(model)));
  const rows: Row[] = [
    {
      measure: `first question after import ("${questions[0]}")`,
      language: 'cpuprofile',
      files: 1,
      bytes: profile.bytes,
      hotpath: formatMs(first.ms),
      peer: `sort of all functions ${formatMs(peer)}`,
      ratio: `time ${formatRatio(first.ms / peer)}`,
      target: `< ${TARGET_MS} ms`,
      met: first.ms < TARGET_MS,
      notes: `import itself ${formatMs(importMs)}, not counted; ${loaded.profile.functions.length.toLocaleString('en-US')} functions`,
    },
  ];
  for (const question of questions) {
    const runs = Array.from({ length: REPEATS }, () => timed(question, model));
    const p50 = median(runs.map((r) => r.ms));
    const slowest = percentile(runs.map((r) => r.ms), 1);
    note(`${question}: median ${formatMs(p50)}, slowest ${formatMs(slowest)}`);
    rows.push({
      measure: `"${question}" (${REPEATS} runs, median)`,
      language: 'cpuprofile',
      hotpath: formatMs(p50),
      peer: `sort of all functions ${formatMs(peer)}`,
      ratio: `time ${formatRatio(p50 / peer)}`,
      target: `< ${TARGET_MS} ms`,
      met: slowest < TARGET_MS,
      notes: `slowest ${formatMs(slowest)}${runs[0].answered ? '' : '; answered: cannot answer'}`,
    });
  }
  process.stdout.write(`\nHotpath bench:ask (node ${process.version})\n\n${formatTable(rows)}\n`);
  process.stdout.write(
    `\nTimes are of the engine alone (question → Answer) on a model built per question, as the language server builds one per\n` +
      `request; "Met" needs the slowest of the runs under ${TARGET_MS} ms. "time" ratios are the answer's time over the peer's.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ask failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
