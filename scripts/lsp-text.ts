/**
 * Finding positions in a document by its text, so tests and tools name what they point at
 * (`positionOf(text, 'session.query')`) instead of hard-coding line and column numbers.
 */
import type { Position, Range } from 'vscode-languageserver-protocol';
import { grammarForPath } from '../server/src/syntax/languages';

/** The position (0-based, UTF-16 columns as LSP counts them) where the n-th `needle` starts. */
export function positionOf(text: string, needle: string, occurrence = 0): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" occurs ${i} times in the text, not ${occurrence + 1}`);
  }
  return offsetToPosition(text, offset);
}

/** The range `needle` covers at its n-th occurrence. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, occurrence);
  const startOffset = positionToOffset(text, start);
  return { start, end: offsetToPosition(text, startOffset + needle.length) };
}

/** The range of the whole line holding the n-th `needle`, with its line break. */
export function lineRangeOf(text: string, needle: string, occurrence = 0): Range {
  const { line } = positionOf(text, needle, occurrence);
  return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
}

export function offsetToPosition(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function positionToOffset(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}

/** The LSP language id an editor gives a file, from its extension. */
export function languageIdForPath(file: string): string {
  return grammarForPath(file)?.editorIds[0] ?? 'plaintext';
}
