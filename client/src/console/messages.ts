/**
 * The messages between the optimization console's webview and the extension host, as
 * discriminated unions keyed on `type`, with the checks each side runs on what it receives.
 *
 * Neither side trusts the other: a webview can be made to post anything by content it renders,
 * and a message from the host carries answers whose text came from profiles, SARIF logs and
 * source files. So nothing is cast: every message is rebuilt from checked fields, and a message
 * that does not check out is refused with the reason, which the receiver logs.
 *
 * The webview never sends a URI, a command or a file path: it names an answer by its id and a
 * link or action by its index in that answer, and the host looks them up in its own transcript.
 *
 * No `vscode` import here: the webview bundle and the unit tests use this file too.
 */
import type { Answer, AnswerAction, AnswerLink, AnswerSource, IntentKind } from '../../../server/src/console/answer';
import type { Position, Range } from '../../../server/src/findings';
import { parseFromFlameGraph, parseToFlameGraph, type FromFlameGraph, type ToFlameGraph } from '../../webview/flame-graph/messages';

/** Questions longer than this are refused; the server refuses them too. */
export const MAX_QUESTION_LENGTH = 2000;
/** Text copied from a code block, at most. */
export const MAX_COPY_LENGTH = 200_000;
/** Answers and questions kept in the transcript and the input's history. */
export const MAX_TRANSCRIPT = 100;
export const MAX_HISTORY = 100;

/** One exchange of the transcript: the question and the engine's answer, or why there is none. */
export type TranscriptEntry = { id: number; question: string; answer: Answer } | { id: number; question: string; error: string };

/** The console's tabs (page-html.ts draws them). */
export type ConsoleTabId = 'ask' | 'flame';
const TAB_IDS: readonly ConsoleTabId[] = ['ask', 'flame'];

/** The model's part of an entry, as the webview shows it. */
export type ModelEndStatus = 'done' | 'cancelled' | 'failed';

/** From the webview to the extension host. */
export type FromWebview =
  /** The page is loaded and wants the transcript. */
  | { type: 'ready' }
  | { type: 'ask'; question: string }
  /** A `file:line` link of an answer was clicked. */
  | { type: 'openLink'; entryId: number; linkIndex: number }
  /** An action button of an answer was clicked. */
  | { type: 'runAction'; entryId: number; actionIndex: number }
  /** The copy button of a code block was clicked. */
  | { type: 'copy'; text: string }
  /** The model's answer to an entry is wanted: the host answers with the preview first. */
  | { type: 'modelPreview'; entryId: number }
  /** The user confirmed the preview: send it. */
  | { type: 'modelSend'; entryId: number }
  | { type: 'modelCancel'; entryId: number }
  /** The page shows this tab now (the user chose it, or the host asked): the host keeps it for a reload. */
  | { type: 'tabShown'; tab: ConsoleTabId }
  /** A message of the Flame Graph tab's graph (client/webview/flame-graph/messages.ts), carried inside the console's. */
  | { type: 'flameGraph'; message: FromFlameGraph };

/** From the extension host to the webview. */
export type ToWebview =
  /**
   * Everything the page shows, on load and after a reload. `model` is set when a model can be
   * asked; `tab` is the tab to show, or null to keep the one the page had.
   */
  | { type: 'state'; entries: TranscriptEntry[]; history: string[]; suggestions: string[]; model: { label: string } | null; tab: ConsoleTabId | null }
  /** Show this tab (a command opened the console on it). */
  | { type: 'showTab'; tab: ConsoleTabId }
  /** A message for the Flame Graph tab's graph, carried inside the console's. */
  | { type: 'flameGraph'; message: ToFlameGraph }
  /** The question is being answered. */
  | { type: 'pending'; question: string }
  | { type: 'entry'; entry: TranscriptEntry; suggestions: string[] }
  /** Exactly what would be sent to the model, for the user to confirm. */
  | { type: 'modelPreview'; entryId: number; label: string; text: string }
  | { type: 'modelChunk'; entryId: number; text: string }
  | { type: 'modelEnd'; entryId: number; status: ModelEndStatus; message: string | null };

/** The result of a check: the rebuilt message, or why it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Thrown inside the checks with what is wrong; turned into a refusal at the top. */
class Malformed extends Error {}

function fail(what: string): never {
  throw new Malformed(what);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, what: string, max = Number.MAX_SAFE_INTEGER): string {
  if (typeof value !== 'string') fail(`${what} is not a string`);
  if (value.length > max) fail(`${what} is longer than ${max} characters`);
  return value;
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(`${what} is not a whole number ≥ 0`);
  return value;
}

function bool(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') fail(`${what} is not true or false`);
  return value;
}

function list<T>(value: unknown, what: string, max: number, item: (v: unknown, what: string) => T): T[] {
  if (!Array.isArray(value)) fail(`${what} is not a list`);
  if (value.length > max) fail(`${what} has more than ${max} items`);
  return value.map((v, i) => item(v, `${what}[${i}]`));
}

function oneOf<T extends string>(value: unknown, what: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) fail(`${what} is not one of ${allowed.join(', ')}`);
  return value as T;
}

const INTENTS: readonly IntentKind[] = ['hotspots', 'fixFirst', 'whySlow', 'fixFinding', 'explainRule', 'listFindings', 'profileSummary', 'regressions', 'benchmarks', 'help', 'unknown'];
const SOURCE_KINDS: readonly AnswerSource['kind'][] = ['profile', 'rule', 'tool', 'benchmarks'];
const END_STATUSES: readonly ModelEndStatus[] = ['done', 'cancelled', 'failed'];
/** Bounds on an answer's parts: generous for real answers, small enough to refuse a flood. */
const MAX_MARKDOWN = 1_000_000;
const MAX_PARTS = 10_000;
const MAX_LINE = 1_000;

function position(value: unknown, what: string): Position {
  const p = record(value, what);
  return { line: count(p.line, `${what}.line`), character: count(p.character, `${what}.character`) };
}

function range(value: unknown, what: string): Range {
  const r = record(value, what);
  return { start: position(r.start, `${what}.start`), end: position(r.end, `${what}.end`) };
}

function fileUri(value: unknown, what: string): string {
  const uri = text(value, what, 10_000);
  if (!uri.startsWith('file:')) fail(`${what} is not a file: URI`);
  return uri;
}

function link(value: unknown, what: string): AnswerLink {
  const l = record(value, what);
  return { uri: fileUri(l.uri, `${what}.uri`), range: range(l.range, `${what}.range`), label: text(l.label, `${what}.label`, MAX_LINE), href: fileUri(l.href, `${what}.href`) };
}

function action(value: unknown, what: string): AnswerAction {
  const a = record(value, what);
  const label = text(a.label, `${what}.label`, MAX_LINE);
  switch (a.kind) {
    case 'importProfile':
    case 'compareBaseline':
    case 'compareBenchmarks':
      return { kind: a.kind, label };
    case 'openFile':
      return { kind: 'openFile', label, uri: fileUri(a.uri, `${what}.uri`), range: range(a.range, `${what}.range`) };
    case 'applyQuickFix':
      return { kind: 'applyQuickFix', label, uri: fileUri(a.uri, `${what}.uri`), range: range(a.range, `${what}.range`), title: text(a.title, `${what}.title`, MAX_LINE) };
    default:
      return fail(`${what}.kind is not an action Hotpath knows`);
  }
}

function source(value: unknown, what: string): AnswerSource {
  const s = record(value, what);
  return { kind: oneOf(s.kind, `${what}.kind`, SOURCE_KINDS), name: text(s.name, `${what}.name`, MAX_LINE) };
}

function question(value: unknown, what: string): string {
  return text(value, what, MAX_QUESTION_LENGTH);
}

/** An answer as the server sends it, rebuilt field by field. */
export function checkAnswer(value: unknown, what = 'answer'): Answer {
  const a = record(value, what);
  return {
    question: question(a.question, `${what}.question`),
    intent: oneOf(a.intent, `${what}.intent`, INTENTS),
    answered: bool(a.answered, `${what}.answered`),
    markdown: text(a.markdown, `${what}.markdown`, MAX_MARKDOWN),
    links: list(a.links, `${what}.links`, MAX_PARTS, link),
    followUps: list(a.followUps, `${what}.followUps`, MAX_PARTS, question),
    actions: list(a.actions, `${what}.actions`, MAX_PARTS, action),
    sources: list(a.sources, `${what}.sources`, MAX_PARTS, source),
  };
}

function entry(value: unknown, what: string): TranscriptEntry {
  const e = record(value, what);
  const id = count(e.id, `${what}.id`);
  const q = question(e.question, `${what}.question`);
  if ('answer' in e) return { id, question: q, answer: checkAnswer(e.answer, `${what}.answer`) };
  return { id, question: q, error: text(e.error, `${what}.error`, 10_000) };
}

function checked<T>(what: string, build: () => T): Checked<T> {
  try {
    return { ok: true, value: build() };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: `${what}: ${error.message}` };
    throw error;
  }
}

/** Describes a message's type for a refusal, without repeating whatever a hostile message holds. */
function typeOf(m: Record<string, unknown>): string {
  return typeof m.type === 'string' && /^[A-Za-z]{1,40}$/.test(m.type) ? `"${m.type}"` : 'without a known type';
}

/** Checks a tab's id kept in the workspace's state. */
export function checkTab(value: unknown): Checked<ConsoleTabId> {
  return checked('a saved tab', () => oneOf(value, 'tab', TAB_IDS));
}

/** Checks a message the host received from the webview. */
export function checkFromWebview(value: unknown): Checked<FromWebview> {
  return checked('a message from the console webview', () => {
    const m = record(value, 'the message');
    switch (m.type) {
      case 'ready':
        return { type: 'ready' };
      case 'ask': {
        const q = question(m.question, 'question').trim();
        if (q.length === 0) fail('question is empty');
        return { type: 'ask', question: q };
      }
      case 'openLink':
        return { type: 'openLink', entryId: count(m.entryId, 'entryId'), linkIndex: count(m.linkIndex, 'linkIndex') };
      case 'runAction':
        return { type: 'runAction', entryId: count(m.entryId, 'entryId'), actionIndex: count(m.actionIndex, 'actionIndex') };
      case 'copy':
        return { type: 'copy', text: text(m.text, 'text', MAX_COPY_LENGTH) };
      case 'modelPreview':
      case 'modelSend':
      case 'modelCancel':
        return { type: m.type, entryId: count(m.entryId, 'entryId') };
      case 'tabShown':
        return { type: 'tabShown', tab: oneOf(m.tab, 'tab', TAB_IDS) };
      case 'flameGraph': {
        const inner = parseFromFlameGraph(m.message);
        if (!inner) fail('message is not one the flame graph sends');
        return { type: 'flameGraph', message: inner };
      }
      default:
        return fail(`a message ${typeOf(m)} is not one the console sends`);
    }
  });
}

/** Checks a message the webview received from the host. */
export function checkToWebview(value: unknown): Checked<ToWebview> {
  return checked('a message from the extension', () => {
    const m = record(value, 'the message');
    switch (m.type) {
      case 'state': {
        const model = m.model === null ? null : { label: text(record(m.model, 'model').label, 'model.label', MAX_LINE) };
        return {
          type: 'state',
          entries: list(m.entries, 'entries', MAX_TRANSCRIPT, entry),
          history: list(m.history, 'history', MAX_HISTORY, question),
          suggestions: list(m.suggestions, 'suggestions', MAX_PARTS, question),
          model,
          tab: m.tab === null ? null : oneOf(m.tab, 'tab', TAB_IDS),
        };
      }
      case 'showTab':
        return { type: 'showTab', tab: oneOf(m.tab, 'tab', TAB_IDS) };
      case 'flameGraph': {
        const inner = parseToFlameGraph(m.message);
        if (!inner) fail('message is not a flame graph the page can draw');
        return { type: 'flameGraph', message: inner };
      }
      case 'pending':
        return { type: 'pending', question: question(m.question, 'question') };
      case 'entry':
        return { type: 'entry', entry: entry(m.entry, 'entry'), suggestions: list(m.suggestions, 'suggestions', MAX_PARTS, question) };
      case 'modelPreview':
        return { type: 'modelPreview', entryId: count(m.entryId, 'entryId'), label: text(m.label, 'label', MAX_LINE), text: text(m.text, 'text', MAX_MARKDOWN) };
      case 'modelChunk':
        return { type: 'modelChunk', entryId: count(m.entryId, 'entryId'), text: text(m.text, 'text', MAX_MARKDOWN) };
      case 'modelEnd':
        return {
          type: 'modelEnd',
          entryId: count(m.entryId, 'entryId'),
          status: oneOf(m.status, 'status', END_STATUSES),
          message: m.message === null ? null : text(m.message, 'message', 10_000),
        };
      default:
        return fail(`a message ${typeOf(m)} is not one the extension sends`);
    }
  });
}

/** Checks a transcript entry read back from workspace state, which another version may have written. */
export function checkEntry(value: unknown): Checked<TranscriptEntry> {
  return checked('a saved console entry', () => entry(value, 'entry'));
}

/** Checks a saved question of the input's history. */
export function checkQuestion(value: unknown): Checked<string> {
  return checked('a saved console question', () => question(value, 'question'));
}
