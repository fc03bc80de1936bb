/**
 * The rows of whole tools reading the corpus files: `hotpath scan` on each language's folder and
 * ESLint's API on the same files.
 */
import { cliScan } from './cli-scan';
import type { LanguageCorpus } from './corpus';
import type { DistSnapshot } from './dist-snapshot';
import { eslintOnFiles } from './eslint-peer';
import { formatRate, formatRatio, mbPerSecond, note } from './measure';
import { Row, sizeOf, speed } from './report';

/** Adds the language's rows; `oneThreadRate` is its parse + rules throughput in one thread (MB/s), the CLI's peer. */
export async function toolRows(dist: DistSnapshot, corpus: LanguageCorpus, oneThreadRate: number, rows: Row[]): Promise<void> {
  note(`${corpus.language}: hotpath scan`);
  const scan = await cliScan(dist.cli, corpus.dir);
  const cliRate = mbPerSecond(corpus.bytes, scan.ms);
  rows.push({
    measure: 'hotpath scan (CLI, worker threads)',
    ...sizeOf(corpus),
    hotpath: formatRate(cliRate),
    peer: `${formatRate(oneThreadRate)} parse + rules in 1 thread`,
    ratio: `${formatRatio(cliRate / oneThreadRate)} speed`,
    notes: `${(scan.ms / 1000).toFixed(1)} s; exit ${scan.exitCode}; ${scan.findings} findings; ${scan.skipped.length} skipped; ${scan.errors.length} errors${scan.errors[0] ? ` (first: ${scan.errors[0]})` : ''}`,
  });
  if (corpus.language !== 'javascript' && corpus.language !== 'typescript') return;
  for (const threaded of [false, true]) {
    note(`${corpus.language}: ESLint on the files${threaded ? ', worker threads' : ''}`);
    const eslint = await eslintOnFiles(corpus, threaded);
    rows.push({
      measure: threaded ? 'ESLint API on files, worker threads' : 'ESLint API on files, 1 thread',
      ...sizeOf(corpus),
      hotpath: `${formatRate(cliRate)} hotpath scan`,
      peer: `${speed(corpus.bytes, eslint.ms)} ESLint`,
      ratio: `${formatRatio(eslint.ms / scan.ms)} speed`,
      target: '> 1x speed',
      met: scan.ms < eslint.ms,
      notes: `ESLint linted ${eslint.files} files, ${eslint.reports} reports, ${eslint.parseErrors} not parsed`,
    });
  }
}

