/**
 * `npm run bench:import`: how fast and in how much memory Hotpath imports large profiles, each
 * figure next to its floor measured in the same run on the same file (bare JSON.parse of a
 * .cpuprofile, bare pprof-format decode of a pprof), and the time from "import" to the first code
 * lens through the language server. See bench/README.md.
 */
import * as path from 'node:path';
import { snapshotDist } from '../scan/dist-snapshot';
import { formatMb, formatMs, formatRatio, median, now } from '../scan/measure';
import { formatTable, Row } from '../scan/report';
import { gatherProfiles, ProfileFile } from './corpus';
import { FirstLens, firstLens } from './first-lens';
import { importAndFloor, inProcessRows } from './in-process';
import { note } from './progress';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS_DIR = path.join(ROOT, 'bench', '.corpus', 'import');
/** Runs of each measurement; the medians are printed. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_IMPORT_ROUNDS) || 5);

function lensRow(profile: ProfileFile, runs: FirstLens[], importMs: number): Row {
  const ms = median(runs.map((r) => r.ms));
  const last = runs[runs.length - 1];
  return {
    measure: `import to first code lens, LSP (${runs.length} runs, median)`,
    language: profile.kind,
    files: 1,
    bytes: profile.bytes,
    hotpath: formatMs(ms),
    peer: `full import in process ${formatMs(importMs)}`,
    ratio: `time ${formatRatio(ms / importMs)}`,
    notes:
      `importProfile ${formatMs(median(runs.map((r) => r.importMs)))}; server peak RSS ${formatMb(last.after.peak)}, ` +
      `${formatMb(last.before.rss)} before the import: grown by ${formatRatio((last.after.peak - last.before.rss) / profile.bytes)} the file; lens "${last.lens}"`,
  };
}

async function main(): Promise<void> {
  const started = now();
  process.chdir(ROOT);
  const dist = snapshotDist(ROOT);
  const rows: Row[] = [];
  try {
    for (const profile of gatherProfiles(ROOT, CORPUS_DIR)) {
      note(`${profile.kind}: ${profile.file}, ${formatMb(profile.bytes)}`);
      const measured = await importAndFloor(profile, ROUNDS);
      rows.push(...inProcessRows(profile, measured));
      const lens: FirstLens[] = [];
      for (let run = 0; run < ROUNDS; run++) {
        lens.push(await firstLens(dist.server, profile));
        note(`${profile.kind} first lens ${run + 1}/${ROUNDS}: ${formatMs(lens[run].ms)}`);
      }
      rows.push(lensRow(profile, lens, median(measured.full.map((m) => m.ms))));
    }
  } finally {
    dist.dispose();
  }
  const minutes = (now() - started) / 60_000;
  process.stdout.write(`\nHotpath bench:import (node ${process.version}; ${minutes.toFixed(1)} min)\n\n${formatTable(rows)}\n`);
  process.stdout.write(
    '\nMB = 10^6 bytes. Times include reading the file. "time" ratios are Hotpath\'s wall-clock time over the peer\'s (above 1: Hotpath\n' +
      'takes longer), the median of the ratios of runs made next to each other; "cpu" is the same with the CPU time of the process.\n' +
      '"memory" is the growth of the peak resident memory (VmHWM) over the resident memory before the file was read, over the\n' +
      'peer; the memory target is judged on that growth over the file\'s size, and the absolute peaks are printed beside it.\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
