/**
 * The JDK's own reader as the reference for the JFR importers: runs `jfr print --json` and
 * `jfr summary` live, and counts stacks from jfr's event data with code of its own (not the
 * importers'), so a test can compare per-function shares with what the JDK says.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { ProfileFunction } from '../../../server/src/profiles/model';
import { sharesOf, type Shares } from './function-shares';

const MISSING_JFR =
  'the JDK tool `jfr` is not on PATH; the JFR importer tests compare with it: install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)';

/** Runs the JDK's `jfr` tool; fails with a message saying what to install when it is missing. */
export function runJfr(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('jfr', args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') reject(new Error(MISSING_JFR));
      else if (error) reject(new Error(`jfr ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** A fixture's content, inflated when it is stored gzipped. */
export function fixtureBytes(file: string): Buffer {
  const raw = fs.readFileSync(file);
  return file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw;
}

/** A plain copy of a (possibly gzipped) fixture in a temporary folder, for the jfr tool. */
export function plainCopy(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-jfr-'));
  const copy = path.join(dir, path.basename(file).replace(/\.gz$/, ''));
  fs.writeFileSync(copy, fixtureBytes(file));
  return copy;
}

/** Chunk count and event counts per type, from `jfr summary` output. */
export function parseSummary(text: string): { chunks: number; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^\s*(jdk\.\w+)\s+(\d+)\s+\d+\s*$/.exec(line);
    if (match) counts.set(match[1], Number(match[2]));
  }
  return { chunks: Number(/Chunks:\s*(\d+)/.exec(text)?.[1]), counts };
}

/**
 * The key both sides give a function: the class as the JVM names it, with the address JFR puts
 * on hidden classes removed (the importers' documented rule), and the method.
 */
export function referenceKey(className: string, method: string): string {
  return `${className.replace(/[+/]0x[0-9a-fA-F]+(?:\/\d+)?$/, '').replace(/\./g, '/')}#${method}`;
}

/** The same key for one of our functions: its file is the class, its name ends in `.method`. */
export function ourKey(fn: ProfileFunction): string {
  return `${fn.file}#${fn.name.slice(fn.name.lastIndexOf('.') + 1)}`;
}

export interface ReferenceProfile {
  events: number;
  /** The sum of the events' weights: 100% of the profile. */
  grand: number;
  truncated: number;
  shares: Shares;
}

interface JsonFrame {
  method: { type: { name: string }; name: string };
}

/** `jfr print --json` output, parsed. */
export interface JfrDocument {
  recording: { events: Array<{ type: string; values: Record<string, unknown> }> };
}

/**
 * Per-function self and total values from `jfr print --json` output, for one event type: self is
 * the weight of the events whose leaf (first frame) is the function, total the weight of those
 * whose stack holds it anywhere, once per stack. `weight` is the field with the event's weight;
 * without it each event counts one.
 */
export function referenceProfile(document: JfrDocument, eventType: string, weight?: string): ReferenceProfile {
  const values = new Map<string, { self: number; total: number }>();
  const at = (key: string) => {
    let value = values.get(key);
    if (!value) values.set(key, (value = { self: 0, total: 0 }));
    return value;
  };
  let events = 0;
  let grand = 0;
  let truncated = 0;
  for (const event of document.recording.events) {
    if (event.type !== eventType) continue;
    events++;
    const amount = weight === undefined ? 1 : (event.values[weight] as number);
    grand += amount;
    const trace = event.values.stackTrace as { truncated: boolean; frames: JsonFrame[] } | null;
    if (!trace) continue;
    if (trace.truncated) truncated++;
    const keys = trace.frames.map((frame) => referenceKey(frame.method.type.name, frame.method.name));
    if (keys.length > 0) at(keys[0]).self += amount;
    for (const key of new Set(keys)) at(key).total += amount;
  }
  return { events, grand, truncated, shares: sharesOf(values, grand) };
}

/** The reference's functions with the largest totals, for comparing totals beyond the self leaders. */
export function topByTotal(shares: Shares, count: number): Shares {
  return new Map([...shares].sort((a, b) => b[1].total - a[1].total).slice(0, count));
}
