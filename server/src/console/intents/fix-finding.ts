/**
 * "how do I fix this?", "how do I fix the N+1 in report.js?", "fix the finding at orders.py:19":
 * the finding's message, why the pattern is slow (with the measured share of its function), what
 * to write instead, the before/after with the code's own names, and whether a quick fix exists.
 */
import { shareOf } from '../../profiles/format';
import type { Answer } from '../answer';
import { cannotAnswer } from '../cannot-answer';
import { AnswerDraft, displayPath } from '../draft';
import { fixSection } from '../fix-section';
import type { IntentInput } from '../intent-input';
import { blocks, bold, bullets, code, heading, text } from '../markdown';
import { findingRef, messageMarkdown } from '../phrases';
import { pickFindings } from '../pick-findings';
import { rankFinding } from '../ranking';
import { whySlow } from './why-slow';

const OTHERS = 5;

export function fixFinding(input: IntentInput): Answer {
  const { model, parsed } = input;
  const d = new AnswerDraft(model);
  if (parsed.subjects.this && !input.context) {
    return cannotAnswer(input, 'I don\'t know where the cursor is: in the editor, put it on the finding; on the command line, add `--at FILE:LINE`.', d);
  }
  const { items, asked } = pickFindings(input);
  if (!asked) {
    const examples = model.findings.slice(0, 3).map((f) => `how do I fix the finding at ${displayPath(model, f.file)}:${f.finding.range.start.line + 1}?`);
    d.followUp(...examples);
    return cannotAnswer(input, 'Which finding? Put the cursor on it and ask again, or name its place or rule.', d);
  }
  if (items.length === 0) {
    // A function without findings: say what is measured about it instead.
    if (parsed.subjects.functions.length > 0 && !parsed.subjects.rules.length) return whySlow({ ...input, parsed: { ...parsed, intent: 'whySlow' } });
    return cannotAnswer(input, input.context && parsed.subjects.this ? 'There is no finding at the cursor.' : 'No finding matches that.', d);
  }
  const [item, ...others] = items;
  const { finding } = item;
  const rule = model.rules.find((r) => r.id === finding.ruleId);
  const ranked = rankFinding(model, item);
  const mp = model.profile;
  const measured =
    ranked.heat && mp
      ? `Measured: ${code(finding.function?.name ?? ranked.heat.name)} took ${text(shareOf(ranked.heat.totalPercent, mp.heat.source))}.`
      : undefined;
  if (ranked.heat && mp) d.source('profile', mp.name);
  if (finding.function) d.followUp(`why is ${finding.function.name} slow?`);
  d.followUp(`explain ${finding.ruleId}`, 'what should I fix first?');
  return d.finish(
    input.question,
    'fixFinding',
    blocks(
      heading(`How to fix ${code(finding.ruleId)} at ${d.at(item.file, finding.range)}`),
      messageMarkdown(finding.message),
      rule ? `${bold('Why it is slow.')} ${rule.why}` : undefined,
      measured,
      rule ? `${bold('What to write instead.')} ${rule.fix}` : undefined,
      fixSection(d, item),
      others.length > 0 ? `${bold('Also matching')}:` : undefined,
      bullets(others.slice(0, OTHERS).map((o) => findingRef(d, o))),
      others.length > OTHERS ? `…and ${others.length - OTHERS} more.` : undefined,
    ),
  );
}
