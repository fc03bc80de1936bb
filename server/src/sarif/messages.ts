/**
 * A SARIF message as text: its own `text`, or the string its `id` names in the rule's
 * `messageStrings` or the tool's `globalMessageStrings`, with `{0}`-style placeholders filled
 * from its `arguments`.
 */
import { isRecord, JsonRecord, list, own, record, text } from './json-values';

/** Messages longer than this are cut: a diagnostic is read in a hover, not a log viewer. */
const MAX_MESSAGE = 4000;

function cut(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

/** The text of a `multiformatMessageString` (`{ text, markdown }`). */
export function multiformatText(value: unknown): string | undefined {
  const m = record(value);
  return text(m?.text) ?? text(m?.markdown);
}

/**
 * Fills `{n}` placeholders; `{{` and `}}` stand for literal braces. A placeholder without an
 * argument is left as it is.
 */
function fill(template: string, args: readonly string[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (token, index: string | undefined) => {
    if (token === '{{') return '{';
    if (token === '}}') return '}';
    const value = args[Number(index)];
    return value === undefined ? token : value;
  });
}

/**
 * The message's text, or undefined when it has none. `strings` are the `messageStrings` of the
 * result's rule and the tool's `globalMessageStrings`, in the order they are searched.
 */
/**
 * Embedded links to the result's own locations (`[the input](1)`) read as their text; links to
 * web pages stay as written.
 */
function withoutLocationLinks(message: string): string {
  return message.replace(/(?<!\\)\[([^\]]*)\]\((\d+)\)/g, '$1');
}

export function messageText(message: unknown, strings: ReadonlyArray<JsonRecord | undefined>): string | undefined {
  if (!isRecord(message)) return undefined;
  const args = list(message.arguments).map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? ''));
  const written = text(message.text) ?? text(message.markdown);
  if (written !== undefined) return cut(withoutLocationLinks(args.length > 0 ? fill(written, args) : written));
  const id = text(message.id);
  if (id === undefined) return undefined;
  for (const table of strings) {
    const template = multiformatText(own(table, id));
    if (template !== undefined) return cut(withoutLocationLinks(fill(template, args)));
  }
  return undefined;
}
