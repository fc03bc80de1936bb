/**
 * The console's engine: a question (and the editor's cursor, for "this") over the model → an
 * Answer. Deterministic and without side effects; the same for the webview, the CLI and tests.
 */
import type { Answer, IntentKind } from './answer';
import { cannotAnswer } from './cannot-answer';
import type { IntentHandler } from './intent-input';
import { benchmarks } from './intents/benchmarks';
import { explainRule } from './intents/explain-rule';
import { fixFinding } from './intents/fix-finding';
import { fixFirst } from './intents/fix-first';
import { help } from './intents/help';
import { hotspots } from './intents/hotspots';
import { listFindings } from './intents/list-findings';
import { profileSummary } from './intents/profile-summary';
import { regressions } from './intents/regressions';
import { whySlow } from './intents/why-slow';
import type { AskContext, ConsoleModel } from './model';
import { parseQuestion } from './question/parse';

const HANDLERS: Readonly<Record<IntentKind, IntentHandler>> = {
  hotspots,
  fixFirst,
  whySlow,
  fixFinding,
  explainRule,
  listFindings,
  profileSummary,
  regressions,
  benchmarks,
  help,
  unknown: (input) => cannotAnswer(input),
};

export function ask(question: string, model: ConsoleModel, context?: AskContext): Answer {
  const parsed = parseQuestion(question, model);
  return HANDLERS[parsed.intent]({ question, parsed, model, context });
}
