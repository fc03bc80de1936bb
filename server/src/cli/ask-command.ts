/**
 * `hotpath ask "QUESTION" [--profile F]... [--baseline F] [--sarif-in F]... [--root DIR]
 * [--at FILE:LINE] [--format text|json]`: the optimization console in a terminal. Scans the
 * workspace at `--root` (merging other tools' SARIF results), reads the profiles (the last one is
 * active, compared with `--baseline` when given) and answers from them; text renders the answer's
 * markdown for a terminal, json prints the Answer as the webview and the LSP request get it.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Answer, AnswerAction } from '../console/answer';
import { ask } from '../console/ask';
import { compareWithBaseline } from '../console/comparison';
import { sourcedFindings, type AskContext, type SourcedFinding } from '../console/model';
import { modelFromFiles } from '../console/model-from-files';
import { renderText } from '../console/render-text';
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

const ACTION_HINTS: Readonly<Record<AnswerAction['kind'], string>> = {
  importProfile: 'Load a profile: add --profile FILE.',
  compareBaseline: 'Compare with a baseline: add --baseline FILE.',
  openFile: 'Open',
};

/** The answer for a terminal: its text, then what to ask next and what to do. */
export function answerText(answer: Answer): string {
  const parts = [renderText(answer.markdown)];
  if (answer.followUps.length > 0) parts.push(['Ask next:', ...answer.followUps.map((q) => `  hotpath ask ${JSON.stringify(q)}`)].join('\n'));
  const hints = answer.actions.map((a) => (a.kind === 'openFile' ? `${ACTION_HINTS.openFile} ${a.label}` : ACTION_HINTS[a.kind]));
  if (hints.length > 0) parts.push(hints.join('\n'));
  return `${parts.join('\n\n')}\n`;
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
  if (values.baseline) {
    if (!active) throw new UsageError('--baseline compares with the active profile: give one with --profile');
    const base = path.resolve(io.cwd, values.baseline);
    const { profile, mapper } = await loadCliProfile(base, root);
    const name = (file: string) => path.basename(file);
    comparison = compareWithBaseline({ name: name(base), profile, mapper }, { name: name(active.path), profile: active.profile, mapper: active.mapper, sampleType: active.stats.sampleType });
  }
  const model = await modelFromFiles({
    roots: [root],
    findings,
    profiles,
    comparison,
    alsoRead: at ? [at.file] : [],
  });
  const answer = ask(question, model, at?.context);
  io.stdout(format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : answerText(answer));
  return 0;
}
