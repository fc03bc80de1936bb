/**
 * V8 CPU samples into a call tree, shared by .cpuprofile files and the CPU profiles inside Chrome
 * traces. Two sample types: `samples` (a count) and `cpu`, the time each sample stands for in
 * nanoseconds.
 *
 * Self values come from `samples[]`, the node sampled at each tick, whenever the profile has it:
 * the sample times (`timeDeltas`) belong to those entries, so counts and times agree, and they
 * are what DevTools' timeline and flame chart draw. `hitCount` (which may differ from the
 * `samples[]` count by one) is used only for profiles without `samples[]`.
 *
 * Sample times follow DevTools' timeline (see v8-sample-times.ts): the gap to the next sample,
 * in time order, with a lone `(program)` sample inside a JavaScript stack timed for the sample
 * before it. Sample counts stay as V8 recorded them.
 */
import type { SampleType } from '../model';
import type { TreeBuilder } from '../tree-builder';
import { finite, JsonShape } from './json-input';
import { V8TreeNodes } from './v8-frames';
import { v8NodeTable, V8Links } from './v8-nodes';
import { forEachSampleTime, timedNodes, timeOrder } from './v8-sample-times';

export const V8_CPU_SAMPLE_TYPES: SampleType[] = [
  { type: 'samples', unit: 'samples' },
  { type: 'cpu', unit: 'nanoseconds' },
];

/** A V8 CPU profile, as a .cpuprofile holds it or as the chunks of a trace add up to. */
export interface V8CpuData {
  nodes: readonly unknown[];
  links: V8Links;
  /** Node id sampled at each tick. */
  samples?: readonly unknown[];
  /** Microseconds from the previous sample (from `startTime` for the first) to each sample. */
  timeDeltas?: readonly unknown[];
  /** 1-based line executing at each sample (traces); 0 or missing when unknown. */
  lines?: readonly unknown[];
  /** Start and end of the recording, in microseconds. */
  startTime?: number;
  endTime?: number;
}

export interface V8CpuTotals {
  /** Samples taken (hits, for profiles without `samples[]`). */
  sampleCount: number;
}

const NANOS_PER_MICRO = 1000;

/** Checks that a list holds only finite numbers, and returns it typed. */
function numbers(shape: JsonShape, list: readonly unknown[], what: string): readonly number[] {
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'number' || !Number.isFinite(list[i])) shape.fail(`${what} entry #${i + 1} is not a number`);
  }
  return list as readonly number[];
}

/** Spreads a node's self values over the lines of its `positionTicks`, in proportion to the ticks. */
function addByPositionTicks(shape: JsonShape, builder: TreeBuilder, tree: V8TreeNodes, node: unknown, index: number, values: number[]): void {
  const ticks = (node as Record<string, unknown>).positionTicks;
  let sum = 0;
  if (Array.isArray(ticks)) {
    for (const tick of ticks) {
      const count = finite((tick as Record<string, unknown> | null)?.ticks);
      if (count === undefined || count < 0) shape.fail(`a positionTicks entry of node ${(node as Record<string, unknown>).id} has no tick count`);
      sum += count;
    }
  } else if (ticks !== undefined && ticks !== null) {
    shape.fail(`node ${(node as Record<string, unknown>).id} has positionTicks that are not a list`);
  }
  if (sum === 0) {
    builder.addSelf(tree.frame[index], values);
    return;
  }
  const [count, nanos] = values;
  for (const tick of ticks as Array<Record<string, unknown>>) {
    const share = (tick.ticks as number) / sum;
    values[0] = count * share;
    values[1] = nanos * share;
    builder.addSelf(tree.lineNode(index, finite(tick.line) ?? 0), values);
  }
}

/** Adds a V8 CPU profile to the tree below node `under`; the builder has V8_CPU_SAMPLE_TYPES. */
export function addV8CpuProfile(shape: JsonShape, builder: TreeBuilder, data: V8CpuData, under = 0): V8CpuTotals {
  const table = v8NodeTable(shape, data.nodes, data.links);
  const tree = new V8TreeNodes(shape, builder, table, data.nodes, under);
  const samples = data.samples && data.samples.length > 0 ? data.samples : undefined;
  const span = data.startTime !== undefined && data.endTime !== undefined ? Math.max(data.endTime - data.startTime, 0) : 0;
  const values = [0, 0];
  const counts = new Float64Array(table.size);
  const nanos = new Float64Array(table.size);
  let sampleCount = 0;

  if (samples) {
    const deltas = data.timeDeltas ? numbers(shape, data.timeDeltas, 'timeDeltas') : undefined;
    if (deltas && deltas.length !== samples.length) {
      shape.fail(`samples has ${samples.length} entries but timeDeltas has ${deltas.length}; each sample needs one`);
    }
    const at = new Int32Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      const index = typeof samples[i] === 'number' ? table.indexOf(samples[i] as number) : -1;
      if (index < 0) shape.fail(`sample #${i + 1} names node ${String(samples[i])} which is not a node of the profile`);
      at[i] = index;
    }
    const order = deltas ? timeOrder(deltas) : undefined;
    const timed = timedNodes(table, data.nodes, at, order);
    const lines = data.lines;
    let lastIndex = -1;
    let lastLine = 0;
    let lastNode = 0;
    const add = (sample: number, micros: number): void => {
      const index = at[sample];
      const time = micros * NANOS_PER_MICRO;
      if (!lines) {
        counts[index]++;
        nanos[timed[sample]] += time;
        return;
      }
      const line = lines[sample];
      if (index !== lastIndex || line !== lastLine) {
        lastNode = tree.lineNode(index, typeof line === 'number' ? line : 0);
        lastIndex = index;
        lastLine = line as number;
      }
      values[0] = 1;
      values[1] = timed[sample] === index ? time : 0;
      builder.addSelf(lastNode, values);
      if (timed[sample] !== index) {
        // A (program) sample whose time goes to the sample before it: to that node, line unknown.
        values[0] = 0;
        values[1] = time;
        builder.addSelf(tree.frame[timed[sample]], values);
      }
    };
    if (deltas) forEachSampleTime(deltas, order, add);
    else for (let i = 0; i < samples.length; i++) add(i, span / samples.length);
    sampleCount = samples.length;
    if (lines) return { sampleCount };
  } else {
    let hits = 0;
    for (let index = 0; index < table.size; index++) {
      const hitCount = finite((data.nodes[index] as Record<string, unknown>).hitCount) ?? 0;
      if (hitCount < 0) shape.fail(`node ${table.ids[index]} has a negative hitCount`);
      counts[index] = hitCount;
      hits += hitCount;
    }
    // Without sample times, each hit stands for an equal share of the recording, as in DevTools.
    for (let index = 0; index < table.size; index++) nanos[index] = hits > 0 ? (counts[index] * span * NANOS_PER_MICRO) / hits : 0;
    sampleCount = hits;
  }
  for (let index = 0; index < table.size; index++) {
    if (counts[index] === 0 && nanos[index] === 0) continue;
    values[0] = counts[index];
    values[1] = nanos[index];
    addByPositionTicks(shape, builder, tree, data.nodes[index], index, values);
  }
  return { sampleCount };
}
