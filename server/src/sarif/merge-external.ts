/**
 * Hotpath's findings of a file together with other tools' findings of it. An external finding
 * at the place of a Hotpath finding of an equivalent rule (equivalent-rules.ts) is the same
 * problem: the Hotpath finding stays, names the other tool ("… (also reported by ESLint
 * no-await-in-loop)") and takes the more severe of the two severities. Hotpath's own results
 * re-imported from a log it wrote are dropped where the finding still stands.
 */
import { atLeast, compareFindings, Finding, Position, Range } from '../findings';
import { equivalentRule, isHotpath } from './equivalent-rules';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Two tools report the same place when the ranges start on one line and overlap (or touch). */
export function samePlace(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && !before(a.end, b.start) && !before(b.end, a.start);
}

export function mergeExternal(ours: readonly Finding[], external: readonly Finding[]): Finding[] {
  if (external.length === 0) return [...ours];
  const merged = ours.map((finding) => ({ finding, also: [] as string[] }));
  const rest: Finding[] = [];
  for (const other of external) {
    const rule = other.source ? equivalentRule(other.source.tool, other.ruleId) : undefined;
    const match = rule && merged.find(({ finding }) => !finding.source && finding.ruleId === rule && samePlace(finding.range, other.range));
    if (!match || !other.source) {
      rest.push(other);
      continue;
    }
    if (!atLeast(match.finding.severity, other.severity)) match.finding = { ...match.finding, severity: other.severity };
    const name = `${other.source.tool} ${other.ruleId}`;
    if (!isHotpath(other.source.tool) && !match.also.includes(name)) match.also.push(name);
  }
  const named = merged.map(({ finding, also }) => (also.length > 0 ? { ...finding, message: `${finding.message} (also reported by ${also.join(', ')})` } : finding));
  return [...named, ...rest].sort(compareFindings);
}
