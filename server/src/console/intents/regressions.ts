/**
 * "what regressed since the baseline?", "what improved?": the functions whose share rose or fell
 * between the baseline profile and the active one, from profile comparison. Until a baseline is
 * chosen (or where comparison is not available), the answer says so rather than guess.
 */
import type { Answer } from '../answer';
import { cannotAnswer } from '../cannot-answer';
import { AnswerDraft } from '../draft';
import type { IntentInput } from '../intent-input';
import { blocks, bullets, code, heading, text } from '../markdown';
import type { ChangeKind } from '../model';
import { changeLine, noProfile } from '../phrases';

const SECTIONS: ReadonlyArray<{ kind: ChangeKind; title: string; direction: 'regressed' | 'improved' }> = [
  { kind: 'regression', title: 'Regressions', direction: 'regressed' },
  { kind: 'new', title: 'New hotspots', direction: 'regressed' },
  { kind: 'improvement', title: 'Improvements', direction: 'improved' },
  { kind: 'removed', title: 'Gone since the baseline', direction: 'improved' },
];
const LISTED = 10;

export function regressions(input: IntentInput): Answer {
  const { model, parsed } = input;
  const d = new AnswerDraft(model);
  const comparison = model.comparison;
  if (!comparison) {
    if (!model.profile) return cannotAnswer(input, `No baseline profile is loaded, so I can't say what regressed or improved. ${noProfile(d)}`, d);
    d.action({ kind: 'compareBaseline', label: 'Compare with a baseline…' });
    return cannotAnswer(input, `No baseline profile is loaded, so I can't say what regressed or improved: that needs a baseline to compare ${code(model.profile.name)} with.`, d);
  }
  d.source('profile', comparison.baseline);
  d.source('profile', comparison.current);
  if (comparison.problem) return cannotAnswer(input, text(comparison.problem), d);
  const sections = SECTIONS.filter((s) => parsed.direction === 'both' || s.direction === parsed.direction).map((s) => {
    const changes = comparison.changes.filter((c) => c.kind === s.kind).sort((a, b) => Math.abs(b.currentPercent - b.basePercent) - Math.abs(a.currentPercent - a.basePercent));
    return blocks(`#### ${s.title} (${changes.length})`, changes.length > 0 ? bullets(changes.slice(0, LISTED).map((c) => changeLine(d, c))) : 'None.');
  });
  d.followUp('top 5 hotspots', 'what should I fix first?');
  return d.finish(
    input.question,
    'regressions',
    blocks(
      heading(`Changes from ${code(comparison.baseline)} to ${code(comparison.current)}`),
      `Each function's self share of all ${text(comparison.measure)} in each profile; a change of more than ${comparison.threshold} points counts.`,
      ...sections,
    ),
  );
}
