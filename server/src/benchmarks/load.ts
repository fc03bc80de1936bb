/**
 * Reading benchmark results: a file in any supported format (recognized by content), or a folder
 * of files from repeated runs of the same benchmarks, whose values are pooled.
 *
 * The files are read synchronously: they are small (refused past MAX_BYTES), and a one-shot
 * command gains nothing from waiting on the thread pool.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstJsonKey } from '../profiles/importers/json-input';
import { looksLikeGoBench, readGoBench } from './go-bench';
import { readPytestBenchmark, readVitestBench } from './json-results';
import { addValues, BenchmarkError, BenchmarkRun } from './model';

/** Larger result files are refused: benchmark results are small. */
const MAX_BYTES = 256 * 1024 * 1024;
const HEAD_CHARS = 4096;

/** The formats by the first key of their JSON document. */
const JSON_FORMATS: Record<string, (name: string, doc: unknown) => BenchmarkRun> = {
  machine_info: readPytestBenchmark,
  files: readVitestBench,
};

/** Reads benchmark results from text, or says it is not a benchmark format (undefined). */
export function sniffBenchmark(name: string, text: string): BenchmarkRun | undefined {
  const key = firstJsonKey(text.slice(0, HEAD_CHARS));
  if (key !== undefined) {
    if (!Object.hasOwn(JSON_FORMATS, key)) return undefined;
    const reader = JSON_FORMATS[key];
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      throw new BenchmarkError(name, `not valid JSON (${(error as Error).message})`);
    }
    return reader(name, doc);
  }
  return looksLikeGoBench(text) ? readGoBench(name, text) : undefined;
}

function readText(file: string): string {
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_BYTES) throw new BenchmarkError(file, `larger than ${MAX_BYTES / 1024 / 1024} MB; benchmark results are not that large`);
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof BenchmarkError) throw error;
    throw new BenchmarkError(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Pools the runs of a folder: every file must hold results of the same format. */
async function loadFolder(folder: string): Promise<BenchmarkRun> {
  const names = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
  if (names.length === 0) throw new BenchmarkError(folder, 'the folder holds no files; it should hold one benchmark result file per run');
  const pooled: BenchmarkRun = { format: '', source: folder, series: [] };
  for (const name of names) {
    const file = path.join(folder, name);
    const run = sniffBenchmark(file, readText(file));
    if (!run) throw new BenchmarkError(file, 'not benchmark results (go test -bench output, pytest-benchmark JSON or a vitest bench report)');
    if (pooled.format && run.format !== pooled.format) throw new BenchmarkError(file, `holds ${run.format} results, the folder's other files ${pooled.format}`);
    pooled.format = run.format;
    for (const series of run.series) addValues(pooled.series, series, series.values);
  }
  return pooled;
}

/** How much of a file is read to tell benchmark results from a profile. */
const SNIFF_BYTES = 64 * 1024;

/**
 * True when the path is a folder (of runs) or a file whose beginning is benchmark results; a
 * file that cannot be read is left to the caller's reading, which names the problem.
 */
export async function looksLikeBenchmarks(file: string): Promise<boolean> {
  let handle: number | undefined;
  try {
    if (fs.statSync(file).isDirectory()) return true;
    handle = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const bytesRead = fs.readSync(handle, buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const key = firstJsonKey(head.slice(0, HEAD_CHARS));
    if (key !== undefined) return Object.hasOwn(JSON_FORMATS, key);
    // The last line may be cut short: only whole lines count.
    return looksLikeGoBench(bytesRead === SNIFF_BYTES ? head.slice(0, head.lastIndexOf('\n') + 1) : head);
  } catch {
    return false;
  } finally {
    if (handle !== undefined) fs.closeSync(handle);
  }
}

/**
 * Reads benchmark results from a file or a folder of runs; undefined when the file is not in a
 * benchmark format (it may be a profile).
 */
export async function loadBenchmarks(file: string): Promise<BenchmarkRun | undefined> {
  let folder = false;
  try {
    folder = fs.statSync(file).isDirectory();
  } catch {
    // readText names the problem.
  }
  if (folder) return loadFolder(file);
  return sniffBenchmark(file, readText(file));
}
