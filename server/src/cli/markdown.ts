/**
 * Markdown that stays intact whatever names a profile or a benchmark carries: text from outside
 * is put in code spans sized to its backticks, and table cells cannot be split by a `|`.
 */

/** `text` as an inline code span that no backtick in it can end early. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

/** A table cell: pipes escaped, line breaks flattened. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** A markdown table from a header and rows of already formatted cells. */
export function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map(line)];
}
