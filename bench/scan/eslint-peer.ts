/**
 * ESLint against Hotpath on the same JavaScript or TypeScript files, two ways:
 * - in memory, one thread: ESLint's lintText (its configuration computed once and cached, unlike
 *   Linter.verify with a config array) and Hotpath's parse and rules, file by file in alternating
 *   order, after a warm-up long enough for ESLint's code to be compiled by the JIT;
 * - on the files, as tools: ESLint's API reading the files in one thread and in as many worker
 *   threads as Hotpath's scan pool (Hotpath's side of this is the CLI scan, measured apart).
 */
import { ESLint, Linter } from 'eslint';
import { pathToFileURL } from 'node:url';
import { AnalysisConfig } from '../../server/src/rules/config';
import { alternate } from './alternate';
import type { LanguageCorpus } from './corpus';
import eslintOptions = require('./eslint-options');
import { now } from './measure';
import { timeAnalysis } from './timed-analysis';

export interface LintCounts {
  /** no-await-in-loop reports. */
  reports: number;
  /** Files ESLint could not parse. */
  parseErrors: number;
}

export interface EslintInMemory extends LintCounts {
  eslintMs: number;
  hotpathMs: number;
  /** Hotpath's await-in-loop findings on the same files. */
  hotpathAwaitInLoop: number;
}

export interface EslintOnFiles extends LintCounts {
  ms: number;
  files: number;
}

const RULE = 'no-await-in-loop';
const WARM_UP_FILES = 200;

function count(messages: readonly Linter.LintMessage[], counts: LintCounts): void {
  counts.reports += messages.filter((m) => m.ruleId === RULE).length;
  if (messages.some((m) => m.fatal)) counts.parseErrors++;
}

export async function eslintInMemory(corpus: LanguageCorpus, texts: readonly string[]): Promise<EslintInMemory> {
  const eslint = new ESLint({ ...eslintOptions, concurrency: 'off' });
  const hotpath = new AnalysisConfig();
  const result: EslintInMemory = { eslintMs: 0, hotpathMs: 0, reports: 0, parseErrors: 0, hotpathAwaitInLoop: 0 };
  const { aMs, bMs } = await alternate(
    texts.length,
    async (i, counted) => {
      const start = now();
      const [lint] = await eslint.lintText(texts[i], { filePath: corpus.files[i].path });
      const ms = now() - start;
      if (counted) count(lint.messages, result);
      return ms;
    },
    async (i, counted) => {
      const timed = await timeAnalysis(corpus.files[i].grammar, texts[i], hotpath);
      if (counted) result.hotpathAwaitInLoop += timed.findings.filter((f) => f.ruleId === 'await-in-loop').length;
      return timed.parseMs + timed.rulesMs;
    },
    WARM_UP_FILES,
  );
  result.eslintMs = aMs;
  result.hotpathMs = bMs;
  return result;
}

/** ESLint's API on the corpus files, in one thread or in worker threads. */
export async function eslintOnFiles(corpus: LanguageCorpus, threaded: boolean): Promise<EslintOnFiles> {
  const start = now();
  const eslint = threaded
    ? await ESLint.fromOptionsModule(pathToFileURL(require.resolve('./eslint-options')))
    : new ESLint({ ...eslintOptions, concurrency: 'off' });
  const results = await eslint.lintFiles(corpus.files.map((f) => f.path));
  const ms = now() - start;
  const counts: LintCounts = { reports: 0, parseErrors: 0 };
  for (const r of results) count(r.messages, counts);
  return { ms, files: results.length, ...counts };
}
