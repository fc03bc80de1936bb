/**
 * SARIF regions as ranges: 1-based lines and columns become 0-based positions. A region with
 * only a start line covers that whole line; a location without a region (or with only character
 * or byte offsets) points at the start of the file. Columns are converted from Unicode code
 * points to UTF-16 code units later, when the file's text is at hand (`columnsToUtf16`).
 */
import type { Range } from '../findings';
import { LINE_END } from '../profiles/merge';
import { record, whole } from './json-values';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A 1-based SARIF number as a 0-based position, kept within what LSP can carry. */
function zeroBased(value: number): number {
  return Math.min(value - 1, LINE_END);
}

export function regionRange(region: unknown): Range {
  const r = record(region);
  const startLine = whole(r?.startLine, 1);
  if (!r || startLine === undefined) return FILE_START;
  const startColumn = whole(r.startColumn, 1);
  const endLine = Math.max(whole(r.endLine, 1) ?? startLine, startLine);
  const endColumn = whole(r.endColumn, 1);
  const start = { line: zeroBased(startLine), character: startColumn === undefined ? 0 : zeroBased(startColumn) };
  // Without an end column the region runs to the end of its last line.
  const end = { line: zeroBased(endLine), character: endColumn === undefined ? LINE_END : zeroBased(endColumn) };
  if (end.line === start.line && end.character < start.character) end.character = start.character;
  return { start, end };
}

/** The UTF-16 offset of a code point column (0-based) in a line; past its end, one unit per column. */
function utf16Column(line: string, codePoints: number): number {
  let offset = 0;
  let n = 0;
  for (; n < codePoints && offset < line.length; n++) offset += (line.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  return Math.min(offset + (codePoints - n), LINE_END);
}

/** A range measured in code points, measured in UTF-16 code units of the file's lines. */
export function columnsToUtf16(range: Range, lines: readonly string[]): Range {
  const convert = (p: Range['start']) => {
    const line = lines[p.line];
    return line === undefined || !/[\uD800-\uDBFF]/.test(line) ? p : { line: p.line, character: utf16Column(line, p.character) };
  };
  return { start: convert(range.start), end: convert(range.end) };
}
