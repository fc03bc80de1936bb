/**
 * The table of what the rules find on the corpus: findings per rule and per language, then the
 * corpus size (with the MB scanned past the scan corpus) and the findings per MB of each language.
 */
import { MB } from '../scan/measure';
import { markdownTable } from '../scan/report';

export interface LanguageFindings {
  language: string;
  files: number;
  bytes: number;
  /** Of `bytes`, those of the files past the scan corpus, scanned when it held too few findings. */
  bytesPastScanCorpus: number;
  /** Rule ids of the findings above hint severity, one per finding. */
  rules: readonly string[];
  /** Findings reported as hints (in test files), left out of the rows per rule. */
  hints: number;
  seconds: number;
}

export function countsTable(languages: readonly LanguageFindings[]): string {
  const perRule = languages.map((l) => {
    const counts = new Map<string, number>();
    for (const rule of l.rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    return counts;
  });
  const rules = [...new Set(languages.flatMap((l) => l.rules))].sort();
  const total = (values: number[]) => values.reduce((sum, v) => sum + v, 0);
  const line = (label: string, values: number[], format: (v: number) => string = String) => [label, ...values.map(format), format(total(values))];
  const bytes = languages.map((l) => l.bytes);
  const findings = languages.map((l) => l.rules.length);
  const rows = [
    ...rules.map((rule) => line(rule, perRule.map((counts) => counts.get(rule) ?? 0))),
    line('all rules', findings),
    line('hints (test files)', languages.map((l) => l.hints)),
    line('files', languages.map((l) => l.files)),
    line('MB', bytes, (v) => (v / MB).toFixed(1)),
    line('of which past the scan corpus', languages.map((l) => l.bytesPastScanCorpus), (v) => (v / MB).toFixed(1)),
    [...line('findings per MB', findings.map((n, i) => n / (bytes[i] / MB)), (v) => v.toFixed(2)).slice(0, -1), (total(findings) / (total(bytes) / MB)).toFixed(2)],
    line('scan seconds', languages.map((l) => l.seconds), (v) => v.toFixed(1)),
  ];
  return markdownTable(['Rule', ...languages.map((l) => l.language), 'all'], rows);
}
