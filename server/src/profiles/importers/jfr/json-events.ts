/**
 * Finds the elements of `recording.events` in `jfr print --json` output without parsing the
 * whole document: a byte scanner walks the outer objects, skipping every other member by
 * bracket counting, and hands each event's text to the caller, which parses that event alone.
 * Memory stays at one event's worth however large the file is.
 */
import { ProfileError } from '../../importer';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

class Scanner {
  pos = 0;
  private readonly text: Buffer;

  constructor(
    private readonly name: string,
    private readonly bytes: Uint8Array,
  ) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  fail(problem: string): never {
    throw new ProfileError(this.name, `${problem} (at byte ${this.pos})`);
  }

  syntax(problem: string): never {
    return this.fail(`not valid JSON: ${problem}`);
  }

  /** The next byte that is not white space, without consuming it. */
  peek(): number {
    const bytes = this.bytes;
    while (this.pos < bytes.length) {
      const b = bytes[this.pos];
      if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return b;
      this.pos++;
    }
    return this.syntax('the text ends early');
  }

  expect(byte: number): void {
    if (this.peek() !== byte) this.syntax(`expected "${String.fromCharCode(byte)}"`);
    this.pos++;
  }

  /** Moves past a string whose opening quote is at pos. */
  skipString(): void {
    const bytes = this.bytes;
    this.pos++;
    while (this.pos < bytes.length) {
      const b = bytes[this.pos++];
      if (b === BACKSLASH) this.pos++;
      else if (b === QUOTE) return;
    }
    this.syntax('a string is not closed');
  }

  /** Moves past a string whose opening quote is at pos; returns its raw text (escapes kept). */
  string(): string {
    const start = this.pos + 1;
    this.skipString();
    return this.text.toString('utf8', start, this.pos - 1);
  }

  /** Moves past one value of any kind. */
  skipValue(): void {
    const first = this.peek();
    const bytes = this.bytes;
    if (first === QUOTE) {
      this.skipString();
    } else if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
      const end = containerEnd(bytes, this.pos);
      if (end < 0) this.syntax('an object or list is not closed');
      this.pos = end;
    } else {
      // A number or a literal: runs to the next delimiter.
      const start = this.pos;
      while (this.pos < bytes.length && !isDelimiter(bytes[this.pos])) this.pos++;
      if (this.pos === start) this.syntax(`unexpected "${String.fromCharCode(first)}"`);
    }
  }

  /** Visits the members of the object at pos, calling `member` with the cursor on each value. */
  members(member: (key: string) => void): void {
    this.expect(OPEN_OBJECT);
    if (this.peek() === CLOSE_OBJECT) {
      this.pos++;
      return;
    }
    for (;;) {
      if (this.peek() !== QUOTE) this.syntax('expected a member name');
      const key = this.string();
      this.expect(COLON);
      const before = this.pos;
      member(key);
      if (this.pos === before) this.skipValue();
      const next = this.peek();
      this.pos++;
      if (next === CLOSE_OBJECT) return;
      if (next !== COMMA) this.syntax('expected "," or "}"');
    }
  }

  /** Calls `element` with the text of each element of the list at pos. */
  elements(element: (text: string, index: number) => void): void {
    this.expect(OPEN_ARRAY);
    if (this.peek() === CLOSE_ARRAY) {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.peek();
      const start = this.pos;
      this.skipValue();
      element(this.text.toString('utf8', start, this.pos), index);
      const next = this.peek();
      this.pos++;
      if (next === CLOSE_ARRAY) return;
      if (next !== COMMA) this.syntax('expected "," or "]"');
    }
  }
}

/**
 * The index just past the object or list that starts at `start`, or -1 when it is not closed.
 * One flat loop with strings skipped in place: this is where the importer spends its time.
 */
function containerEnd(bytes: Uint8Array, start: number): number {
  const length = bytes.length;
  let depth = 0;
  let i = start;
  while (i < length) {
    const b = bytes[i++];
    if (b === QUOTE) {
      for (;;) {
        if (i >= length) return -1;
        const c = bytes[i++];
        if (c === QUOTE) break;
        if (c === BACKSLASH) i++;
      }
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      depth++;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      if (--depth === 0) return i;
    }
  }
  return -1;
}

function isDelimiter(b: number): boolean {
  return b === COMMA || b === CLOSE_OBJECT || b === CLOSE_ARRAY || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Calls `visit` with the JSON text of each element of the document's recording.events list. */
export function forEachJsonEvent(name: string, bytes: Uint8Array, visit: (text: string, index: number) => void): void {
  const scanner = new Scanner(name, bytes);
  let found = false;
  scanner.members((key) => {
    if (key !== 'recording') return;
    if (scanner.peek() !== OPEN_OBJECT) scanner.fail('"recording" is not an object');
    scanner.members((inner) => {
      if (inner !== 'events') return;
      if (scanner.peek() !== OPEN_ARRAY) scanner.fail('"events" is not a list');
      found = true;
      scanner.elements(visit);
    });
  });
  if (!found) throw new ProfileError(name, 'has no recording.events list (is it `jfr print --json` output?)');
}
