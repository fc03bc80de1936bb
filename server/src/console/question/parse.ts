/**
 * A question in words → what it asks (the intent) and about what (the subjects), with the
 * options a question may set: self or total, how many, only the user's own code, which way a
 * comparison goes, and whether it asks about time or memory. Deterministic: the same question
 * over the same model always parses the same way.
 */
import type { IntentKind } from '../answer';
import type { ConsoleModel } from '../model';
import { namedBenchmarks } from './benchmark-names';
import { asksForOwnCode, intentOf } from './intent-table';
import { nameKey } from './fuzzy';
import { functionsByKey, nameIndex } from './names';
import { findSubjects, Subjects } from './subjects';
import { countOf, splitWords } from './words';

export interface ParsedQuestion {
  intent: IntentKind;
  subjects: Subjects;
  /** Rank functions by self or total value; `byGiven` says whether the question chose. */
  by: 'self' | 'total';
  byGiven: boolean;
  /** "top 5", "three hottest". */
  limit?: number;
  /** Only the user's own code ("in my code"). */
  oursOnly: boolean;
  /** For comparisons: what got slower, what got faster, or both. */
  direction: 'regressed' | 'improved' | 'both';
  /** What the question is about when it says: time or memory. */
  measure?: 'time' | 'memory';
  /** The question in lower case with typos corrected, as the intent table read it. */
  normalized: string;
}

/** The largest "top N" a question gets. */
export const MAX_LIMIT = 50;

const LIMIT_PATTERNS = [
  /\btop (\w+)\b/,
  /\bfirst (\w+)\b/,
  /\b(\w+) (hottest|slowest|biggest|largest|most|top|functions|hotspots|findings|things|items|problems|issues|places)\b/,
];

function limitOf(normalized: string): number | undefined {
  for (const pattern of LIMIT_PATTERNS) {
    const count = countOf(pattern.exec(normalized)?.[1] ?? '');
    if (count !== undefined && count > 0) return Math.min(count, MAX_LIMIT);
  }
  return undefined;
}

export function parseQuestion(question: string, model: ConsoleModel): ParsedQuestion {
  const index = nameIndex(model);
  const known = (word: string) =>
    functionsByKey(index, nameKey(word)).length > 0 || [...index.folders.keys()].some((f) => f.toLowerCase().endsWith(word));
  const { words, normalized } = splitWords(question.trim(), known);
  const subjects = findSubjects(model, index, words, normalized);
  const total = /\bby total\b|\btotal\b|\binclusive\b|\bcumulative\b|\bincluding (callees|children)\b/.test(normalized);
  const self = /\bby self\b|\bself\b|\bexclusive\b|\bflat\b/.test(normalized);
  const improved = /\bimprove(d|ments?)\b|\bfaster\b|\bbetter\b|\bsped up\b|\bspeedups?\b/.test(normalized);
  const regressed = /\bregress|\bslower\b|\bworse\b/.test(normalized);
  const memory = /\bmemory\b|\balloc|\bheap\b|\bbytes\b|\bobjects\b|\bram\b/.test(normalized);
  const time = /\bcpu\b|\btime\b|\bslow|\bfast|\bseconds?\b|\blatency\b|\bms\b/.test(normalized);
  return {
    intent: intentOf({ normalized, subjects, namesBenchmark: namedBenchmarks(question, model.benchmarks?.comparison.deltas.map((d) => d.name) ?? []).found.length > 0 }),
    subjects,
    by: total && !self ? 'total' : 'self',
    byGiven: total || self,
    limit: limitOf(normalized),
    oursOnly: /\bhot|\bslowest|\btop\b|\bfunctions?\b/.test(normalized) && asksForOwnCode(normalized),
    direction: improved && !regressed ? 'improved' : regressed && !improved ? 'regressed' : 'both',
    measure: memory ? 'memory' : time ? 'time' : undefined,
    normalized,
  };
}
