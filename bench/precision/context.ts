/**
 * The code a reviewer needs to judge a finding: the lines around it, numbered, its own marked.
 */

/** Lines shown before the finding's line; CONTEXT_AFTER after it, about a dozen in all. */
const CONTEXT_BEFORE = 5;
const CONTEXT_AFTER = 6;
/** Longer lines (generated tables, long literals) are cut: the start says what the line is. */
const MAX_LINE = 160;

/** `line` is 1-based; a line past the end of the text (a file changed since the scan) shows what exists. */
export function codeContext(text: string, line: number): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - CONTEXT_BEFORE);
  const last = Math.min(lines.length, line + CONTEXT_AFTER);
  const width = String(last).length;
  const shown: string[] = [];
  for (let n = first; n <= last; n++) {
    const code = lines[n - 1].replace(/\t/g, '    ');
    const cut = code.length > MAX_LINE ? `${code.slice(0, MAX_LINE)}…` : code;
    shown.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${cut}`.trimEnd());
  }
  return shown.join('\n');
}
