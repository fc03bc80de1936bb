/**
 * Reading a server-sent event stream (`text/event-stream`) as chat-completions endpoints send it:
 * the `data:` payloads, one per event. Fed the body's text piece by piece, as it arrives, so that
 * events are handed on as soon as they are complete. Anything that is not an event stream is
 * refused with the offending line, so an HTML error page or a plain-text reply reads as what it
 * is rather than as an empty answer.
 */

/** What the stream held that it should not; the message names the problem. */
export class EventStreamError extends Error {}

/** A line this long without its end is not an event stream (or is one meant to exhaust memory). */
export const MAX_EVENT_LINE = 1024 * 1024;

const FIELDS = new Set(['data', 'event', 'id', 'retry']);

/** A piece of outside text for an error message: one line, at most 120 characters. */
export function excerpt(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat);
}

export class EventStreamReader {
  private pending = '';
  private data: string[] = [];

  /** The payloads of the events the text completes. */
  push(text: string): string[] {
    const lines = (this.pending + text).split(/\r\n|\r|\n/);
    this.pending = lines.pop() ?? '';
    if (this.pending.length > MAX_EVENT_LINE) throw new EventStreamError(`a line of the stream is longer than ${MAX_EVENT_LINE / 1024} KB`);
    const events: string[] = [];
    for (const line of lines) {
      const event = this.line(line);
      if (event !== undefined) events.push(event);
    }
    return events;
  }

  /** The payload of the last event when the stream ends without the blank line that closes it. */
  end(): string[] {
    const events = this.pending ? this.push('\n') : [];
    const last = this.line('');
    return last === undefined ? events : [...events, last];
  }

  private line(line: string): string | undefined {
    if (line === '') {
      if (this.data.length === 0) return undefined;
      const payload = this.data.join('\n');
      this.data = [];
      return payload;
    }
    // A comment, which servers send to keep the connection open.
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (!FIELDS.has(field)) throw new EventStreamError(`the reply is not an event stream: it has the line ${excerpt(line)}`);
    if (field === 'data') this.data.push(colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, ''));
    return undefined;
  }
}
