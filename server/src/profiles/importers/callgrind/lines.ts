/**
 * Line-by-line reading of a large text profile without making one string of the whole file: the
 * bytes are decoded a few megabytes at a time, always cut at a line break, so memory stays near
 * the chunk size and files beyond V8's longest string can still be read.
 */
import { ProfileError } from '../../importer';

/** Bytes decoded at a time; a chunk ends at the last line break within it. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** A longer line is not text a profiler wrote: reading stops with an error. */
export const MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;

function tooLong(name: string, lineNumber: number): ProfileError {
  return new ProfileError(name, `line ${lineNumber} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB; this is not a text profile`);
}

/**
 * Calls `visit` with each line of the UTF-8 text in `bytes` as a span of a decoded chunk: the
 * line is `text.slice(start, end)`, without its line break, a trailing carriage return or a
 * byte order mark. Reading lines in place this way allocates nothing per line. Throws
 * ProfileError for a line longer than MAX_LINE_BYTES. A `visit` that returns false stops the
 * reading.
 */
export function forEachLineSpan(
  name: string,
  bytes: Uint8Array,
  visit: (text: string, start: number, end: number, lineNumber: number) => boolean | void,
): void {
  let lineNumber = 0;
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + CHUNK_BYTES, bytes.length);
    if (end < bytes.length) {
      const lastBreak = bytes.lastIndexOf(NEWLINE, end - 1);
      if (lastBreak < start) throw tooLong(name, lineNumber + 1);
      end = lastBreak + 1;
    }
    // Buffer's UTF-8 decoding is several times faster than TextDecoder's in Node 20.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
    let at = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (at < text.length) {
      let lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = text.length;
      lineNumber++;
      if (lineEnd - at > MAX_LINE_BYTES) throw tooLong(name, lineNumber);
      const stripped = lineEnd > at && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
      if (visit(text, at, stripped, lineNumber) === false) return;
      at = lineEnd + 1;
    }
    start = end;
  }
}

/** Calls `visit` with each line of the UTF-8 text in `bytes` as a string; see forEachLineSpan. */
export function forEachLine(name: string, bytes: Uint8Array, visit: (line: string, lineNumber: number) => boolean | void): void {
  forEachLineSpan(name, bytes, (text, start, end, lineNumber) => visit(text.slice(start, end), lineNumber));
}
