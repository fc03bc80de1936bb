/**
 * A console model built from files, for the command line and tests: findings already scanned,
 * profiles already read and laid onto the workspace, sources read from disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Heat } from '../profiles/heat';
import type { Profile } from '../profiles/model';
import type { PathMapper } from '../profiles/paths';
import type { ProfileStats } from '../profiles/stats';
import { RULES } from '../rules';
import { DEFAULTS } from '../settings';
import { externalRulesOf, type BenchmarkEvidence, type ConsoleModel, type ExternalRule, type ProfileComparison, type SourcedFinding } from './model';
import { createSourceAccess, loadParsers } from './source-access';

export interface ProfileOnDisk {
  path: string;
  profile: Profile;
  stats: ProfileStats;
  heat: Heat;
  mapper: PathMapper;
}

export interface FilesModelInput {
  roots: string[];
  findings: SourcedFinding[];
  /** Loaded profiles; the last one is active, as the last imported is in the editor. */
  profiles: ProfileOnDisk[];
  externalRules?: ExternalRule[];
  comparison?: ProfileComparison;
  benchmarks?: BenchmarkEvidence;
  /** Files the question may read besides those with findings or heat (the `--at` file). */
  alsoRead?: string[];
}

function readQuietly(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export async function modelFromFiles(input: FilesModelInput): Promise<ConsoleModel> {
  const active = input.profiles[input.profiles.length - 1];
  const files = new Set([...input.findings.map((f) => f.file), ...(active?.heat.files.keys() ?? []), ...(input.alsoRead ?? [])]);
  const parsers = await loadParsers(files);
  return {
    roots: input.roots,
    findings: input.findings,
    profile: active && {
      name: path.basename(active.path),
      path: active.path,
      profile: active.profile,
      stats: active.stats,
      heat: active.heat,
      map: (fn) => active.mapper.map(fn),
    },
    loadedProfiles: input.profiles.map((p) => path.basename(p.path)),
    comparison: input.comparison,
    benchmarks: input.benchmarks,
    rules: RULES.map((r) => r.meta),
    externalRules: input.externalRules ?? externalRulesOf(input.findings),
    sources: createSourceAccess(readQuietly, parsers),
    hotThreshold: DEFAULTS.hotThreshold,
  };
}
