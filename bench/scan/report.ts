/**
 * The benchmark's one table: each figure with its peer from the same run, the ratio between them,
 * the target where there is one, and what was counted along the way.
 */
import type { LanguageCorpus } from './corpus';
import { formatRate, mbPerSecond } from './measure';

export interface Row {
  measure: string;
  language: string;
  files?: number;
  bytes?: number;
  hotpath: string;
  peer: string;
  ratio: string;
  target?: string;
  /** Whether the target is met; absent when there is no target. */
  met?: boolean;
  notes?: string;
}

const HEADERS = ['Measure', 'Lang', 'Files', 'MB', 'Hotpath', 'Peer (same run, same files)', 'Ratio', 'Target', 'Met', 'Notes'];

function cells(row: Row): string[] {
  return [
    row.measure,
    row.language,
    row.files === undefined ? '' : String(row.files),
    row.bytes === undefined ? '' : (row.bytes / 1_000_000).toFixed(1),
    row.hotpath,
    row.peer,
    row.ratio,
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
    row.notes ?? '',
  ];
}

/** A Markdown table, padded so it also reads as plain text. */
export function formatTable(rows: readonly Row[]): string {
  return markdownTable(HEADERS, rows.map(cells));
}

/** Any table of text cells as Markdown, each column padded to its widest cell. */
export function markdownTable(headers: readonly string[], rows: readonly string[][]): string {
  const table = [[...headers], ...rows];
  const widths = headers.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) => `| ${widths.map((w, c) => (r[c] ?? '').padEnd(w)).join(' | ')} |`;
  return [line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n');
}

export function speed(bytes: number, ms: number): string {
  return formatRate(mbPerSecond(bytes, ms));
}

export function sizeOf(corpus: LanguageCorpus): Pick<Row, 'language' | 'files' | 'bytes'> {
  return { language: corpus.language, files: corpus.files.length, bytes: corpus.bytes };
}
