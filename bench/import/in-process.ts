/**
 * The in-process rows of one profile file: the full import against its floor (bare JSON.parse or
 * bare pprof-format decode of the same file), each run in a fresh process, in alternating order
 * (floor first, then import first, …). Times are medians; ratios are the median of each round's
 * ratio, the two runs of a round being next to each other in time, so that a change in the
 * machine's load falls on both.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { formatMb, formatMs, formatRatio, median } from '../scan/measure';
import type { Row } from '../scan/report';
import type { Measured, Mode } from './child';
import type { ProfileFile } from './corpus';
import { note } from './progress';

const run = promisify(execFile);
const CHILD = path.join(__dirname, 'child.js');

/** Targets of the import against its floor: 2x of JSON.parse, 1.5x of the pprof decode; memory 3x the file. */
const TIME_TARGET = { cpuprofile: 2, pprof: 1.5 };
const MEMORY_TARGET = 3;

export interface Rounds {
  full: Measured[];
  floor: Measured[];
}

async function measure(mode: Mode, profile: ProfileFile): Promise<Measured> {
  const args = [CHILD, mode, profile.file, ...(mode === 'import' ? [profile.folder] : [])];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as Measured;
}

/** Runs the import and its floor `rounds` times each, alternating which goes first. */
export async function importAndFloor(profile: ProfileFile, rounds: number): Promise<Rounds> {
  const floorMode: Mode = profile.kind === 'cpuprofile' ? 'json-parse' : 'pprof-decode';
  const measured: Rounds = { full: [], floor: [] };
  for (let round = 0; round < rounds; round++) {
    const order: Array<[Mode, Measured[]]> = [
      [floorMode, measured.floor],
      ['import', measured.full],
    ];
    if (round % 2 === 1) order.reverse();
    for (const [mode, into] of order) {
      const m = await measure(mode, profile);
      into.push(m);
      note(`${profile.kind} round ${round + 1}/${rounds}: ${mode} ${formatMs(m.ms)} (cpu ${formatMs(m.cpuMs)}), peak RSS ${formatMb(m.peak)}`);
    }
  }
  return measured;
}

const growth = (m: Measured) => m.peak - m.baseline;

/** The median over the rounds of `of(full) / of(floor)`. */
function pairedRatio({ full, floor }: Rounds, of: (m: Measured) => number): number {
  return median(full.map((m, round) => of(m) / of(floor[round])));
}

function describeParts(full: Measured[]): string {
  const part = (key: 'loadMs' | 'statsMs' | 'heatMs') => formatMs(median(full.map((m) => m.parts![key])));
  const counts = full[0].counts!;
  return (
    `load ${part('loadMs')}, stats ${part('statsMs')}, heat ${part('heatMs')}; ` +
    `${counts.nodes} nodes, ${counts.functions} functions, ${counts.samples} samples, ${counts.mappedFunctions} of them mapped`
  );
}

/** The rows of one profile file: time and peak memory against the floor, and memory against the file's size. */
export function inProcessRows(profile: ProfileFile, rounds: Rounds): Row[] {
  const { full, floor } = rounds;
  const floorName = profile.kind === 'cpuprofile' ? 'JSON.parse' : 'pprof-format decode';
  const timeRatio = pairedRatio(rounds, (m) => m.ms);
  const fullGrowth = median(full.map(growth));
  const floorGrowth = median(floor.map(growth));
  const memoryRatio = fullGrowth / profile.bytes;
  const fullPeak = median(full.map((m) => m.peak));
  const fullBaseline = median(full.map((m) => m.baseline));
  const common = { language: profile.kind, files: 1, bytes: profile.bytes };
  return [
    {
      measure: `full import (${full.length} runs, median)`,
      ...common,
      hotpath: formatMs(median(full.map((m) => m.ms))),
      peer: `${floorName} ${formatMs(median(floor.map((m) => m.ms)))}`,
      ratio: `time ${formatRatio(timeRatio)} (cpu ${formatRatio(pairedRatio(rounds, (m) => m.cpuMs))})`,
      target: `<= ${TIME_TARGET[profile.kind]}x`,
      met: timeRatio <= TIME_TARGET[profile.kind],
      notes: describeParts(full),
    },
    {
      measure: 'peak RSS of the import, over the RSS before it',
      ...common,
      hotpath: `${formatMb(fullGrowth)} (peak ${formatMb(fullPeak)} - before ${formatMb(fullBaseline)})`,
      peer: `file ${formatMb(profile.bytes)}`,
      ratio: `memory ${formatRatio(memoryRatio)}`,
      target: `<= ${MEMORY_TARGET}x`,
      met: memoryRatio <= MEMORY_TARGET,
      notes: `the target is judged on this growth; the whole process's peak RSS is ${formatRatio(fullPeak / profile.bytes)} the file`,
    },
    {
      measure: 'peak RSS growth, import vs floor',
      ...common,
      hotpath: formatMb(fullGrowth),
      peer: `${floorName} ${formatMb(floorGrowth)}`,
      ratio: `memory ${formatRatio(pairedRatio(rounds, growth))}`,
      notes:
        `the floor alone grows by ${formatRatio(floorGrowth / profile.bytes)} the file ` +
        `(peak ${formatMb(median(floor.map((m) => m.peak)))}, before ${formatMb(median(floor.map((m) => m.baseline)))})`,
    },
  ];
}
