/**
 * How a function's time connects to findings: the calls a finding's line makes that the profile
 * measured as callees of the function (the N+1 query and the `query` it repeats), and the
 * findings inside the functions it calls, a few levels down, across files.
 */
import { shortName } from '../profiles/locate';
import type { ConsoleModel, MeasuredProfile, SourcedFinding } from './model';
import { percentOf, placement } from './profile-figures';

export interface MeasuredCall {
  func: number;
  /** Inclusive value of the calls from the caller, and its share of the profile. */
  value: number;
  percent: number;
}

/** The callees (or callers) of a function by the value of those calls, largest first. */
export function measuredCalls(mp: MeasuredProfile, func: number, which: 'callers' | 'callees', limit: number): MeasuredCall[] {
  return [...(mp.stats[which][func] ?? [])]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([other, value]) => ({ func: other, value, percent: percentOf(mp.stats, value) }));
}

/** Names the code of a finding calls: `db`, `query` in `db.query(sql, [order.customerId])`. */
function calledNames(model: ConsoleModel, item: SourcedFinding): Set<string> {
  const lines = model.sources.text(item.file)?.split('\n') ?? [];
  const { start, end } = item.finding.range;
  const code = lines.slice(start.line, end.line + 1).join('\n');
  return new Set([...code.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1]));
}

/** The measured callees of `func` that the finding's code calls by name. */
export function repeatedCallees(model: ConsoleModel, mp: MeasuredProfile, func: number, item: SourcedFinding): MeasuredCall[] {
  const names = calledNames(model, item);
  return measuredCalls(mp, func, 'callees', Number.MAX_SAFE_INTEGER).filter((c) => names.has(shortName(mp.profile.functions[c.func].name)));
}

export interface FindingBelow {
  /** The callee the finding is in. */
  func: number;
  /** How many calls down from the function asked about. */
  depth: number;
  item: SourcedFinding;
}

/** Calls below this share of the profile are not followed. */
const MIN_FOLLOWED_PERCENT = 1;
const MAX_DEPTH = 3;
const MAX_FOLLOWED = 40;

/** Findings in the user's functions that `func` calls, directly or up to three calls down. */
export function findingsBelow(model: ConsoleModel, mp: MeasuredProfile, func: number): FindingBelow[] {
  const where = placement(mp);
  const found: FindingBelow[] = [];
  const seen = new Set([func]);
  let level = [func];
  for (let depth = 1; depth <= MAX_DEPTH && level.length > 0 && seen.size < MAX_FOLLOWED; depth++) {
    const next: number[] = [];
    for (const caller of level) {
      for (const call of measuredCalls(mp, caller, 'callees', MAX_FOLLOWED)) {
        if (seen.has(call.func) || call.percent < MIN_FOLLOWED_PERCENT) continue;
        seen.add(call.func);
        next.push(call.func);
        const file = where.file[call.func];
        if (!file) continue;
        const name = shortName(mp.profile.functions[call.func].name);
        for (const item of model.findings) {
          if (item.file === file && item.finding.function?.name === name) found.push({ func: call.func, depth, item });
        }
      }
    }
    level = next;
  }
  return found;
}
