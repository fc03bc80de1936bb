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
import type { JsonShape } from './json-input';
import { V8TreeNodes } from './v8-frames';
import type { V8NodeList } from './v8-node-list';
import { v8NodeTable } from './v8-nodes';
import { forEachSampleTime, timedNodes, timeOrder } from './v8-sample-times';

export const V8_CPU_SAMPLE_TYPES: SampleType[] = [
  { type: 'samples', unit: 'samples' },
  { type: 'cpu', unit: 'nanoseconds' },
];

/** A V8 CPU profile, as a .cpuprofile holds it or as the chunks of a trace add up to. */
export interface V8CpuData {
  nodes: V8NodeList;
  /** Node id sampled at each tick. */
  samples?: ArrayLike<unknown>;
  /** Microseconds from the previous sample (from `startTime` for the first) to each sample. */
  timeDeltas?: ArrayLike<unknown>;
  /** 1-based line executing at each sample (traces); 0 or missing when unknown. */
  lines?: ArrayLike<unknown>;
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
function numbers(shape: JsonShape, list: ArrayLike<unknown>, what: string): ArrayLike<number> {
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'number' || !Number.isFinite(list[i])) shape.fail(`${what} entry #${i + 1} is not a number`);
  }
  return list as ArrayLike<number>;
}

/** Spreads a node's self values over the lines of its `positionTicks`, in proportion to the ticks. */
function addByPositionTicks(builder: TreeBuilder, tree: V8TreeNodes, list: V8NodeList, index: number, values: number[]): void {
  const first = list.tickStart[index];
  const end = list.tickStart[index + 1];
  let sum = 0;
  for (let k = first; k < end; k++) sum += list.tickCount[k];
  if (sum === 0) {
    builder.addSelf(tree.frame[index], values);
    return;
  }
  const [count, nanos] = values;
  for (let k = first; k < end; k++) {
    const share = list.tickCount[k] / sum;
    values[0] = count * share;
    values[1] = nanos * share;
    builder.addSelf(tree.lineNode(index, list.tickLine[k]), values);
  }
}

/** Adds a V8 CPU profile to the tree below node `under`; the builder has V8_CPU_SAMPLE_TYPES. */
export function addV8CpuProfile(shape: JsonShape, builder: TreeBuilder, data: V8CpuData, under = 0): V8CpuTotals {
  const list = data.nodes;
  const table = v8NodeTable(shape, list);
  const tree = new V8TreeNodes(builder, table, list, under);
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
    const timed = timedNodes(table, (index) => builder.functions[list.func[index]].name, at, order);
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
      const hitCount = list.hitCount[index];
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
    addByPositionTicks(builder, tree, list, index, values);
  }
  return { sampleCount };
}
