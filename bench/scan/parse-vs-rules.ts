/**
 * In one thread, the cost of the rules against the cost of parsing: each file is parsed bare and
 * parsed then analyzed, in alternating order file by file.
 */
import { AnalysisConfig } from '../../server/src/rules/config';
import { alternate } from './alternate';
import type { LanguageCorpus } from './corpus';
import { timeAnalysis, timeBareParse } from './timed-analysis';

export interface FileCost {
  rel: string;
  bytes: number;
  parseMs: number;
  rulesMs: number;
}

export interface ParseVsRules {
  /** Bare parses, summed over the files. */
  bareMs: number;
  /** Parse and every rule. */
  fullMs: number;
  findings: number;
  /** Rules that threw, with the file. */
  failures: string[];
  perFile: FileCost[];
}

export async function parseVsRules(corpus: LanguageCorpus, texts: readonly string[]): Promise<ParseVsRules> {
  const config = new AnalysisConfig();
  const result: ParseVsRules = { bareMs: 0, fullMs: 0, findings: 0, failures: [], perFile: [] };
  const { aMs, bMs } = await alternate(
    texts.length,
    (i) => timeBareParse(corpus.files[i].grammar, texts[i]),
    async (i, counted) => {
      const file = corpus.files[i];
      const timed = await timeAnalysis(file.grammar, texts[i], config);
      if (counted) {
        result.findings += timed.findings.length;
        result.failures.push(...timed.failures.map((f) => `${file.rel}: ${f}`));
        result.perFile.push({ rel: file.rel, bytes: file.bytes, parseMs: timed.parseMs, rulesMs: timed.rulesMs });
      }
      return timed.parseMs + timed.rulesMs;
    },
  );
  result.bareMs = aMs;
  result.fullMs = bMs;
  return result;
}
