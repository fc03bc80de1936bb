/**
 * `npm run bench:precision`: every rule over the scan benchmark's corpus, through `hotpath scan`
 * (the CLI bundle, worker threads and the workspace index of the cross-file rule), one workspace
 * per language. Prints the findings per rule and language and per MB, then writes a sample of each
 * language's findings above hint severity (hints, findings in test files by default, are only
 * counted) to bench/precision/review/<language>.md for a reviewer, keeping the verdicts
 * already given on entries that are sampled again.
 *
 * `node out/bench/precision/main.js summary` reads the review files and prints the precision per
 * language and rule, flagging the rules below the bar.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliScan, ReportedFinding } from '../scan/cli-scan';
import { gatherCorpus, LanguageCorpus } from '../scan/corpus';
import { snapshotDist } from '../scan/dist-snapshot';
import { note, now } from '../scan/measure';
import { codeContext } from './context';
import { countsTable, LanguageFindings } from './counts';
import { mergeVerdicts, parseReview, renderReview, ReviewEntry, reviewId } from './review-file';
import { filesPastScanCorpus } from './larger-corpus';
import { drawSample, PER_RULE_MINIMUM, SAMPLE_SEED } from './sample';
import { summarize, unreadableVerdicts } from './summary';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REVIEW_DIR = path.join(ROOT, 'bench', 'precision', 'review');

/** Entries per language: enough that 40 or more remain once the ones a reviewer cannot judge are set aside. */
const SAMPLE_SIZE = 50;

/** The review file's opening; `extended` when the language's files past the scan corpus were scanned too. */
function intro(language: string, extended: boolean): string {
  const where = extended
    ? `\`bench/.corpus/files/${language}/\` or, past the scan corpus (too few findings in it), in \`bench/.corpus/precision/${language}/\``
    : `\`bench/.corpus/files/${language}/\``;
  return (
    `Written by \`npm run bench:precision\`: ${SAMPLE_SIZE} findings drawn from this language's corpus ` +
    `(seed \`${SAMPLE_SEED}\`, at least ${PER_RULE_MINIMUM} per rule that has findings, the rest at random). ` +
    'For each, write `TP` (the code does the costly thing the message says, where it can matter) or `FP` ' +
    `after \`verdict:\`, and why after \`reason:\`. The files are in ${where}. ` +
    'A new run keeps the verdicts of the entries it draws again; `node out/bench/precision/main.js summary` counts them.'
  );
}

function reviewFile(language: string): string {
  return path.join(REVIEW_DIR, `${language}.md`);
}

function readPrevious(file: string): ReviewEntry[] {
  try {
    return parseReview(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') note(`${file} could not be read (${String(error)}): its verdicts are not kept`);
    return [];
  }
}

interface FolderScan {
  /** The folder scanned, by its real path. */
  dir: string;
  /** What the Problems panel lists: hints (findings in test files, by default) are counted apart and not reviewed. */
  shown: ReportedFinding[];
  hints: number;
  seconds: number;
}

async function scanFolder(cli: string, corpus: LanguageCorpus): Promise<FolderScan> {
  note(`${corpus.language}: hotpath scan on ${corpus.files.length} files in ${path.relative(ROOT, corpus.dir)}`);
  const start = now();
  // The CLI writes paths relative to its working directory, which the system gives as a real
  // path: a corpus reached through a symbolic link must be named by its real path too.
  const dir = fs.realpathSync(corpus.dir);
  const scan = await cliScan(cli, dir);
  const seconds = (now() - start) / 1000;
  for (const line of [...scan.skipped, ...scan.errors]) note(`${corpus.language}: ${line}`);
  const shown = scan.reported.filter((f) => f.severity !== 'hint');
  return { dir, shown, hints: scan.reported.length - shown.length, seconds };
}

async function run(): Promise<void> {
  const cacheDir = path.join(ROOT, 'bench', '.corpus');
  const corpus = gatherCorpus(cacheDir);
  const dist = snapshotDist(ROOT);
  const counted: LanguageFindings[] = [];
  try {
    fs.mkdirSync(REVIEW_DIR, { recursive: true });
    for (const language of corpus.languages) {
      const parts = [language];
      const scans = [await scanFolder(dist.cli, language)];
      // Too few findings to draw the sample from: the same pool, continued past the scan corpus.
      if (scans[0].shown.length < SAMPLE_SIZE) {
        const more = filesPastScanCorpus(language, cacheDir);
        if (more.files.length > 0) {
          parts.push(more);
          scans.push(await scanFolder(dist.cli, more));
        }
      }
      const shown = scans.flatMap((scan) => scan.shown.map((finding) => ({ ...finding, dir: scan.dir })));
      const hints = scans.reduce((sum, scan) => sum + scan.hints, 0);
      const bytes = parts.map((part) => part.bytes);
      counted.push({
        language: language.language,
        files: parts.reduce((sum, part) => sum + part.files.length, 0),
        bytes: bytes.reduce((sum, b) => sum + b, 0),
        bytesPastScanCorpus: bytes.slice(1).reduce((sum, b) => sum + b, 0),
        rules: shown.map((f) => f.ruleId),
        hints,
        seconds: scans.reduce((sum, scan) => sum + scan.seconds, 0),
      });
      const texts = new Map<string, string>();
      const textOf = (file: string) => {
        if (!texts.has(file)) texts.set(file, fs.readFileSync(file, 'utf8'));
        return texts.get(file)!;
      };
      const sampled = drawSample(shown, SAMPLE_SIZE).map((f) => ({
        ruleId: f.ruleId,
        file: f.file,
        line: f.line,
        message: f.message,
        context: codeContext(textOf(path.join(f.dir, f.file)), f.line),
        verdict: '',
        reason: '',
      }));
      const file = reviewFile(language.language);
      const { entries, dropped } = mergeVerdicts(sampled, readPrevious(file));
      fs.writeFileSync(file, renderReview(language.language, intro(language.language, parts.length > 1), entries));
      const kept = entries.filter((e) => e.verdict !== '' || e.reason !== '').length;
      note(`${language.language}: ${shown.length} findings and ${hints} hints, ${entries.length} sampled into ${path.relative(ROOT, file)} (${kept} verdicts kept, ${dropped} dropped with entries no longer sampled)`);
    }
  } finally {
    dist.dispose();
  }
  process.stdout.write(`${countsTable(counted)}\n`);
}

function summary(): void {
  const reviews = new Map<string, ReviewEntry[]>();
  const problems: string[] = [];
  const files = fs.existsSync(REVIEW_DIR) ? fs.readdirSync(REVIEW_DIR).filter((f) => f.endsWith('.md')).sort() : [];
  if (files.length === 0) throw new Error(`no review files in ${path.relative(ROOT, REVIEW_DIR)}: run npm run bench:precision first`);
  for (const name of files) {
    const language = path.basename(name, '.md');
    const entries = parseReview(fs.readFileSync(path.join(REVIEW_DIR, name), 'utf8'));
    reviews.set(language, entries);
    problems.push(...unreadableVerdicts(name, entries, (e) => reviewId(language, e)));
  }
  process.stdout.write(`${summarize(reviews)}\n`);
  for (const problem of problems) process.stderr.write(`${problem}\n`);
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === undefined) await run();
  else if (mode === 'summary') summary();
  else {
    process.stderr.write('usage: node out/bench/precision/main.js [summary]\n');
    process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:precision failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
