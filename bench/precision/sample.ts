/**
 * The sample of findings a reviewer reads: a fixed-seed pseudo-random draw, stratified by rule.
 *
 * Each finding gets a rank, a hash of the seed and of what identifies it (rule, file, line,
 * message), and the draw takes the lowest ranks. A finding's rank does not depend on the other
 * findings, so a change that adds or removes a few findings changes only a few entries of the
 * sample and the verdicts given on the others are kept.
 */
import { createHash } from 'node:crypto';
import { reviewKey } from './review-file';

export interface Sampleable {
  ruleId: string;
  file: string;
  line: number;
  message: string;
}

/** Changing it draws a new sample: every verdict given so far would be set aside. */
export const SAMPLE_SEED = 'hotpath-precision-1';

/** Every rule with findings in a language gets at least this many entries (all it has when fewer). */
export const PER_RULE_MINIMUM = 2;

function rank(finding: Sampleable): string {
  return createHash('sha1').update(`${SAMPLE_SEED}\u0000${reviewKey(finding)}`).digest('hex');
}

function byRank<T extends Sampleable>(findings: readonly T[]): T[] {
  return findings
    .map((finding) => ({ finding, key: rank(finding) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((ranked) => ranked.finding);
}

/**
 * `size` findings (all of them when there are fewer): first the PER_RULE_MINIMUM lowest-ranked of
 * every rule, then the lowest-ranked of the rest whatever their rule, which gives each rule a share
 * of the remainder proportional to its findings, as any simple random sample does on average.
 */
export function drawSample<T extends Sampleable>(findings: readonly T[], size: number): T[] {
  const ranked = byRank(findings);
  const taken = new Set<T>();
  const perRule = new Map<string, number>();
  for (const finding of ranked) {
    const count = perRule.get(finding.ruleId) ?? 0;
    if (count < PER_RULE_MINIMUM) {
      taken.add(finding);
      perRule.set(finding.ruleId, count + 1);
    }
  }
  for (const finding of ranked) {
    if (taken.size >= size) break;
    taken.add(finding);
  }
  return [...taken].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.file.localeCompare(b.file) || a.line - b.line);
}
