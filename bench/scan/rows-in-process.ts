/**
 * The rows measured in this process, one language at a time: parse + rules against a bare parse,
 * where the rules' time goes, and the peers that run in memory (ESLint, ruff).
 */
import * as fs from 'node:fs';
import type { CorpusFile, LanguageCorpus } from './corpus';
import { eslintInMemory } from './eslint-peer';
import { formatRatio, mbPerSecond, note } from './measure';
import { FileCost, parseVsRules } from './parse-vs-rules';
import { Row, sizeOf, speed } from './report';
import { ruffPeer } from './ruff-peer';
import { describeCosts, fileRuleCosts, RuleCosts, ruleCosts, totalCost } from './rule-costs';

/** The rules may add this much to the time of a bare parse. */
const RULES_BUDGET = 1.3;

/** Files that the single timing of the whole-corpus run ranks as costliest, measured again. */
const COSTLIEST_CANDIDATES = 3;
const COSTLIEST_MIN_BYTES = 20_000;

interface FileCosts {
  file: CorpusFile;
  costs: RuleCosts;
}

/**
 * The file of at least COSTLIEST_MIN_BYTES where the rules cost most against its parse: the
 * candidates from the whole-corpus run are measured again, each rule alone, several times, so
 * that a garbage collection in the first timing does not name the wrong file.
 */
async function costliestFile(corpus: LanguageCorpus, texts: readonly string[], perFile: readonly FileCost[]): Promise<FileCosts | undefined> {
  const candidates = perFile
    .filter((f) => f.bytes >= COSTLIEST_MIN_BYTES)
    .sort((a, b) => b.rulesMs / b.parseMs - a.rulesMs / a.parseMs)
    .slice(0, COSTLIEST_CANDIDATES);
  let worst: FileCosts | undefined;
  for (const candidate of candidates) {
    const index = corpus.files.findIndex((f) => f.rel === candidate.rel);
    const costs = await fileRuleCosts(corpus.language, corpus.files[index], texts[index]);
    if (!worst || totalCost(costs) / costs.parseMs > totalCost(worst.costs) / worst.costs.parseMs) worst = { file: corpus.files[index], costs };
  }
  return worst;
}

/**
 * Adds the language's rows, the peers' (ESLint, ruff) unless `peers` is false; returns its
 * parse + rules throughput in one thread (MB/s).
 */
export async function inProcessRows(corpus: LanguageCorpus, rows: Row[], { peers = true } = {}): Promise<number> {
  const texts = corpus.files.map((f) => fs.readFileSync(f.path, 'utf8'));
  note(`${corpus.language}: parse + rules against bare parse`);
  const run = await parseVsRules(corpus, texts);
  const ratio = run.fullMs / run.bareMs;
  rows.push({
    measure: 'parse + all rules, 1 thread',
    ...sizeOf(corpus),
    hotpath: speed(corpus.bytes, run.fullMs),
    peer: `${speed(corpus.bytes, run.bareMs)} bare tree-sitter parse`,
    ratio: `${formatRatio(ratio)} time`,
    target: `<= ${formatRatio(RULES_BUDGET)} time`,
    met: ratio <= RULES_BUDGET,
    notes: `${run.findings} findings; ${run.failures.length} rule failures${run.failures.length > 0 ? ` (first: ${run.failures[0].split('\n')[0]})` : ''}`,
  });

  note(`${corpus.language}: cost of each rule`);
  const costs = await ruleCosts(corpus, texts);
  rows.push({
    measure: 'rules time as % of parse (1 file in 8)',
    language: corpus.language,
    bytes: costs.bytes,
    hotpath: `+${((totalCost(costs) / costs.parseMs) * 100).toFixed(0)}%`,
    peer: `bare parse ${speed(costs.bytes, costs.parseMs)}`,
    ratio: `${formatRatio(1 + totalCost(costs) / costs.parseMs)} time`,
    notes: describeCosts(costs),
  });
  const worst = await costliestFile(corpus, texts, run.perFile);
  if (worst) {
    rows.push({
      measure: 'file where rules cost most (>= 20 KB)',
      language: corpus.language,
      files: 1,
      bytes: worst.file.bytes,
      hotpath: `+${((totalCost(worst.costs) / worst.costs.parseMs) * 100).toFixed(0)}%`,
      peer: `bare parse ${speed(worst.costs.bytes, worst.costs.parseMs)}`,
      ratio: `${formatRatio(1 + totalCost(worst.costs) / worst.costs.parseMs)} time`,
      notes: `${worst.file.rel}: ${describeCosts(worst.costs)}`,
    });
  }

  if (!peers) return mbPerSecond(corpus.bytes, run.fullMs);
  if (corpus.language === 'javascript' || corpus.language === 'typescript') {
    note(`${corpus.language}: ESLint in memory`);
    const eslint = await eslintInMemory(corpus, texts);
    rows.push({
      measure: 'ESLint in memory, 1 thread',
      ...sizeOf(corpus),
      hotpath: `${speed(corpus.bytes, eslint.hotpathMs)} all rules`,
      peer: `${speed(corpus.bytes, eslint.eslintMs)} ESLint no-await-in-loop`,
      ratio: `${formatRatio(eslint.eslintMs / eslint.hotpathMs)} speed`,
      target: '> 1x speed',
      met: eslint.hotpathMs < eslint.eslintMs,
      notes: `ESLint: ${eslint.reports} no-await-in-loop, ${eslint.parseErrors} files it could not parse; Hotpath: ${eslint.hotpathAwaitInLoop} await-in-loop`,
    });
  }
  if (corpus.language === 'python') {
    note('python: ruff in memory');
    const ruff = await ruffPeer(corpus, texts);
    rows.push({
      measure: 'ruff (wasm) in memory, 1 thread',
      ...sizeOf(corpus),
      hotpath: `${speed(corpus.bytes, ruff.hotpathMs)} all rules`,
      peer: `${speed(corpus.bytes, ruff.ruffMs)} ruff ${ruff.version} PERF+ASYNC`,
      ratio: `${formatRatio(ruff.ruffMs / ruff.hotpathMs)} speed`,
      notes: `ruff: ${ruff.ruffReports} reports, syntax errors in ${ruff.ruffSyntaxErrors} files; Hotpath: ${ruff.hotpathFindings} findings`,
    });
  }
  return mbPerSecond(corpus.bytes, run.fullMs);
}

