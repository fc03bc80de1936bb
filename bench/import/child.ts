/**
 * One measurement in a fresh process, so that each one's peak memory (VmHWM) is its own:
 *   node child.js import FILE FOLDER   loadProfile + computeStats + computeHeat, mapped onto FOLDER
 *   node child.js json-parse FILE      the floor of a .cpuprofile: read the file, JSON.parse its text
 *   node child.js pprof-decode FILE    the floor of a pprof: read the file, pprof-format's decode
 * Each timing starts before the file is read, as an import does. Prints one JSON line (Measured).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Profile as PprofMessage } from 'pprof-format';
import { computeHeat } from '../../server/src/profiles/heat';
import { loadProfile } from '../../server/src/profiles/load';
import { PathMapper } from '../../server/src/profiles/paths';
import { computeStats } from '../../server/src/profiles/stats';
import { codeFiles } from '../../server/src/profiles/workspace-files';
import { now } from '../scan/measure';

export type Mode = 'import' | 'json-parse' | 'pprof-decode';

export interface Measured {
  ms: number;
  /**
   * CPU time of the process over the same span (all its threads, the collector's helpers
   * included): on a machine shared with other work it drifts far less than the wall clock.
   */
  cpuMs: number;
  /** The resident memory before the file was read, and its peak by the end, in bytes. */
  baseline: number;
  peak: number;
  /** Wall-clock time of the import's parts (import only). */
  parts?: { loadMs: number; statsMs: number; heatMs: number };
  counts?: { nodes: number; functions: number; samples: number; mappedFunctions: number };
}

type Timed = Pick<Measured, 'ms' | 'cpuMs'>;

function memory(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
  if (!match) throw new Error(`/proc/self/status has no ${field}`);
  return Number(match[1]) * 1024;
}

/** Runs `work` and returns what it returned, with its wall-clock and CPU time. */
async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T } & Timed> {
  const cpu = process.cpuUsage();
  const started = now();
  const value = await work();
  const ms = now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

async function importFile(file: string, folder: string): Promise<{ value: Omit<Measured, keyof Timed | 'baseline' | 'peak'> } & Timed> {
  // The workspace's files are indexed when the workspace opens, not per import.
  const mapper = new PathMapper(await codeFiles([folder], []));
  return timed(async () => {
    const started = now();
    const profile = await loadProfile(file);
    const loaded = now();
    const stats = computeStats(profile);
    const computed = now();
    const heat = computeHeat(profile, stats, mapper, path.basename(file));
    return {
      parts: { loadMs: loaded - started, statsMs: computed - loaded, heatMs: now() - computed },
      counts: {
        nodes: profile.shape.kind === 'tree' ? profile.shape.tree.size : 0,
        functions: profile.functions.length,
        samples: profile.sampleCount ?? 0,
        mappedFunctions: heat.coverage.mapped,
      },
    };
  });
}

/** The floors: what any reader of the file must do at least. */
function floor(mode: Mode, file: string): Promise<{ value: unknown } & Timed> {
  return timed(() => {
    const bytes = fs.readFileSync(file);
    return mode === 'json-parse' ? (JSON.parse(bytes.toString('utf8')) as unknown) : PprofMessage.decode(bytes);
  });
}

async function main(): Promise<void> {
  const [mode, file, folder] = process.argv.slice(2) as [Mode, string, string | undefined];
  const baseline = memory('VmRSS');
  const { value, ms, cpuMs } = mode === 'import' ? await importFile(file, folder ?? path.dirname(file)) : await floor(mode, file);
  // The floor's result is still alive here, so its memory counts in the peak.
  const peak = memory('VmHWM');
  const details = mode === 'import' ? (value as Partial<Measured>) : {};
  process.stdout.write(`${JSON.stringify({ ...details, ms, cpuMs, baseline, peak } satisfies Measured)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
