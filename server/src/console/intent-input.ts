/** What every intent is given: the question, how it parsed, the model, the editor's context. */
import type { Answer } from './answer';
import type { AskContext, ConsoleModel } from './model';
import type { ParsedQuestion } from './question/parse';

export interface IntentInput {
  question: string;
  parsed: ParsedQuestion;
  model: ConsoleModel;
  context?: AskContext;
}

export type IntentHandler = (input: IntentInput) => Answer;
