/**
 * The honest answer to a question the loaded data cannot answer: say so, say why when known,
 * and offer the closest questions that can be answered here.
 */
import type { Answer, IntentKind } from './answer';
import { AnswerDraft } from './draft';
import type { IntentInput } from './intent-input';
import { blocks, bullets, text } from './markdown';
import { closestQuestions } from './suggestions';

export const CANNOT_ANSWER = "I can't answer that from the loaded data.";

/**
 * `reason` is markdown (already escaped); `draft` carries links or actions the reason added.
 * The intent stays the one the question was read as, so a renderer can tell what was asked.
 */
export function cannotAnswer(input: IntentInput, reason?: string, draft = new AnswerDraft(input.model), intent: IntentKind = input.parsed.intent): Answer {
  const closest = closestQuestions(input.model, input.question);
  draft.followUp(...closest);
  const markdown = blocks(
    `${CANNOT_ANSWER}${reason ? ` ${reason}` : ''}`,
    closest.length > 0 ? 'Closest questions I can answer:' : undefined,
    bullets(closest.map((q) => text(q))),
  );
  return draft.finish(input.question, intent, markdown, false);
}
