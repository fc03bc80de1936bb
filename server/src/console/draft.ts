/**
 * An answer being written: the markdown is composed by the intent, while links, sources,
 * follow-up questions and actions are collected here as it goes, so each link in the markdown
 * has its entry in `links`.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from '../findings';
import type { Answer, AnswerAction, AnswerLink, AnswerSource, IntentKind } from './answer';
import { link } from './markdown';
import type { ConsoleModel } from './model';

/** How many follow-up questions an answer suggests at most. */
const MAX_FOLLOW_UPS = 4;

/** A file's path as users read it: relative to the workspace folder holding it, with `/`. */
export function displayPath(model: Pick<ConsoleModel, 'roots'>, file: string): string {
  for (const root of model.roots) {
    const rel = path.relative(root, file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return file.split(path.sep).join('/');
}

/** A whole line, 0-based. */
export function lineRange(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

export class AnswerDraft {
  private readonly links: AnswerLink[] = [];
  private readonly sources = new Map<string, AnswerSource>();
  private readonly actions: AnswerAction[] = [];
  private readonly followUps: string[] = [];

  constructor(readonly model: ConsoleModel) {}

  /** A markdown link to a place in a workspace file, labelled `path:line` unless told otherwise. */
  at(file: string, range: Range, label?: string): string {
    const uri = pathToFileURL(file).href;
    const text = label ?? `${displayPath(this.model, file)}:${range.start.line + 1}`;
    const href = `${uri}#L${range.start.line + 1}`;
    if (!this.links.some((l) => l.href === href && l.label === text)) this.links.push({ uri, range, label: text, href });
    return link(text, href);
  }

  /** A markdown link to a 0-based line. */
  atLine(file: string, line: number, label?: string): string {
    return this.at(file, lineRange(line), label);
  }

  source(kind: AnswerSource['kind'], name: string): void {
    this.sources.set(`${kind}:${name}`, { kind, name });
  }

  action(action: AnswerAction): void {
    if (!this.actions.some((a) => JSON.stringify(a) === JSON.stringify(action))) this.actions.push(action);
  }

  /** Suggests a question to ask next; the first ones suggested come first. */
  followUp(...questions: ReadonlyArray<string | undefined>): void {
    for (const q of questions) if (q && !this.followUps.includes(q)) this.followUps.push(q);
  }

  finish(question: string, intent: IntentKind, markdown: string, answered = true): Answer {
    return {
      question,
      intent,
      answered,
      markdown,
      links: this.links,
      followUps: this.followUps.filter((q) => q.toLowerCase() !== question.trim().toLowerCase()).slice(0, MAX_FOLLOW_UPS),
      actions: this.actions,
      sources: [...this.sources.values()],
    };
  }
}
