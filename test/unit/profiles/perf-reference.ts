/**
 * Linux perf as the reference for the perf script and folded importers: runs `perf report` live
 * on a recorded perf.data (symbols from the fixture's own symfs/ folder, never from this
 * machine's build-id cache) and reads its self (`--no-children`) and total (`--children`) shares
 * per symbol.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Shares } from './function-shares';

/** Runs `perf`; fails with a message saying what to install when it is missing. */
export function runPerf(args: string[]): string {
  // An empty build-id cache, so that symbols can only come from --symfs.
  const buildIds = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-perf-buildid-'));
  try {
    const result = spawnSync('perf', args, {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
      env: { ...process.env, PERF_BUILDID_DIR: buildIds, PERF_PAGER: 'cat' },
    });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw new Error('`perf` is not on PATH; the perf script importer tests compare with `perf report`: install it (Debian: apt-get install linux-perf, or run scripts/setup-test-machine.sh)');
    }
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`perf ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`);
    return result.stdout;
  } finally {
    fs.rmSync(buildIds, { recursive: true, force: true });
  }
}

/** `Children Self Shared-Object [x] Symbol` rows (`--children`), or `Self Shared-Object [x] Symbol` (`--no-children`). */
const CHILDREN_ROW = /^\s*([\d.]+)%\s+([\d.]+)%\s+\S+\s+\[.\]\s+(.+?)\s*$/;
const SELF_ROW = /^\s*([\d.]+)%\s+\S+\s+\[.\]\s+(.+?)\s*$/;

/** Per symbol: the self share from `perf report --no-children`, the total from `--children`. */
export function perfReportShares(dataFile: string, symfs: string): Shares {
  const report = (children: boolean) =>
    runPerf(['report', '-i', dataFile, '-f', `--symfs=${symfs}`, '--stdio', children ? '--children' : '--no-children', '--sort', 'dso,sym', '-g', 'none'])
      .split('\n')
      .filter((line) => !line.startsWith('#'));
  const shares: Shares = new Map();
  for (const line of report(true)) {
    const match = CHILDREN_ROW.exec(line);
    if (match) shares.set(match[3], { self: Number(match[2]), total: Number(match[1]) });
  }
  for (const line of report(false)) {
    const match = SELF_ROW.exec(line);
    if (match && shares.get(match[2])?.self !== Number(match[1])) {
      throw new Error(`perf report --no-children gives ${match[2]} ${match[1]}%, --children ${shares.get(match[2])?.self}%`);
    }
  }
  return shares;
}
