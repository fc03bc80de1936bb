/**
 * Hotpath's side of every in-process measurement: a bare parse, and a parse followed by every
 * rule, on the same parsers the server uses, each timed without the freeing of the tree.
 */
import type { Finding } from '../../server/src/findings';
import type { AnalysisConfig } from '../../server/src/rules/config';
import { analyzeTree } from '../../server/src/rules/engine';
import type { GrammarId } from '../../server/src/syntax/languages';
import { parserFor } from '../../server/src/syntax/parsers';
import { now } from './measure';

export interface TimedAnalysis {
  parseMs: number;
  rulesMs: number;
  findings: Finding[];
  /** Rules that threw. */
  failures: string[];
}

export async function timeBareParse(grammar: GrammarId, text: string): Promise<number> {
  const parser = await parserFor(grammar);
  const start = now();
  const tree = parser.parse(text);
  const ms = now() - start;
  tree?.delete();
  return ms;
}

export async function timeAnalysis(grammar: GrammarId, text: string, config: AnalysisConfig): Promise<TimedAnalysis> {
  const parser = await parserFor(grammar);
  const start = now();
  const tree = parser.parse(text);
  if (!tree) throw new Error('the parser returned no tree');
  const parsed = now();
  try {
    const { findings, failures } = analyzeTree(tree, grammar, config);
    return { parseMs: parsed - start, rulesMs: now() - parsed, findings, failures };
  } finally {
    tree.delete();
  }
}
