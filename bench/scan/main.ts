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
 * BENCH_SCAN_ROWS=keystroke,memory (any of rules, in-process, tools, keystroke, memory) measures only
 * those groups of rows; unset, all of them. `rules` is the in-process rows without their peers
 * (ESLint, ruff): a minute or two, for work on the rules' speed. BENCH_SCAN_LANGUAGES=go,java
 * limits every group to those languages.
 */
const ROW_GROUPS = ['rules', 'in-process', 'tools', 'keystroke', 'memory'] as const;
type RowGroup = (typeof ROW_GROUPS)[number];

function wantedGroups(value: string | undefined): Set<RowGroup> {
  if (!value) return new Set(ROW_GROUPS);
  const names = value.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(ROW_GROUPS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`BENCH_SCAN_ROWS: unknown group ${unknown.join(', ')} (known: ${ROW_GROUPS.join(', ')})`);
  return new Set(names as RowGroup[]);
}

function wantedLanguages(corpus: Corpus, value: string | undefined): Corpus {
  if (!value) return corpus;
  const names = value.split(',').map((n) => n.trim());
  return { ...corpus, languages: corpus.languages.filter((l) => names.includes(l.language)) };
}

function corpusRows(corpus: Corpus): void {
  for (const language of corpus.languages) {
    const sources = SOURCES[language.language].map((s) => (s.kind === 'npm' ? `${s.name}@${s.version}` : s.name));
    rows.push({ measure: 'corpus', ...sizeOf(language), hotpath: '', peer: '', ratio: '', notes: sources.join(', ') });
    note(`corpus ${language.language}: ${language.files.length} files, ${(language.bytes / MB).toFixed(1)} MB`);
  }
}

async function main(): Promise<void> {
  const started = now();
  const wanted = wantedGroups(process.env.BENCH_SCAN_ROWS);
  process.chdir(ROOT);
  const dist = snapshotDist(ROOT);
  try {
    const corpus = wantedLanguages(gatherCorpus(CORPUS_DIR), process.env.BENCH_SCAN_LANGUAGES);
    corpusRows(corpus);
    const rates = new Map<string, number>();
    // The tool rows compare with the in-process rate, so they need the in-process rows.
    if (wanted.has('in-process') || wanted.has('tools')) {
      for (const language of corpus.languages) rates.set(language.language, await inProcessRows(language, rows));
    } else if (wanted.has('rules')) {
      for (const language of corpus.languages) await inProcessRows(language, rows, { peers: false });
    }
    if (wanted.has('tools')) for (const language of corpus.languages) await toolRows(dist, language, rates.get(language.language)!, rows);
    if (wanted.has('keystroke')) {
      for (const language of corpus.languages.filter((l) => l.language === 'python' || l.language === 'typescript')) await keystrokeRows(dist, language, rows);
    }
    if (wanted.has('memory')) await memoryRows(dist, corpus, rows);
  } finally {
    dist.dispose();
  }
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
