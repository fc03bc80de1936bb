/**
 * Every preferred quick fix of a file, applied one after another: after each, the file is parsed
 * and analyzed again, so that the next fix sees the names and imports the last one added (two
 * fixes computed on the same text could pick the same new name). Fixes that say what to check
 * are never applied here.
 */
import type { AnalysisConfig } from '../rules/config';
import { analyzeTree } from '../rules/engine';
import type { GrammarId } from '../syntax/languages';
import { parserFor } from '../syntax/parsers';
import { quickFix, QuickFix } from './index';
import { applyEdits } from './offset-edits';

/** More rounds than this means a fix that does not remove its finding: stop rather than loop. */
const MAX_ROUNDS = 100;

/** The fix, or nothing when computing it fails on code it did not expect: the other fixes still apply. */
function fixOrNothing(compute: () => QuickFix | undefined): QuickFix | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

/** `packageTexts`: the texts of the other files of the file's Go package (see FindingSite). */
export async function applyPreferredFixes(
  text: string,
  grammar: GrammarId,
  config: AnalysisConfig,
  packageTexts: readonly string[] = [],
): Promise<{ text: string; applied: number }> {
  const parser = await parserFor(grammar);
  let current = text;
  let applied = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const tree = parser.parse(current);
    if (!tree) break;
    try {
      const { findings } = analyzeTree(tree, grammar, config);
      let next: string | undefined;
      for (const finding of findings) {
        const fix = fixOrNothing(() => quickFix(tree, grammar, current, finding, packageTexts));
        if (fix?.preferred) {
          next = applyEdits(current, fix.edits);
          break;
        }
      }
      if (next === undefined || next === current) break;
      current = next;
      applied++;
    } finally {
      tree.delete();
    }
  }
  return { text: current, applied };
}
