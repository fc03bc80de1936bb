/**
 * Reading benchmark results: a file in any supported format (recognized by content), or a folder
 * of files from repeated runs of the same benchmarks, whose values are pooled.
 */
import * as fs from 'node:fs/promises';
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

async function readText(file: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    throw new BenchmarkError(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (stat.size > MAX_BYTES) throw new BenchmarkError(file, `larger than ${MAX_BYTES / 1024 / 1024} MB; benchmark results are not that large`);
  return fs.readFile(file, 'utf8');
}

/** Pools the runs of a folder: every file must hold results of the same format. */
async function loadFolder(folder: string): Promise<BenchmarkRun> {
  const names = (await fs.readdir(folder, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  if (names.length === 0) throw new BenchmarkError(folder, 'the folder holds no files; it should hold one benchmark result file per run');
  const pooled: BenchmarkRun = { format: '', source: folder, series: [] };
  for (const name of names) {
    const file = path.join(folder, name);
    const run = sniffBenchmark(file, await readText(file));
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
  let handle: fs.FileHandle | undefined;
  try {
    if ((await fs.stat(file)).isDirectory()) return true;
    handle = await fs.open(file, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const key = firstJsonKey(head.slice(0, HEAD_CHARS));
    if (key !== undefined) return Object.hasOwn(JSON_FORMATS, key);
    // The last line may be cut short: only whole lines count.
    return looksLikeGoBench(bytesRead === SNIFF_BYTES ? head.slice(0, head.lastIndexOf('\n') + 1) : head);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * Reads benchmark results from a file or a folder of runs; undefined when the file is not in a
 * benchmark format (it may be a profile).
 */
export async function loadBenchmarks(file: string): Promise<BenchmarkRun | undefined> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat?.isDirectory()) return loadFolder(file);
  return sniffBenchmark(file, await readText(file));
}
