/**
 * Where a profile's value went, by whose code it is (the user's, libraries', the runtime's) and
 * by module: a workspace file, a library package, a runtime module, or what the profiler names
 * as the module (perf's binary, JFR's package). Computed once per profile and sample type.
 */
import * as path from 'node:path';
import type { Origin } from '../profiles/paths';
import { normalizeRecordedPath } from '../profiles/paths';
import type { ProfileStats } from '../profiles/stats';
import type { MeasuredProfile } from './model';
import { placement } from './profile-figures';

export interface ModuleShare {
  /** A workspace file (absolute) for the user's code, else the module's name. */
  name: string;
  origin: Origin;
  /** Self value of the module's functions. */
  self: number;
}

export interface Breakdown {
  /** Self value by origin. */
  byOrigin: Record<Origin, number>;
  /** Modules by self value, largest first. */
  modules: ModuleShare[];
}

/** The package a library path belongs to: `lodash`, `@babel/core`, `requests`, `github.com/x/y`. */
export function libraryPackage(recorded: string): string {
  const p = normalizeRecordedPath(recorded);
  const node = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
  if (node) return node[1];
  const python = /\/(?:site|dist)-packages\/([^/]+)/.exec(p);
  if (python) return python[1].replace(/\.py$/, '');
  const go = /\/go\/pkg\/mod\/(.+?)@/.exec(p);
  if (go) return go[1];
  return path.posix.dirname(p);
}

function moduleName(mp: MeasuredProfile, func: number, origin: Origin, file: string | undefined): string {
  const fn = mp.profile.functions[func];
  if (fn.module) return fn.module;
  if (origin === 'ours' && file) return file;
  if (!fn.file) return fn.name || '(anonymous)';
  if (origin === 'library') return libraryPackage(fn.file);
  const recorded = normalizeRecordedPath(fn.file);
  return origin === 'runtime' ? recorded.replace(/\/[^/]*$/, '') || recorded : recorded;
}

const breakdowns = new WeakMap<ProfileStats, Breakdown>();

export function breakdownOf(mp: MeasuredProfile): Breakdown {
  const cached = breakdowns.get(mp.stats);
  if (cached) return cached;
  const where = placement(mp);
  const byOrigin: Record<Origin, number> = { ours: 0, library: 0, runtime: 0, unknown: 0 };
  const modules = new Map<string, ModuleShare>();
  const { self } = mp.stats;
  for (let func = 0; func < self.length; func++) {
    if (self[func] === 0) continue;
    const origin = where.origin[func];
    byOrigin[origin] += self[func];
    const name = moduleName(mp, func, origin, where.file[func]);
    const key = `${origin}\u0000${name}`;
    const entry = modules.get(key);
    if (entry) entry.self += self[func];
    else modules.set(key, { name, origin, self: self[func] });
  }
  const breakdown = { byOrigin, modules: [...modules.values()].sort((a, b) => b.self - a.self) };
  breakdowns.set(mp.stats, breakdown);
  return breakdown;
}
