/**
 * "list all N+1 queries", "findings in orders.py", "all await-in-loop findings in python": the
 * findings of the rules and places asked about, grouped by rule, each with its link and, when
 * the profile measured its function, the measured share.
 */
import { formatPercent } from '../../profiles/format';
import type { Answer } from '../answer';
import { cannotAnswer } from '../cannot-answer';
import { AnswerDraft, displayPath } from '../draft';
import type { IntentInput } from '../intent-input';
import { blocks, bullets, code, heading } from '../markdown';
import { findingRef } from '../phrases';
import { nameKey } from '../question/fuzzy';
import { rankFinding } from '../ranking';
import { scopeOf } from '../scope';

const MAX_LISTED = 50;

export function listFindings(input: IntentInput): Answer {
  const { model, parsed } = input;
  const { subjects } = parsed;
  const d = new AnswerDraft(model);
  if (subjects.unresolved.length > 0 && subjects.files.length === 0) {
    return cannotAnswer(input, `I know no file or function named ${subjects.unresolved.map((u) => code(u)).join(' or ')}.`, d);
  }
  const scope = scopeOf(model, subjects, input.context);
  const keys = new Set(subjects.functions.map(nameKey));
  const found = model.findings
    .filter((f) => scope.has(f.file))
    .filter((f) => subjects.rules.length === 0 || subjects.rules.includes(f.finding.ruleId))
    .filter((f) => keys.size === 0 || (f.finding.function !== undefined && keys.has(nameKey(f.finding.function.name))))
    .sort((a, b) => a.finding.ruleId.localeCompare(b.finding.ruleId) || a.file.localeCompare(b.file) || a.finding.range.start.line - b.finding.range.start.line);
  const what = subjects.rules.length > 0 ? subjects.rules.map((r) => code(r)).join(', ') : 'all rules';
  const inFunctions = subjects.functions.length > 0 ? ` in ${subjects.functions.map((f) => code(f)).join(', ')}` : '';
  const title = heading(`Findings of ${what}${scope.described}${inFunctions}`);
  if (found.length === 0) {
    d.followUp('what should I fix first?', ...subjects.rules.map((r) => `explain ${r}`));
    return d.finish(input.question, 'listFindings', blocks(title, `No findings${scope.described}${inFunctions}.`));
  }
  const mp = model.profile;
  const groups = new Map<string, string[]>();
  for (const item of found.slice(0, MAX_LISTED)) {
    const heat = rankFinding(model, item).heat;
    const measured = heat && mp ? ` — its function took ${formatPercent(heat.totalPercent)} in ${code(mp.name)}` : '';
    if (heat && mp) d.source('profile', mp.name);
    const list = groups.get(item.finding.ruleId) ?? [];
    list.push(`${findingRef(d, item)}${measured}`);
    groups.set(item.finding.ruleId, list);
  }
  const sections = [...groups].map(([rule, items]) => blocks(groups.size > 1 || subjects.rules.length === 0 ? `#### ${code(rule)} (${items.length})` : undefined, bullets(items)));
  const first = found[0];
  d.followUp(`how do I fix the finding at ${displayPath(model, first.file)}:${first.finding.range.start.line + 1}?`, `explain ${first.finding.ruleId}`, 'what should I fix first?');
  return d.finish(
    input.question,
    'listFindings',
    blocks(
      title,
      `${found.length} ${found.length === 1 ? 'finding' : 'findings'}${found.length > MAX_LISTED ? `; the first ${MAX_LISTED}:` : ':'}`,
      ...sections,
    ),
  );
}
