/**
 * V8 CPU profiles (.cpuprofile): what `node --cpu-prof` writes and Chrome DevTools saves from its
 * profiler. One JSON object: `nodes` (each with a callFrame, child ids, hitCount and
 * positionTicks, the 1-based lines it was sampled on), `samples` and `timeDeltas` (the node sampled
 * at each tick and the microseconds since the previous one), `startTime`/`endTime` in microseconds.
 */
import type { Importer, ProfileInput } from '../importer';
import type { Profile } from '../model';
import { TreeBuilder } from '../tree-builder';
import { firstJsonKey, JsonShape, mentionsKey } from './json-input';
import { addV8CpuProfile, V8_CPU_SAMPLE_TYPES } from './v8-cpu';
import { scanCpuProfile } from './v8-cpuprofile-scan';

/** The keys a .cpuprofile object has; V8 writes `nodes` first. */
const CPUPROFILE_KEYS = new Set(['nodes', 'startTime', 'endTime', 'samples', 'timeDeltas']);

export const v8CpuProfileImporter: Importer = {
  format: 'v8-cpuprofile',
  title: 'V8 CPU profile (.cpuprofile)',

  sniff(input: ProfileInput): boolean {
    const key = firstJsonKey(input.head);
    return key !== undefined && CPUPROFILE_KEYS.has(key) && mentionsKey(input.head, 'nodes') && !mentionsKey(input.head, 'selfSize');
  },

  read(input: ProfileInput): Profile {
    const shape: JsonShape = new JsonShape(input.name);
    const builder = new TreeBuilder(V8_CPU_SAMPLE_TYPES.length);
    const { nodes, samples, timeDeltas, startTime, endTime } = scanCpuProfile(shape, builder, input);
    // A tree node per V8 node, and at most one more per line a node was sampled on.
    builder.reserve(1 + nodes.size + nodes.tickLine.length);
    const totals = addV8CpuProfile(shape, builder, { nodes, samples, timeDeltas, startTime, endTime });
    const profile: Profile = {
      format: this.format,
      source: input.name,
      sampleTypes: V8_CPU_SAMPLE_TYPES.map((t) => ({ ...t })),
      defaultSampleType: 1,
      functions: builder.functions,
      shape: { kind: 'tree', tree: builder.build() },
      sampleCount: totals.sampleCount,
    };
    if (startTime !== undefined && endTime !== undefined && endTime >= startTime) profile.durationNanos = (endTime - startTime) * 1000;
    return profile;
  },
};
