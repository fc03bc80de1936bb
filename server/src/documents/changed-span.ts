/**
 * The part of an open document that changed since its findings were last computed: one span of
 * offsets in the current text, grown by every edit and by every part of the tree that a reparse
 * restructured. An analysis that knows it can check only the code around it.
 */

/** Offsets in the document's current text, `end` exclusive; 'all' when the whole text may differ. */
export type ChangedSpan = { start: number; end: number } | 'all';

/** The span after an edit that replaced `[start, oldEnd)` of the text with text ending at `newEnd`. */
export function afterEdit(span: ChangedSpan | undefined, start: number, oldEnd: number, newEnd: number): ChangedSpan {
  if (span === 'all') return 'all';
  if (!span) return { start, end: newEnd };
  // Offsets after the replaced text move with it; offsets inside it end up at its end.
  const moved = (offset: number) => (offset <= start ? offset : offset >= oldEnd ? offset + newEnd - oldEnd : newEnd);
  return { start: Math.min(moved(span.start), start), end: Math.max(moved(span.end), newEnd) };
}

/** The span grown to cover `[start, end)` as well. */
export function including(span: ChangedSpan | undefined, start: number, end: number): ChangedSpan {
  if (span === 'all') return 'all';
  return span ? { start: Math.min(span.start, start), end: Math.max(span.end, end) } : { start, end };
}
