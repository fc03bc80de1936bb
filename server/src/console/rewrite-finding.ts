/**
 * How a finding can be fixed, read from today's text of its file: the rewrite with the code's
 * own names (for the cases each rule's rewriter can do safely) and the quick fix the editor
 * offers for it, each undefined where there is none (the answer then shows the rule's example).
 */
import { quickFix, QuickFix, rewriteSite, type Rewrite } from '../fixes';
import { findingSite } from '../fixes/site';
import { HOTPATH_TOOL, type ConsoleModel, type SourcedFinding } from './model';

export interface FindingFixes {
  rewrite?: Rewrite;
  quickFix?: QuickFix;
}

export function findingFixes(model: ConsoleModel, item: SourcedFinding): FindingFixes {
  const text = model.sources.text(item.file);
  if (item.tool !== HOTPATH_TOOL || text === undefined) return {};
  const fixes = model.sources.withTree(item.file, (tree, grammar): FindingFixes => {
    // Findings older than the text (the file changed since the scan) find no node and get no rewrite.
    const site = findingSite(tree, grammar, text, item.finding.range);
    if (!site) return {};
    return { rewrite: rewriteSite(item.finding.ruleId, site), quickFix: quickFix(tree, grammar, text, item.finding) };
  });
  return fixes ?? {};
}
