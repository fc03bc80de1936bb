/**
 * A regression check for changes that must not change what Hotpath finds (performance work, in
 * particular): dumps every finding and every file's summary for the workspace index (what
 * n-plus-one-through-call reads) of the bench corpus to one JSON file, and compares two dumps.
 *
 *     node out/bench/scan/findings-dump.js dump before.json [--language python]
 *     (change the code, build)
 *     node out/bench/scan/findings-dump.js dump after.json
 *     node out/bench/scan/findings-dump.js compare before.json after.json
 *
 * Files are analyzed in this process, one after another, with the default settings, on the
 * corpus that `npm run bench:scan` gathered (bench/.corpus); the cross-file findings
 * (n-plus-one-through-call) come from the index of every file's summary, as `hotpath scan` adds
 * them once all the files are read. `compare` exits with 1 and names
 * the first files that differ when the dumps are not identical, order of findings included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSource } from '../../server/src/analyze';
import { compareFindings, Finding } from '../../server/src/findings';
import type { FileSummary } from '../../server/src/summaries/file-summary';
import { AnalysisConfig } from '../../server/src/rules/config';
import { nPlusOneThroughCall } from '../../server/src/rules/n-plus-one-through-call';
import { SummaryIndex } from '../../server/src/summaries/summary-index';
import { gatherCorpus } from './corpus';
import { note } from './measure';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface FileFindings {
  findings: Finding[];
  failures: string[];
  summary?: FileSummary;
}

/** Corpus-relative path (`python/cpython/…`) to what the analysis returned. */
type Dump = Record<string, FileFindings>;

async function dump(out: string, only?: string): Promise<void> {
  const corpus = gatherCorpus(path.join(ROOT, 'bench', '.corpus'));
  const config = new AnalysisConfig();
  const result: Dump = {};
  const index = new SummaryIndex(() => config.severity(nPlusOneThroughCall.meta));
  const paths = new Map<string, string>();
  let count = 0;
  for (const language of corpus.languages) {
    if (only && language.language !== only) continue;
    note(`${language.language}: ${language.files.length} files`);
    for (const file of language.files) {
      const { findings, failures, summary } = await analyzeSource(fs.readFileSync(file.path, 'utf8'), file.grammar, config);
      // Failures carry stack traces, whose line numbers change with any edit: the first line says what failed.
      result[`${language.language}/${file.rel}`] = { findings, failures: failures.map((f) => f.split('\n')[0]), summary };
      paths.set(`${language.language}/${file.rel}`, file.path);
      index.setScanned(file.path, summary);
    }
  }
  for (const [key, file] of paths) {
    const entry = result[key];
    const linked = index.findings(file);
    if (linked.length > 0) entry.findings = [...entry.findings, ...linked].sort(compareFindings);
    count += entry.findings.length;
  }
  fs.writeFileSync(out, JSON.stringify(result));
  note(`${Object.keys(result).length} files, ${count} findings written to ${out}`);
}

/** JSON with every object's keys sorted: the order a property was set in changes nothing a user sees. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function compare(a: string, b: string): boolean {
  const before = JSON.parse(fs.readFileSync(a, 'utf8')) as Dump;
  const after = JSON.parse(fs.readFileSync(b, 'utf8')) as Dump;
  const files = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const differing = files.filter((f) => canonical(before[f]) !== canonical(after[f]));
  const total = (d: Dump) => Object.values(d).reduce((sum, f) => sum + f.findings.length, 0);
  process.stdout.write(`${files.length} files; findings ${total(before)} before, ${total(after)} after; ${differing.length} files differ\n`);
  for (const file of differing.slice(0, 10)) {
    const sameSet = (x?: FileFindings, y?: FileFindings) =>
      !!x && !!y && JSON.stringify(x.findings.map((f) => JSON.stringify(f)).sort()) === JSON.stringify(y.findings.map((f) => JSON.stringify(f)).sort());
    const how = !before[file] || !after[file] ? 'in one dump only' : sameSet(before[file], after[file]) ? 'same findings, other order, failures or summary' : 'different findings';
    process.stdout.write(`  ${file}: ${how}\n`);
  }
  return differing.length === 0;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'dump' && args[0]) {
    const at = args.indexOf('--language');
    await dump(args[0], at >= 0 ? args[at + 1] : undefined);
  } else if (command === 'compare' && args.length === 2) {
    if (!compare(args[0], args[1])) process.exitCode = 1;
  } else {
    process.stderr.write('usage: findings-dump dump OUT.json [--language LANG] | findings-dump compare A.json B.json\n');
    process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`findings-dump failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
