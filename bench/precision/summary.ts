/**
 * The tally of the review files: per language and per rule, how many entries were reviewed, how
 * many are true and false positives, and the precision, with the rules below the bar flagged.
 */
import { markdownTable } from '../scan/report';
import type { ReviewEntry } from './review-file';

/** A rule whose reviewed precision is below this is fixed or turned off by default (issue 7). */
export const PRECISION_BAR = 0.8;

interface Tally {
  sampled: number;
  tp: number;
  fp: number;
}

/** `TP`/`FP` in any case, followed by anything; anything else is not a verdict. */
export function readVerdict(verdict: string): 'TP' | 'FP' | undefined {
  const word = /^\s*(tp|fp)\b/i.exec(verdict);
  return word ? (word[1].toUpperCase() as 'TP' | 'FP') : undefined;
}

function count(entries: readonly ReviewEntry[]): Tally {
  const tally = { sampled: entries.length, tp: 0, fp: 0 };
  for (const entry of entries) {
    const verdict = readVerdict(entry.verdict);
    if (verdict === 'TP') tally.tp++;
    else if (verdict === 'FP') tally.fp++;
  }
  return tally;
}

function row(language: string, rule: string, tally: Tally): string[] {
  const reviewed = tally.tp + tally.fp;
  const precision = reviewed > 0 ? tally.tp / reviewed : undefined;
  return [
    language,
    rule,
    String(tally.sampled),
    String(reviewed),
    String(tally.tp),
    String(tally.fp),
    precision === undefined ? '' : `${(precision * 100).toFixed(0)}%`,
    precision !== undefined && precision < PRECISION_BAR ? `BELOW ${PRECISION_BAR * 100}%` : '',
  ];
}

/** The summary table of every language's review; `reviews` maps a language to its entries. */
export function summarize(reviews: ReadonlyMap<string, readonly ReviewEntry[]>): string {
  const rows: string[][] = [];
  for (const [language, entries] of reviews) {
    const rules = [...new Set(entries.map((e) => e.ruleId))].sort();
    for (const rule of rules) rows.push(row(language, rule, count(entries.filter((e) => e.ruleId === rule))));
    rows.push(row(language, 'all rules', count(entries)));
  }
  return markdownTable(['Lang', 'Rule', 'Sampled', 'Reviewed', 'TP', 'FP', 'Precision', 'Flag'], rows);
}

/** Verdicts that are filled in but say neither TP nor FP, as `file: id`, so a typo is not counted as unreviewed in silence. */
export function unreadableVerdicts(file: string, entries: readonly ReviewEntry[], idOf: (e: ReviewEntry) => string): string[] {
  return entries.filter((e) => e.verdict.trim() !== '' && !readVerdict(e.verdict)).map((e) => `${file}: ${idOf(e)} has the verdict "${e.verdict}" (write TP or FP)`);
}
