/**
 * Heat: what a profile measured, laid onto the workspace's files. For each file of ours, the
 * functions that have weight (self and total, as values and shares) and the self share of each
 * line. The figures always travel with the profile's name, unit and sample count.
 */
import type { Profile, ProfileUnit } from './model';
import type { PathMapper } from './paths';
import type { ProfileStats } from './stats';

export interface HeatSource {
  /** The profile file's name as shown to users (`cpu.pprof`). */
  name: string;
  format: string;
  sampleType: string;
  unit: ProfileUnit;
  /** 100% of the profile, in `unit`. */
  grand: number;
  sampleCount?: number;
  durationNanos?: number;
}

export interface FunctionHeat {
  name: string;
  /** 1-based line where the profile says the function starts (0 when it does not say). */
  line: number;
  self: number;
  total: number;
  selfPercent: number;
  totalPercent: number;
  /** The profile's function index, for callers and callees. */
  func: number;
  /** The function's measured lines, by self value. */
  lines: LineHeat[];
}

export interface LineHeat {
  /** 1-based. */
  line: number;
  self: number;
  selfPercent: number;
}

export interface FileHeat {
  file: string;
  functions: FunctionHeat[];
  /** Every measured line of the file, functions merged. */
  lines: LineHeat[];
}

export interface Heat {
  source: HeatSource;
  files: Map<string, FileHeat>;
  /** Functions with a recorded file, and how many of them map to this workspace. */
  coverage: { mapped: number; withFile: number; oursPercent: number };
}

function percent(value: number, grand: number): number {
  return grand > 0 ? (value / grand) * 100 : 0;
}

export function computeHeat(profile: Profile, stats: ProfileStats, mapper: PathMapper, name: string): Heat {
  const files = new Map<string, FileHeat>();
  let mapped = 0;
  let withFile = 0;
  let oursSelf = 0;
  profile.functions.forEach((fn, func) => {
    if (fn.file) withFile++;
    const where = mapper.map(fn);
    if (where.origin !== 'ours' || !where.file) return;
    mapped++;
    oursSelf += stats.self[func];
    if (stats.total[func] === 0 && stats.self[func] === 0) return;
    let heat = files.get(where.file);
    if (!heat) files.set(where.file, (heat = { file: where.file, functions: [], lines: [] }));
    const lines: LineHeat[] = [];
    for (const [line, self] of stats.lines[func] ?? []) {
      if (line > 0 && self > 0) lines.push({ line, self, selfPercent: percent(self, stats.grand) });
    }
    heat.functions.push({
      name: fn.name,
      line: fn.line ?? 0,
      self: stats.self[func],
      total: stats.total[func],
      selfPercent: percent(stats.self[func], stats.grand),
      totalPercent: percent(stats.total[func], stats.grand),
      func,
      lines,
    });
    heat.lines.push(...lines);
  });
  for (const heat of files.values()) {
    heat.functions.sort((a, b) => b.total - a.total);
    heat.lines = mergeLines(heat.lines);
  }
  const type = profile.sampleTypes[stats.sampleType];
  return {
    source: {
      name,
      format: profile.format,
      sampleType: type.type,
      unit: type.unit,
      grand: stats.grand,
      sampleCount: profile.sampleCount,
      durationNanos: profile.durationNanos,
    },
    files,
    coverage: { mapped, withFile, oursPercent: percent(oursSelf, stats.grand) },
  };
}

/** One entry per line: several functions of a file (or inlined frames) may share lines. */
export function mergeLines(lines: readonly LineHeat[]): LineHeat[] {
  const byLine = new Map<number, LineHeat>();
  for (const l of lines) {
    const seen = byLine.get(l.line);
    if (seen) {
      seen.self += l.self;
      seen.selfPercent += l.selfPercent;
    } else byLine.set(l.line, { ...l });
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
