/**
 * Go's pprof as the reference for the pprof importer: runs `go tool pprof -top` live (sorted by
 * flat and by cum) and reads its table of flat% and cum% per function.
 */
import { spawnSync } from 'node:child_process';
import type { Shares } from './function-shares';

/** Runs `go tool pprof`; fails with a message saying what to install when Go is missing. */
export function runPprof(args: string[]): string {
  const result = spawnSync('go', ['tool', 'pprof', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error('`go` is not on PATH; the pprof importer tests compare with `go tool pprof`: install Go (Debian: apt-get install golang-go, or run scripts/setup-test-machine.sh)');
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`go tool pprof ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** A row of the `-top` table: `flat flat% sum% cum cum% name`, the name without pprof's ` (inline)` mark. */
const ROW = /^\s*\S+\s+([\d.]+)%\s+[\d.]+%\s+\S+\s+([\d.]+)%\s+(.+?)(?: \(inline\))?$/;

/**
 * The flat% and cum% pprof prints for the functions of its top 50 by flat and its top 50 by cum,
 * for one sample type (`-sample_index`, a name or an index).
 */
export function pprofTopShares(file: string, sampleIndex: string): Shares {
  const shares: Shares = new Map();
  for (const order of [[], ['-cum']]) {
    const text = runPprof(['-symbolize=none', '-top', '-nodecount=50', ...order, `-sample_index=${sampleIndex}`, file]);
    const lines = text.split('\n');
    const header = lines.findIndex((line) => /^\s*flat\s+flat%\s+sum%\s+cum\s+cum%\s*$/.test(line));
    if (header < 0) throw new Error(`go tool pprof printed no table for ${file}:\n${text}`);
    for (const line of lines.slice(header + 1)) {
      const match = ROW.exec(line);
      if (match) shares.set(match[3], { self: Number(match[1]), total: Number(match[2]) });
    }
  }
  return shares;
}
