/**
 * `npm run bench:scan`: Hotpath's speed and memory on at least 20 MB of real code per language,
 * each figure next to a peer measured in the same run on the same files. See bench/README.md.
 */
import * as path from 'node:path';
import { RULES } from '../../server/src/rules/index';
import { Corpus, gatherCorpus } from './corpus';
import { SOURCES } from './corpus-sources';
import { snapshotDist } from './dist-snapshot';
import { MB, note, now } from './measure';
import { formatTable, Row, sizeOf } from './report';
import { inProcessRows } from './rows-in-process';
import { keystrokeRows, memoryRows } from './rows-lsp';
import { toolRows } from './rows-tools';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS_DIR = path.join(ROOT, 'bench', '.corpus');

const rows: Row[] = [];

/**
 * `BENCH_SCAN_ROWS=rules` measures only the rows of the rules against the parse, in this process
 * (a minute or two instead of the whole run, for work on the rules' speed), for the languages
 * `BENCH_SCAN_LANGUAGES` names (`go,java`; all when unset).
 */
const RULES_ONLY = process.env.BENCH_SCAN_ROWS === 'rules';
const RULES_LANGUAGES = process.env.BENCH_SCAN_LANGUAGES?.split(',');

function corpusRows(corpus: Corpus): void {
  for (const language of corpus.languages) {
    const sources = SOURCES[language.language].map((s) => (s.kind === 'npm' ? `${s.name}@${s.version}` : s.name));
    rows.push({ measure: 'corpus', ...sizeOf(language), hotpath: '', peer: '', ratio: '', notes: sources.join(', ') });
    note(`corpus ${language.language}: ${language.files.length} files, ${(language.bytes / MB).toFixed(1)} MB`);
  }
}

async function main(): Promise<void> {
  const started = now();
  process.chdir(ROOT);
  if (RULES_ONLY) {
    const corpus = gatherCorpus(CORPUS_DIR);
    corpusRows(corpus);
    for (const language of corpus.languages) {
      if (!RULES_LANGUAGES || RULES_LANGUAGES.includes(language.language)) await inProcessRows(language, rows, { peers: false });
    }
    printTable(started);
    return;
  }
  const dist = snapshotDist(ROOT);
  try {
    const corpus = gatherCorpus(CORPUS_DIR);
    corpusRows(corpus);
    const rates = new Map<string, number>();
    for (const language of corpus.languages) rates.set(language.language, await inProcessRows(language, rows));
    for (const language of corpus.languages) await toolRows(dist, language, rates.get(language.language)!, rows);
    for (const language of corpus.languages.filter((l) => l.language === 'python' || l.language === 'typescript')) await keystrokeRows(dist, language, rows);
    await memoryRows(dist, corpus, rows);
  } finally {
    dist.dispose();
  }
  printTable(started);
}

function printTable(started: number): void {
  const minutes = (now() - started) / 60_000;
  process.stdout.write(`\nHotpath bench:scan (${RULES.length} rules; node ${process.version}; ${minutes.toFixed(1)} min)\n\n${formatTable(rows)}\n`);
  process.stdout.write(
    '\nMB = 10^6 bytes of source on disk. "speed" ratios are Hotpath\'s MB/s over the peer\'s (above 1: Hotpath is faster);\n' +
      '"time" ratios are Hotpath\'s time over the peer\'s (above 1: Hotpath takes longer).\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:scan failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
