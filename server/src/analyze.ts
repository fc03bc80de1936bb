/**
 * Source text in, findings out: parse, run the rules, free the tree.
 */
import type { GrammarId } from './syntax/languages';
import { parserFor } from './syntax/parsers';
import type { AnalysisConfig } from './rules/config';
import { analyzeTree, Analysis } from './rules/engine';

export async function analyzeSource(text: string, grammar: GrammarId, config: AnalysisConfig): Promise<Analysis> {
  const parser = await parserFor(grammar);
  const tree = parser.parse(text);
  if (!tree) throw new Error('the parser returned no tree');
  try {
    return analyzeTree(tree, grammar, config);
  } finally {
    tree.delete();
  }
}
