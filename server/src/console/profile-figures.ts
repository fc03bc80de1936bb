/**
 * The active profile's figures as the console states them: one function's row, the top
 * functions by self or total (in the order `hotpath profile` lists them), and where each function
 * is. Per-function origins are computed once per profile and sample type.
 */
import { formatValue, measureNoun } from '../profiles/format';
import { IMPORTERS } from '../profiles/importers';
import type { Origin } from '../profiles/paths';
import type { ProfileStats } from '../profiles/stats';
import type { MeasuredProfile } from './model';

export interface FunctionRow {
  func: number;
  /** The name as the profile recorded it. */
  name: string;
  origin: Origin;
  /** The workspace file, for functions of ours. */
  file?: string;
  /** 1-based line where the function starts, when the profile says. */
  line?: number;
  self: number;
  total: number;
  selfPercent: number;
  totalPercent: number;
}

export type Measure = 'self' | 'total';

interface Placement {
  origin: Origin[];
  file: Array<string | undefined>;
}

const placements = new WeakMap<ProfileStats, Placement>();

/** Where every function of the profile is: its origin and, when ours, its workspace file. */
export function placement(mp: MeasuredProfile): Placement {
  let found = placements.get(mp.stats);
  if (!found) {
    const origin: Origin[] = [];
    const file: Array<string | undefined> = [];
    for (const fn of mp.profile.functions) {
      const mapped = mp.map(fn);
      origin.push(mapped.origin);
      file.push(mapped.file);
    }
    found = { origin, file };
    placements.set(mp.stats, found);
  }
  return found;
}

export function percentOf(stats: ProfileStats, value: number): number {
  return stats.grand > 0 ? (value / stats.grand) * 100 : 0;
}

export function functionRow(mp: MeasuredProfile, func: number): FunctionRow {
  const fn = mp.profile.functions[func];
  const where = placement(mp);
  const { stats } = mp;
  return {
    func,
    name: fn.name || '(anonymous)',
    origin: where.origin[func],
    file: where.file[func],
    line: fn.line && fn.line > 0 ? fn.line : undefined,
    self: stats.self[func],
    total: stats.total[func],
    selfPercent: percentOf(stats, stats.self[func]),
    totalPercent: percentOf(stats, stats.total[func]),
  };
}

/**
 * The `limit` functions with the largest value by `by` among those `keep` accepts, ties broken by
 * the other measure and then by the profile's order, as `hotpath profile` sorts them. One pass
 * with a short sorted list, so a profile with a million functions costs no full sort.
 */
export function topFunctions(mp: MeasuredProfile, by: Measure, limit: number, keep: (func: number) => boolean = () => true): number[] {
  const primary = mp.stats[by];
  const secondary = mp.stats[by === 'self' ? 'total' : 'self'];
  const before = (a: number, b: number) => primary[a] > primary[b] || (primary[a] === primary[b] && secondary[a] > secondary[b]);
  const top: number[] = [];
  for (let func = 0; func < primary.length; func++) {
    if (primary[func] <= 0) continue;
    if (top.length === limit && !before(func, top[top.length - 1])) continue;
    if (!keep(func)) continue;
    let at = top.length;
    while (at > 0 && before(func, top[at - 1])) at--;
    top.splice(at, 0, func);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** What users call the profile's format: "V8 CPU profile (.cpuprofile)". */
export function formatTitle(mp: MeasuredProfile): string {
  return IMPORTERS.find((i) => i.format === mp.profile.format)?.title ?? mp.profile.format;
}

/** "1.27 s of CPU time" — the whole profile in its unit. */
export function grandTotal(mp: MeasuredProfile): string {
  const { unit } = mp.heat.source;
  const noun = measureNoun(mp.heat.source);
  // "438 CPU samples" rather than "438 samples of CPU samples".
  if (unit === 'samples') return `${mp.stats.grand.toLocaleString('en-US')} ${noun}`;
  return `${formatValue(mp.stats.grand, unit)} of ${noun}`;
}

/** True when the profile measures memory (bytes or objects, allocation samples). */
export function measuresMemory(mp: MeasuredProfile): boolean {
  const { unit, sampleType } = mp.heat.source;
  return unit === 'bytes' || unit === 'objects' || (unit === 'samples' && /alloc|heap|inuse/i.test(sampleType));
}
