/**
 * Edits to a file's text by UTF-16 offsets (the units of JavaScript strings, tree-sitter's
 * indices and LSP's columns): put in the file's own line endings, ordered, applied, and turned
 * into line and column ranges for LSP.
 */
import type { Range } from '../findings';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export interface LineEdit {
  range: Range;
  newText: string;
}

/** The line ending the file uses: CRLF when its first line break is one. */
export function lineEnding(source: string): string {
  const first = source.indexOf('\n');
  return first > 0 && source[first - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * The edits with their line breaks in the file's style, in file order, edits at the same place
 * joined into one (in the order they were made) so that no two touch: editors apply a list of
 * edits only when none overlap.
 */
export function withLineEndings(source: string, edits: readonly OffsetEdit[]): OffsetEdit[] {
  const eol = lineEnding(source);
  const ordered = edits
    .map((e, order) => ({ ...e, text: e.text.replace(/\r?\n/g, eol), order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const joined: OffsetEdit[] = [];
  for (const { start, end, text } of ordered) {
    const last = joined[joined.length - 1];
    if (last && start < last.end) throw new Error('overlapping edits in a fix');
    if (last && start === last.start && last.start === last.end) {
      joined[joined.length - 1] = { start, end, text: last.text + text };
    } else {
      joined.push({ start, end, text });
    }
  }
  return joined;
}

/** The text with the edits made (they must not overlap, as withLineEndings leaves them). */
export function applyEdits(source: string, edits: readonly OffsetEdit[]): string {
  let result = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** The edits as LSP text edits: 0-based lines and UTF-16 columns. */
export function lineEdits(source: string, edits: readonly OffsetEdit[]): LineEdit[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  };
  return edits.map((e) => ({ range: { start: position(e.start), end: position(e.end) }, newText: e.text }));
}
