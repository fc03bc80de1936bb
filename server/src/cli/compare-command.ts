/**
 * `hotpath compare BASE CURRENT`: two profiles (any formats of the same kind) or two sets of
 * benchmark results (files or folders of runs), compared, with gates for CI: a warning line past
 * `--warn-on`, exit status 1 past `--fail-on`.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { BenchmarkComparison, DEFAULT_BENCHMARK_OPTIONS } from '../benchmarks/compare';
import { looksLikeBenchmarks } from '../benchmarks/load';
import { loadBenchmarkPair } from '../benchmarks/load-pair';
import { BenchmarkError } from '../benchmarks/model';
import { BenchmarkLinks, linkBenchmarks } from '../benchmarks/profile-link';
import { DEFAULT_DIFF_OPTIONS, diffProfiles, ProfileDiff } from '../insights/diff';
import { comparableSampleTypes, ComparisonError } from '../insights/profile-kind';
import { ProfileError } from '../profiles/importer';
import { loadProfile } from '../profiles/load';
import type { Profile } from '../profiles/model';
import { PathMapper } from '../profiles/paths';
import { computeStats } from '../profiles/stats';
import { codeFiles } from '../profiles/workspace-files';
import { DEFAULT_EXCLUDE } from '../settings';
import { benchmarkGates, GateLimits, GateOutcome, profileGates } from './compare-gates';
import { benchmarkJson, formatBenchmarkMarkdown, formatBenchmarkText } from './compare-benchmark-report';
import { formatProfileMarkdown, formatProfileText, profileJson } from './compare-profile-report';
import { displayPath } from './report-formats';
import type { CliIo } from './scan-command';
import { asUsage, UsageError } from './usage';

type Format = 'text' | 'json' | 'markdown';

interface CompareOptions {
  base: string;
  current: string;
  format: Format;
  sampleType?: string;
  threshold?: number;
  newThreshold?: number;
  limits: GateLimits;
  root: string;
  /** The current directory: files are named relative to it. */
  cwd: string;
  baseProfile?: string;
  currentProfile?: string;
}

/** A flag's value as a number of points or percent: finite and not negative. */
function amount(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new UsageError(`--${flag} must be a number of at least 0, not "${text}"`);
  return value;
}

function parse(args: string[], cwd: string): CompareOptions {
  const parsed = asUsage(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'sample-type': { type: 'string' },
        threshold: { type: 'string' },
        'new-threshold': { type: 'string' },
        'warn-on': { type: 'string' },
        'fail-on': { type: 'string' },
        root: { type: 'string' },
        'base-profile': { type: 'string' },
        'current-profile': { type: 'string' },
      },
    }),
  );
  const { values, positionals } = parsed;
  if (positionals.length !== 2) throw new UsageError('compare takes two files: the base (before) and the current (after)');
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'markdown') throw new UsageError(`--format must be text, json or markdown, not "${format}"`);
  if ((values['base-profile'] === undefined) !== (values['current-profile'] === undefined)) {
    throw new UsageError('--base-profile and --current-profile go together: the profiles of the base and of the current run');
  }
  const resolve = (p: string | undefined) => (p === undefined ? undefined : path.resolve(cwd, p));
  return {
    base: path.resolve(cwd, positionals[0]),
    current: path.resolve(cwd, positionals[1]),
    format,
    sampleType: values['sample-type'],
    threshold: amount('threshold', values.threshold),
    newThreshold: amount('new-threshold', values['new-threshold']),
    limits: { warnOn: amount('warn-on', values['warn-on']), failOn: amount('fail-on', values['fail-on']) },
    root: path.resolve(cwd, values.root ?? '.'),
    cwd,
    baseProfile: resolve(values['base-profile']),
    currentProfile: resolve(values['current-profile']),
  };
}

/** A gate below the threshold could never fire: only classified regressions reach the gates. */
function checkLimits(limits: GateLimits, threshold: number, unit: string): void {
  for (const [flag, limit] of [['--warn-on', limits.warnOn], ['--fail-on', limits.failOn]] as const) {
    if (limit !== undefined && limit < threshold) {
      throw new UsageError(`${flag} ${limit} is below --threshold ${threshold} (${unit}): only changes past the threshold count, so lower --threshold too`);
    }
  }
}

async function readProfileFile(file: string): Promise<Profile> {
  try {
    return await loadProfile(file);
  } catch (error) {
    if (error instanceof ProfileError) throw new UsageError(error.message);
    throw error;
  }
}

async function diffFiles(baseFile: string, currentFile: string, options: CompareOptions) {
  const [base, current] = await Promise.all([readProfileFile(baseFile), readProfileFile(currentFile)]);
  const named = (file: string, profile: Profile) => ({ name: displayPath(file, options.cwd), profile });
  let types;
  try {
    types = comparableSampleTypes(named(baseFile, base), named(currentFile, current), options.sampleType);
  } catch (error) {
    if (error instanceof ComparisonError) throw new UsageError(`${error.message}${options.sampleType === undefined ? '; --sample-type picks one by name' : ''}`);
    throw error;
  }
  const mapper = new PathMapper(await codeFiles([options.root], DEFAULT_EXCLUDE));
  const diff = diffProfiles(
    { ...named(baseFile, base), sampleType: types.base, mapper },
    { ...named(currentFile, current), sampleType: types.current, mapper },
    { threshold: options.threshold ?? DEFAULT_DIFF_OPTIONS.threshold, newThreshold: options.newThreshold ?? DEFAULT_DIFF_OPTIONS.newThreshold },
  );
  return { diff, base: { profile: base, stats: computeStats(base, types.base) }, current: { profile: current, stats: computeStats(current, types.current) } };
}

function report(io: CliIo, gates: GateOutcome): number {
  for (const warning of gates.warnings) io.stderr(`hotpath: warning: ${warning}\n`);
  for (const failure of gates.failures) io.stderr(`hotpath: failing: ${failure}\n`);
  return gates.failures.length > 0 ? 1 : 0;
}

function printProfiles(io: CliIo, diff: ProfileDiff, options: CompareOptions): number {
  const gates = profileGates(diff, options.limits);
  if (options.format === 'json') io.stdout(`${JSON.stringify(profileJson(diff, options.root, gates), null, 2)}\n`);
  else if (options.format === 'markdown') io.stdout(formatProfileMarkdown(diff, options.root, gates));
  else io.stdout(formatProfileText(diff, options.root));
  return report(io, gates);
}

async function linkProfiles(comparison: BenchmarkComparison, options: CompareOptions): Promise<BenchmarkLinks | undefined> {
  if (!options.baseProfile || !options.currentProfile) return undefined;
  const { diff, base, current } = await diffFiles(options.baseProfile, options.currentProfile, options);
  return linkBenchmarks(comparison.deltas, ['regression'], diff, base, current);
}

async function compareBenchmarkFiles(io: CliIo, options: CompareOptions): Promise<number> {
  if (options.newThreshold !== undefined) throw new UsageError('--new-threshold applies to profiles, not to benchmark results');
  const threshold = options.threshold ?? DEFAULT_BENCHMARK_OPTIONS.threshold;
  checkLimits(options.limits, threshold, 'percent');
  let comparison: BenchmarkComparison;
  try {
    comparison = await loadBenchmarkPair(options.base, options.current, (file) => displayPath(file, options.cwd), { ...DEFAULT_BENCHMARK_OPTIONS, threshold });
  } catch (error) {
    if (error instanceof BenchmarkError) throw new UsageError(error.message);
    throw error;
  }
  // The profiles' own comparison uses the profile threshold, whatever --threshold says of benchmarks.
  const links = await linkProfiles(comparison, { ...options, threshold: undefined });
  const gates = benchmarkGates(comparison, options.limits);
  if (options.format === 'json') io.stdout(`${JSON.stringify(benchmarkJson(comparison, gates, links), null, 2)}\n`);
  else if (options.format === 'markdown') io.stdout(formatBenchmarkMarkdown(comparison, gates, links));
  else io.stdout(formatBenchmarkText(comparison, links));
  return report(io, gates);
}

export async function runCompare(args: string[], io: CliIo): Promise<number> {
  const options = parse(args, io.cwd);
  const [baseIsBench, currentIsBench] = await Promise.all([looksLikeBenchmarks(options.base), looksLikeBenchmarks(options.current)]);
  if (baseIsBench !== currentIsBench) {
    const [bench, profile] = baseIsBench ? [options.base, options.current] : [options.current, options.base];
    throw new UsageError(`${displayPath(bench, io.cwd)} holds benchmark results and ${displayPath(profile, io.cwd)} does not; compare two profiles, or two sets of benchmark results`);
  }
  if (baseIsBench) return compareBenchmarkFiles(io, options);
  if (options.baseProfile) throw new UsageError('--base-profile and --current-profile go with benchmark results; to compare profiles, name them as BASE and CURRENT');
  checkLimits(options.limits, options.threshold ?? DEFAULT_DIFF_OPTIONS.threshold, 'points');
  const { diff } = await diffFiles(options.base, options.current, options);
  return printProfiles(io, diff, options);
}
