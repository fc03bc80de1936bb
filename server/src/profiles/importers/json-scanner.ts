/**
 * A reader of JSON text straight from a file's bytes, for importers whose files are too large to
 * hold as JavaScript objects: JSON.parse of a 200 MB .cpuprofile needs three and a half times the
 * file in memory. The importer walks the document with these calls and keeps only what it needs,
 * in typed arrays. The grammar is JSON's own (RFC 8259), checked everywhere, also in the parts the
 * importer skips, so a file JSON.parse refuses is refused here too, with the byte offset.
 */
import { ProfileError } from '../importer';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

function isDigit(byte: number): boolean {
  return byte >= ZERO && byte <= NINE;
}

function isHexDigit(byte: number): boolean {
  return isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

/** What a value starting with this byte is. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'literal';

export class JsonScanner {
  /** The offset of the next byte to read. */
  pos = 0;
  private readonly text: Buffer;
  /** Whether the string stringEnd checked last holds only ASCII and no escapes. */
  private plain = true;
  /** Open containers of skipValue, as their closing bytes, so that nesting costs no recursion. */
  private closers = new Uint8Array(64);

  constructor(
    private readonly file: string,
    readonly bytes: Uint8Array,
  ) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // A byte order mark is not part of the document.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  /** Throws the error for text that is not JSON at `at`. */
  invalid(problem: string, at = this.pos): never {
    throw new ProfileError(this.file, `not valid JSON (${problem} at byte ${at})`);
  }

  /** Skips white space and returns the next byte (-1 at the end), without taking it. */
  peek(): number {
    const { bytes } = this;
    let pos = this.pos;
    for (; pos < bytes.length; pos++) {
      const byte = bytes[pos];
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break;
    }
    this.pos = pos;
    return pos < bytes.length ? bytes[pos] : -1;
  }

  /** What the next value is; fails when no value starts there. */
  kind(): JsonKind {
    const byte = this.peek();
    if (byte === OPEN_BRACE) return 'object';
    if (byte === OPEN_BRACKET) return 'array';
    if (byte === QUOTE) return 'string';
    if (byte === MINUS || isDigit(byte)) return 'number';
    if (byte === 0x74 || byte === 0x66 || byte === 0x6e) return 'literal';
    return byte < 0 ? this.invalid('the text ends where a value should be') : this.invalid('no value starts');
  }

  /** Takes `byte` (after white space) or fails. */
  expect(byte: number, what: string): void {
    if (this.peek() !== byte) this.invalid(`expected ${what}`);
    this.pos++;
  }

  /** Checks that nothing but white space follows the document. */
  end(): void {
    if (this.peek() >= 0) this.invalid('text follows the end of the document');
  }

  /**
   * Walks the members of the object that starts here: calls `member(key)` with the scanner at the
   * member's value, which `member` must read or skip.
   */
  object(member: (key: string) => void): void {
    this.expect(OPEN_BRACE, '{');
    if (this.peek() === CLOSE_BRACE) {
      this.pos++;
      return;
    }
    for (;;) {
      if (this.peek() !== QUOTE) this.invalid('expected a key in quotes');
      const key = this.string();
      this.expect(COLON, ':');
      member(key);
      const next = this.peek();
      this.pos++;
      if (next === CLOSE_BRACE) return;
      if (next !== COMMA) this.invalid('expected , or } after a member', this.pos - 1);
    }
  }

  /** Walks the elements of the array that starts here: calls `element(index)` at each one. */
  array(element: (index: number) => void): void {
    this.expect(OPEN_BRACKET, '[');
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      element(index);
      const next = this.peek();
      this.pos++;
      if (next === CLOSE_BRACKET) return;
      if (next !== COMMA) this.invalid('expected , or ] after an element', this.pos - 1);
    }
  }

  /** Reads the string that starts here, decoded as JSON.parse decodes it. */
  string(): string {
    const start = this.pos;
    const end = this.stringEnd(start);
    this.pos = end;
    // Most strings are ASCII without escapes, which need no decoding beyond the bytes themselves.
    if (this.plain) return this.text.toString('latin1', start + 1, end - 1);
    return JSON.parse(this.text.toString('utf8', start, end)) as string;
  }

  /** Reads the number that starts here. */
  number(): number {
    const start = this.pos;
    const { bytes } = this;
    let pos = start;
    if (bytes[pos] === MINUS) pos++;
    if (bytes[pos] === ZERO) pos++;
    else if (isDigit(bytes[pos])) while (isDigit(bytes[pos])) pos++;
    else this.invalid('a number has no digits', pos);
    const integerEnd = pos;
    if (bytes[pos] === 0x2e) {
      pos++;
      if (!isDigit(bytes[pos])) this.invalid('a number has no digits after its point', pos);
      while (isDigit(bytes[pos])) pos++;
    }
    if (bytes[pos] === 0x65 || bytes[pos] === 0x45) {
      pos++;
      if (bytes[pos] === 0x2b || bytes[pos] === MINUS) pos++;
      if (!isDigit(bytes[pos])) this.invalid('a number has no digits in its exponent', pos);
      while (isDigit(bytes[pos])) pos++;
    }
    this.pos = pos;
    // Integers of up to 15 digits are exact when added up digit by digit, and most numbers are.
    const negative = bytes[start] === MINUS;
    const digits = integerEnd - start - (negative ? 1 : 0);
    if (integerEnd === pos && digits <= 15) {
      let value = 0;
      for (let i = negative ? start + 1 : start; i < integerEnd; i++) value = value * 10 + bytes[i] - ZERO;
      return negative ? -value : value;
    }
    return Number(this.text.toString('latin1', start, pos));
  }

  /** The JSON text of the value that starts here (for messages), and skips it. */
  raw(): string {
    this.peek();
    const start = this.pos;
    this.skipValue();
    return this.text.toString('utf8', start, this.pos);
  }

  /** The same bytes as text, one character per byte: a cheap key for values that repeat. */
  latin1(start: number, end: number): string {
    return this.text.toString('latin1', start, end);
  }

  /** Parses the value between two offsets with JSON.parse (the value was checked when skipped). */
  parse(start: number, end: number): unknown {
    return JSON.parse(this.text.toString('utf8', start, end)) as unknown;
  }

  /** Skips the value that starts here, checking its grammar. */
  skipValue(): void {
    let depth = 0;
    for (;;) {
      // A value.
      const byte = this.peek();
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        this.pos++;
        const close = byte === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        if (this.peek() === close) {
          this.pos++;
        } else {
          if (depth === this.closers.length) {
            const more = new Uint8Array(2 * depth);
            more.set(this.closers);
            this.closers = more;
          }
          this.closers[depth++] = close;
          if (close === CLOSE_BRACE) this.memberKey();
          continue;
        }
      } else if (byte === QUOTE) {
        this.pos = this.stringEnd(this.pos);
      } else if (byte === MINUS || isDigit(byte)) {
        this.number();
      } else {
        this.literal();
      }
      // After a value: the end of its containers, or a comma and the next member or element.
      for (;;) {
        if (depth === 0) return;
        const next = this.peek();
        const close = this.closers[depth - 1];
        if (next === close) {
          this.pos++;
          depth--;
          continue;
        }
        if (next !== COMMA) this.invalid(close === CLOSE_BRACE ? 'expected , or } after a member' : 'expected , or ] after an element');
        this.pos++;
        if (close === CLOSE_BRACE) this.memberKey();
        break;
      }
    }
  }

  /** Skips `"key":` inside an object being skipped. */
  private memberKey(): void {
    if (this.peek() !== QUOTE) this.invalid('expected a key in quotes');
    this.pos = this.stringEnd(this.pos);
    this.expect(COLON, ':');
  }

  private literal(): void {
    const { bytes, pos } = this;
    const word = bytes[pos] === 0x74 ? 'true' : bytes[pos] === 0x66 ? 'false' : bytes[pos] === 0x6e ? 'null' : '';
    if (word === '') this.invalid(pos >= bytes.length ? 'the text ends where a value should be' : 'no value starts');
    for (let i = 1; i < word.length; i++) if (bytes[pos + i] !== word.charCodeAt(i)) this.invalid(`expected ${word}`);
    this.pos = pos + word.length;
  }

  /**
   * The offset after the string that starts at `start` (its opening quote), checked; sets `plain`
   * when it holds only ASCII and no escapes.
   */
  private stringEnd(start: number): number {
    const { bytes } = this;
    let plain = true;
    let pos = start + 1;
    for (;;) {
      if (pos >= bytes.length) this.invalid('a string is not closed', start);
      const byte = bytes[pos];
      if (byte === QUOTE) {
        this.plain = plain;
        return pos + 1;
      }
      if (byte === BACKSLASH) {
        plain = false;
        const escaped = bytes[pos + 1];
        if (escaped === 0x75) {
          for (let i = 2; i < 6; i++) if (!isHexDigit(bytes[pos + i])) this.invalid('a \\u escape needs four hex digits', pos);
          pos += 6;
        } else if (escaped === QUOTE || escaped === BACKSLASH || escaped === 0x2f || escaped === 0x62 || escaped === 0x66 || escaped === 0x6e || escaped === 0x72 || escaped === 0x74) {
          pos += 2;
        } else {
          this.invalid('a string has an unknown escape', pos);
        }
      } else if (byte < 0x20) {
        this.invalid('a string holds a control character', pos);
      } else {
        if (byte >= 0x80) plain = false;
        pos++;
      }
    }
  }
}
