/**
 * Number reading for callgrind cost lines, character by character without splitting strings:
 * cost lines are most of a callgrind file, so this is the hot path of the importer.
 */

/** A number with more digits than a 64-bit counter is not one callgrind wrote. */
const MAX_DECIMAL_DIGITS = 20;
const MAX_HEX_DIGITS = 16;

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  return -1;
}

/** Reads the whitespace-separated fields of one line, `text` from `start` to `end`. Malformed fields read as NaN. */
export class LineCursor {
  private text = '';
  private at = 0;
  private end = 0;

  reset(text: string, start = 0, end = text.length): void {
    this.text = text;
    this.at = start;
    this.end = end;
  }

  /** Skips spaces and tabs; false when the line has nothing more. */
  more(): boolean {
    const text = this.text;
    while (this.at < this.end) {
      const code = text.charCodeAt(this.at);
      if (code !== 0x20 && code !== 0x09) return true;
      this.at++;
    }
    return false;
  }

  /** An unsigned decimal number, or hexadecimal with `0x`; NaN when the field is something else. */
  unsigned(): number {
    const text = this.text;
    let at = this.at;
    let value = 0;
    let digits = 0;
    if (text.charCodeAt(at) === 0x30 && (text.charCodeAt(at + 1) | 0x20) === 0x78) {
      at += 2;
      for (let d = hexDigit(text.charCodeAt(at)); d >= 0; d = hexDigit(text.charCodeAt(++at))) {
        value = value * 16 + d;
        if (++digits > MAX_HEX_DIGITS) return NaN;
      }
    } else {
      for (let code = text.charCodeAt(at); code >= 0x30 && code <= 0x39; code = text.charCodeAt(++at)) {
        value = value * 10 + (code - 0x30);
        if (++digits > MAX_DECIMAL_DIGITS) return NaN;
      }
    }
    return this.endField(at, digits, value);
  }

  /** A cost: unsigned, or negative with `-` (Xdebug writes memory deltas that way). */
  cost(): number {
    if (this.text.charCodeAt(this.at) !== 0x2d) return this.unsigned();
    this.at++;
    return -this.unsigned();
  }

  /** A subposition: absolute, `+n` or `-n` relative to `previous`, or `*` for `previous` itself. */
  subposition(previous: number): number {
    const code = this.text.charCodeAt(this.at);
    if (code === 0x2a) return this.endField(this.at + 1, 1, previous);
    if (code === 0x2b || code === 0x2d) {
      this.at++;
      const delta = this.unsigned();
      return code === 0x2b ? previous + delta : previous - delta;
    }
    return this.unsigned();
  }

  /** Ends a field at `at`: `value` when the field had digits and stops at a separator or the line's end, else NaN. */
  private endField(at: number, digits: number, value: number): number {
    const code = this.text.charCodeAt(at);
    if (digits === 0 || (at < this.end && code !== 0x20 && code !== 0x09)) return NaN;
    this.at = at;
    return value;
  }
}
