/**
 * pprof (profile.proto), as written by Go's runtime/pprof, `go test -cpuprofile`, pprof itself and
 * many other profilers. Gzip is undone by load.ts before sniffing; pprof-format decodes the
 * protobuf, all but the samples, which pprof-samples.ts reads one at a time into the tree. Every
 * sample type is kept, with `default_sample_type` honoured (else the last type, as
 * pprof does). Inlined frames are kept: a location's `line[]` lists the inlined callee first and
 * the function that holds the code last, so each line becomes a frame of its own.
 */
import type { Profile as PprofMessage } from 'pprof-format';
import { ProfileError, type Importer, type ProfileInput } from '../importer';
import type { Profile, ProfileFunction, SampleType } from '../model';
import { selfSum } from '../self-values';
import { TreeBuilder } from '../tree-builder';
import { IdIndex, idNumber } from './pprof-ids';
import { decodeWithoutSamples, PprofSamples } from './pprof-samples';
import { looksLikePprof, scanPprof } from './pprof-scan';
import { pprofUnit } from './pprof-units';
import { grown } from './typed-arrays';

type Numeric = number | bigint;

/** A signed int64 field as a number. */
function int64(value: Numeric): number {
  return typeof value === 'bigint' ? Number(BigInt.asIntN(64, value)) : value;
}

/**
 * The most frames (location lines, inlined ones included) the samples may make us walk: generous
 * for real files, where each frame costs at least a byte of location id, and a bound on the work
 * a small crafted file (a location with many lines, referenced many times) can ask for.
 */
export function pprofFrameBudget(bytes: number): number {
  return 8 * bytes + 250_000;
}

function damaged(name: string, error: unknown): ProfileError {
  return new ProfileError(name, `the pprof data is damaged (${(error as Error).message})`);
}

/** Checks the framing (whole, not cut, known fields) and decodes the message, all but its samples. */
function decode(input: ProfileInput): { message: PprofMessage; samples: PprofSamples } {
  const scan = scanPprof(input.bytes);
  if (scan.end === 'truncated') {
    throw new ProfileError(input.name, `the pprof data is cut off: the field at byte ${scan.badOffset} runs past the end of the ${input.bytes.length} bytes`);
  }
  if (scan.end === 'invalid') {
    throw new ProfileError(input.name, `not pprof data: byte ${scan.badOffset} does not start a field of profile.proto`);
  }
  if (scan.sampleTypes === 0) throw new ProfileError(input.name, 'the pprof data names no sample type');
  if (!scan.firstStringEmpty) {
    throw new ProfileError(input.name, 'the pprof string table is missing or does not start with the empty string, as profile.proto requires');
  }
  try {
    return decodeWithoutSamples(input.bytes);
  } catch (error) {
    throw damaged(input.name, error);
  }
}

/** The state of one import: the decoded message, its string table and the tree being built. */
class PprofReader {
  private readonly strings: string[];
  /** Made by read(), sized from the number of samples. */
  private builder = new TreeBuilder(0);
  private readonly sampleTypes: Array<SampleType & { scale: number }>;
  /** Our function id per pprof function (by position), created when a location first uses it. */
  private readonly functionIds: Int32Array;
  private readonly functionIndex: IdIndex;
  private readonly mappingFiles = new Map<number, string>();

  constructor(
    private readonly name: string,
    private readonly message: PprofMessage,
    private readonly samples: PprofSamples,
    /** Size of the encoded message, which bounds the work its samples may ask for. */
    private readonly bytes: number,
  ) {
    this.strings = message.stringTable.strings;
    this.sampleTypes = message.sampleType.map((valueType, i) => {
      const type = this.string(valueType.type, `sample type #${i + 1}`);
      return { type, ...pprofUnit(type, this.string(valueType.unit, `sample type #${i + 1}`)) };
    });
    this.functionIds = new Int32Array(message.function.length).fill(-1);
    this.functionIndex = new IdIndex(message.function.map((f) => f.id));
    for (const mapping of message.mapping) {
      const file = this.string(mapping.filename, `mapping ${idNumber(mapping.id)}`);
      if (file) this.mappingFiles.set(idNumber(mapping.id), file);
    }
  }

  read(): Profile {
    const { message, samples, sampleTypes, name } = this;
    const locations = message.location;
    const index = new IdIndex(locations.map((l) => l.id));
    // Where each location's frames start in `frames`: one per line, one for an unsymbolized location.
    const start = new Int32Array(locations.length + 1);
    for (let i = 0; i < locations.length; i++) start[i + 1] = start[i] + 2 * Math.max(1, locations[i].line.length);
    const budget = pprofFrameBudget(this.bytes);
    // Every distinct stack ends in a node of its own, and shares all but its last few frames with
    // others: four nodes a sample is a fair first size for the tree.
    this.builder = new TreeBuilder(sampleTypes.length, Math.min(budget, 4 * samples.count + 1024), samples.count);
    const frames = this.locationFrames(start);
    const values = new Array<number>(sampleTypes.length).fill(0);
    // Stacks share their outermost frames (runtime.main, main.main, a server's layers): the node
    // reached after each location of the previous stack, root first, saves finding them again.
    let previous = new Float64Array(256);
    let previousCount = 0;
    let path = new Int32Array(256);
    let walked = 0;
    for (let s = 0; s < samples.count; s++) {
      samples.readNext();
      const { ids, idCount } = samples;
      if (samples.valueCount !== values.length) {
        throw new ProfileError(name, `sample #${s + 1} has ${samples.valueCount} values for ${values.length} sample types`);
      }
      if (path.length < idCount) {
        path = grown(path, 2 * idCount);
        previous = grown(previous, 2 * idCount);
      }
      let depth = 0;
      while (depth < idCount && depth < previousCount && ids[idCount - 1 - depth] === previous[previousCount - 1 - depth]) depth++;
      let node = depth > 0 ? path[depth - 1] : 0;
      // location_id[0] is the leaf: walk from the end to build the stack root first.
      for (; depth < idCount; depth++) {
        const id = samples.idOf(ids[idCount - 1 - depth]);
        const location = index.get(id);
        if (location < 0) throw new ProfileError(name, `sample #${s + 1} points at location ${id}, which the profile does not hold`);
        const end = start[location + 1];
        walked += (end - start[location]) / 2;
        if (walked > budget) {
          throw new ProfileError(name, `the samples expand to more than ${budget} frames (location lines times references); refusing to build a tree that large`);
        }
        for (let k = start[location]; k < end; k += 2) node = this.builder.child(node, frames[k], frames[k + 1]);
        path[depth] = node;
      }
      previous.set(ids.subarray(0, idCount));
      previousCount = idCount;
      for (let t = 0; t < values.length; t++) values[t] = samples.values[t] * sampleTypes[t].scale;
      this.builder.addSelf(node, values);
    }
    return this.profile(samples.count);
  }

  /** Every location's frames as (function, line) pairs, root first, in one flat array, from `start` on. */
  private locationFrames(start: Int32Array): Int32Array {
    const frames = new Int32Array(start[start.length - 1]);
    this.message.location.forEach((location, i) => {
      const module = this.mappingFiles.get(idNumber(location.mappingId));
      let at = start[i];
      if (location.line.length === 0) {
        // Not symbolized: the address stands for the function, as in pprof's own reports.
        frames[at] = this.builder.functionId(withModule({ name: `0x${idNumber(location.address).toString(16)}` }, module));
        frames[at + 1] = 0;
        return;
      }
      for (let k = location.line.length - 1; k >= 0; k--) {
        const line = location.line[k];
        frames[at++] = this.functionId(line.functionId, idNumber(location.id), module);
        frames[at++] = Math.max(0, int64(line.line));
      }
    });
    return frames;
  }

  private functionId(id: Numeric, location: number, module: string | undefined): number {
    const position = this.functionIndex.get(id);
    if (position < 0) throw new ProfileError(this.name, `location ${location} points at function ${idNumber(id)}, which the profile does not hold`);
    if (this.functionIds[position] < 0) {
      const fn = this.message.function[position];
      const what = `function ${idNumber(fn.id)}`;
      const name = this.string(fn.name, what) || this.string(fn.systemName, what) || `<function ${idNumber(fn.id)}>`;
      const file = this.string(fn.filename, what);
      const startLine = int64(fn.startLine);
      const recorded: ProfileFunction = { name };
      if (file) recorded.file = file;
      if (startLine > 0) recorded.line = startLine;
      this.functionIds[position] = this.builder.functionId(withModule(recorded, module));
    }
    return this.functionIds[position];
  }

  private string(index: Numeric, what: string): string {
    const i = idNumber(index);
    const value = this.strings[i];
    if (value === undefined) throw new ProfileError(this.name, `${what} names string ${i}, but the string table holds ${this.strings.length}`);
    return value;
  }

  /** The sample type pprof shows first: the one `default_sample_type` names, else the last. */
  private defaultSampleType(): number {
    const last = this.sampleTypes.length - 1;
    if (idNumber(this.message.defaultSampleType) === 0) return last;
    const name = this.string(this.message.defaultSampleType, 'default_sample_type');
    const found = this.sampleTypes.findIndex((t) => t.type === name);
    return found < 0 ? last : found;
  }

  private profile(sampleRecords: number): Profile {
    const { message, sampleTypes } = this;
    const tree = this.builder.build();
    const counted = sampleTypes.findIndex((t) => t.unit === 'samples');
    const profile: Profile = {
      format: pprofImporter.format,
      source: this.name,
      sampleTypes: sampleTypes.map(({ type, unit }) => ({ type, unit })),
      defaultSampleType: this.defaultSampleType(),
      functions: this.builder.functions,
      shape: { kind: 'tree', tree },
      sampleCount: counted < 0 ? sampleRecords : selfSum(tree, counted),
    };
    const duration = int64(message.durationNanos);
    if (duration > 0) profile.durationNanos = duration;
    const period = int64(message.period);
    if (message.periodType && period > 0) {
      const type = this.string(message.periodType.type, 'period_type');
      const { unit, scale } = pprofUnit(type, this.string(message.periodType.unit, 'period_type'));
      profile.period = { type, unit, value: period * scale };
    }
    return profile;
  }
}

function withModule(fn: ProfileFunction, module: string | undefined): ProfileFunction {
  if (module) fn.module = module;
  return fn;
}

export const pprofImporter: Importer = {
  format: 'pprof',
  title: 'pprof (profile.proto, gzipped or not)',
  sniff: (input) => looksLikePprof(input.bytes),
  read(input) {
    const { message, samples } = decode(input);
    try {
      return new PprofReader(input.name, message, samples, input.bytes.length).read();
    } catch (error) {
      // A damaged sample not read yet was the first problem, as pprof-format decodes all of them first.
      try {
        samples.check();
      } catch (damage) {
        throw damaged(input.name, damage);
      }
      throw error;
    }
  },
};
