/**
 * Where the rules' time goes: each tree is parsed once and analyzed with no rule on (the facts
 * walk alone) and with each rule alone; a rule's cost is its time above the facts walk. The order
 * of the runs rotates from file to file, and each run is repeated with the fastest time kept, so
 * a garbage collection that happens to fall in one run is not charged to that rule.
 */
import { AnalysisConfig } from '../../server/src/rules/config';
import { analyzeTree } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/index';
import type { LanguageId } from '../../server/src/syntax/languages';
import { parserFor } from '../../server/src/syntax/parsers';
import type { CorpusFile, LanguageCorpus } from './corpus';
import { now } from './measure';

export interface RuleCosts {
  /** Bytes and parse time of the measured files. */
  bytes: number;
  parseMs: number;
  /** The facts walk every rule shares. */
  factsMs: number;
  /** Per rule id, milliseconds above the facts walk (rules that do not cover the language are absent). */
  rules: Map<string, number>;
}

interface Run {
  id?: string;
  config: AnalysisConfig;
}

/** One file in SAMPLE_EVERY is sampled, each run repeated SAMPLE_REPEATS times. */
const SAMPLE_EVERY = 8;
const SAMPLE_REPEATS = 2;
/** A single file is measured with more repeats: on a busy machine five were not enough. */
const FILE_REPEATS = 15;

function runsFor(language: LanguageId): Run[] {
  const only = (ids: string[]) => new AnalysisConfig({ rules: {}, ioCalls: [], only: ids });
  const rules = RULES.filter((r) => r.meta.languages.includes(language));
  return [{ config: only([]) }, ...rules.map((r) => ({ id: r.meta.id, config: only([r.meta.id]) }))];
}

/** Adds one file's costs; `rotation` shifts which run goes first. */
async function measureFile(costs: RuleCosts, runs: readonly Run[], file: CorpusFile, text: string, rotation: number, repeats: number): Promise<void> {
  const parser = await parserFor(file.grammar);
  const start = now();
  const tree = parser.parse(text);
  if (!tree) return;
  costs.parseMs += now() - start;
  costs.bytes += file.bytes;
  try {
    const fastest = new Array<number>(runs.length).fill(Number.POSITIVE_INFINITY);
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (let k = 0; k < runs.length; k++) {
        const run = (k + rotation) % runs.length;
        const before = now();
        analyzeTree(tree, file.grammar, runs[run].config);
        fastest[run] = Math.min(fastest[run], now() - before);
      }
    }
    costs.factsMs += fastest[0];
    runs.forEach((run, k) => {
      if (run.id) costs.rules.set(run.id, (costs.rules.get(run.id) ?? 0) + fastest[k] - fastest[0]);
    });
  } finally {
    tree.delete();
  }
}

function emptyCosts(): RuleCosts {
  return { bytes: 0, parseMs: 0, factsMs: 0, rules: new Map() };
}

/** The costs over one file in SAMPLE_EVERY of a language's corpus. */
export async function ruleCosts(corpus: LanguageCorpus, texts: readonly string[]): Promise<RuleCosts> {
  const runs = runsFor(corpus.language);
  const costs = emptyCosts();
  for (let i = 0; i < texts.length; i += SAMPLE_EVERY) await measureFile(costs, runs, corpus.files[i], texts[i], i / SAMPLE_EVERY, SAMPLE_REPEATS);
  return costs;
}

/** The costs in one file, measured more times (for the file where the rules cost the most). */
export async function fileRuleCosts(language: LanguageId, file: CorpusFile, text: string): Promise<RuleCosts> {
  const costs = emptyCosts();
  await measureFile(costs, runsFor(language), file, text, 0, FILE_REPEATS);
  return costs;
}

/** The costs as shares of the parse time: "facts walk 28%, linear-search-in-loop 5%, …". */
export function describeCosts(costs: RuleCosts): string {
  const share = (ms: number) => {
    const percent = (ms / costs.parseMs) * 100;
    return percent < 0.5 ? '~0%' : `${percent.toFixed(0)}%`;
  };
  return [`facts walk ${share(costs.factsMs)}`, ...[...costs.rules].map(([id, ms]) => `${id} ${share(ms)}`)].join(', ');
}

/** The facts walk and every rule together, in milliseconds. */
export function totalCost(costs: RuleCosts): number {
  return costs.factsMs + [...costs.rules.values()].reduce((a, b) => a + b, 0);
}
