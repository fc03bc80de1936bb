/**
 * Helpers for the text formats (folded stacks, perf script): the lines of the sniffing head, blank
 * lines, and short quotes of lines for error messages.
 */
import type { ProfileInput } from '../importer';

/** The lines of the sniffing head, without the last one when the head stops before the file does. */
export function headLines(input: ProfileInput): string[] {
  const lines = input.head.split('\n');
  if (Buffer.byteLength(input.head) < input.bytes.length) lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** Whether a line holds nothing but blank space (checked without making a trimmed copy). */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** A line quoted for an error message, cut to a readable length. */
export function quote(line: string): string {
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 77)}...` : line);
}
