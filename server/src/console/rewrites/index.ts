/**
 * The rewrite of a finding with the code's own names, for the cases each rule's rewriter can do
 * safely; undefined otherwise (the answer then shows the rule's example, labelled as such).
 */
import { HOTPATH_TOOL, type ConsoleModel, type SourcedFinding } from '../model';
import { asyncCall } from './async-call';
import { batchQuery } from './batch-query';
import { concurrentLoop } from './concurrent-loop';
import { hoistRegex } from './hoist-regex';
import { setLookup } from './set-lookup';
import { findingSite, FindingSite } from './site';
import type { Rewrite } from './snippet-edit';
import { stringBuilder } from './string-builder';

export type { Rewrite } from './snippet-edit';

type Rewriter = (site: FindingSite) => Rewrite | undefined;

/** Per rule, the rewriters to try in order. */
const REWRITERS: Readonly<Record<string, readonly Rewriter[]>> = {
  'n-plus-one-query': [batchQuery, concurrentLoop],
  'await-in-loop': [concurrentLoop],
  'regex-compiled-in-loop': [hoistRegex],
  'string-concat-in-loop': [stringBuilder],
  'linear-search-in-loop': [setLookup],
  'blocking-call-in-async': [asyncCall],
};

export function rewriteFinding(model: ConsoleModel, item: SourcedFinding): Rewrite | undefined {
  const rewriters = item.tool === HOTPATH_TOOL ? REWRITERS[item.finding.ruleId] : undefined;
  const text = model.sources.text(item.file);
  if (!rewriters || text === undefined) return undefined;
  return model.sources.withTree(item.file, (tree, grammar) => {
    // Findings older than the text (the file changed since the scan) find no node and get no rewrite.
    const site = findingSite(tree, grammar, text, item.finding.range);
    if (!site) return undefined;
    for (const rewriter of rewriters) {
      const rewrite = rewriter(site);
      if (rewrite) return rewrite;
    }
    return undefined;
  });
}
