/**
 * The measured lines of a file as they can be drawn on today's source. A profiler may attribute
 * lines of code inlined from another file to the caller (V8's positionTicks do): a line that falls
 * outside the function it was measured in is left out rather than drawn on unrelated code.
 */
import type { SourceFunction } from '../syntax/functions';
import { FileHeat, LineHeat, mergeLines } from './heat';
import { locateFunction } from './locate';

export function placedLines(file: FileHeat, functions: readonly SourceFunction[]): LineHeat[] {
  if (functions.length === 0) return file.lines;
  const kept: LineHeat[] = [];
  for (const heat of file.functions) {
    const at = locateFunction(heat, functions, heat.lines);
    for (const line of heat.lines) {
      if (!at || (line.line - 1 >= at.startLine && line.line - 1 <= at.endLine)) kept.push(line);
    }
  }
  return mergeLines(kept);
}
