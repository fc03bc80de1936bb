/**
 * speedscope's file format (https://www.speedscope.app/file-format-schema.json): `shared.frames`
 * (name, file, 1-based line and col), and `profiles`, each `sampled` (stacks of frame indexes,
 * root first, with a weight each) or `evented` (frames opened and closed at times), in a `unit`.
 *
 * Several profiles in one file are usually threads of one recording, so profiles of the same unit
 * share one sample type and one call tree, each below a root frame named after the profile; a
 * single profile has no such frame. Profiles of different units (time, bytes, counts) get a sample
 * type each. speedscope keeps no line within a function, so every value sits at line 0.
 */
import type { Importer, ProfileInput } from '../importer';
import type { Profile, ProfileFunction, SampleType } from '../model';
import { TreeBuilder } from '../tree-builder';
import { EventedStacks } from './evented-stacks';
import { finite, firstJsonKey, isObject, isSafeInteger, JsonObject, JsonShape, mentionsKey, parseJson } from './json-input';

/** Each speedscope unit: the sample type its values go to, and the factor to that type's unit. */
const UNITS: Record<string, { sampleType: SampleType; scale: number }> = {
  none: { sampleType: { type: 'samples', unit: 'samples' }, scale: 1 },
  nanoseconds: { sampleType: { type: 'time', unit: 'nanoseconds' }, scale: 1 },
  microseconds: { sampleType: { type: 'time', unit: 'nanoseconds' }, scale: 1e3 },
  milliseconds: { sampleType: { type: 'time', unit: 'nanoseconds' }, scale: 1e6 },
  seconds: { sampleType: { type: 'time', unit: 'nanoseconds' }, scale: 1e9 },
  bytes: { sampleType: { type: 'space', unit: 'bytes' }, scale: 1 },
};

/** The keys a speedscope file starts with, in the order speedscope's exporter writes them. */
const FIRST_KEYS = new Set(['exporter', 'name', 'activeProfileIndex', '$schema', 'shared', 'profiles']);

function speedscopeFunction(shape: JsonShape, frame: unknown, index: number): ProfileFunction {
  if (!isObject(frame) || typeof frame.name !== 'string') shape.fail(`frame ${index} has no name`);
  const fn: ProfileFunction = { name: frame.name };
  if (typeof frame.file === 'string' && frame.file !== '') fn.file = frame.file;
  const line = finite(frame.line);
  if (line !== undefined && line >= 1 && line < 0x7fffffff) fn.line = Math.floor(line);
  const column = finite(frame.col);
  if (column !== undefined && column >= 1 && column < 0x7fffffff) fn.column = Math.floor(column);
  return fn;
}

/** True when `value` is an index into a frame list of `frameCount` frames. */
function isFrameIndex(value: unknown, frameCount: number): value is number {
  return isSafeInteger(value) && value >= 0 && value < frameCount;
}

function badFrame(shape: JsonShape, where: string, value: unknown, frameCount: number): never {
  shape.fail(`${where} names frame ${String(value)} but the file has ${frameCount} frames`);
}

interface ProfileTarget {
  builder: TreeBuilder;
  funcs: Int32Array;
  sampleType: number;
  scale: number;
  /** The call tree node the profile's stacks start below. */
  under: number;
}

function addSampled(shape: JsonShape, profile: JsonObject, label: string, target: ProfileTarget): number {
  const samples = shape.array(profile.samples, `the samples of ${label}`);
  const weights = shape.array(profile.weights, `the weights of ${label}`);
  if (weights.length !== samples.length) shape.fail(`${label} has ${samples.length} samples but ${weights.length} weights`);
  const { builder, funcs } = target;
  const values = new Array<number>(target.sampleType + 1).fill(0);
  for (let i = 0; i < samples.length; i++) {
    const stack = samples[i];
    if (!Array.isArray(stack)) shape.fail(`sample #${i + 1} of ${label} is not a list of frames`);
    const weight = weights[i];
    if (typeof weight !== 'number' || !Number.isFinite(weight)) shape.fail(`weight #${i + 1} of ${label} is not a number`);
    let node = target.under;
    for (const frame of stack) {
      if (!isFrameIndex(frame, funcs.length)) badFrame(shape, `sample #${i + 1} of ${label}`, frame, funcs.length);
      node = builder.child(node, funcs[frame], 0);
    }
    values[target.sampleType] = weight * target.scale;
    builder.addSelf(node, values);
  }
  return samples.length;
}

function addEvented(shape: JsonShape, profile: JsonObject, label: string, target: ProfileTarget, sampleTypes: number): void {
  const events = shape.array(profile.events, `the events of ${label}`);
  const { builder, funcs } = target;
  const stacks = new EventedStacks(builder, sampleTypes, target.sampleType, target.scale, target.under);
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (!isObject(event)) shape.fail(`event #${i + 1} of ${label} is not an object`);
    if (!isFrameIndex(event.frame, funcs.length)) badFrame(shape, `event #${i + 1} of ${label}`, event.frame, funcs.length);
    const func = funcs[event.frame];
    const at = finite(event.at);
    if (at === undefined) shape.fail(`event #${i + 1} of ${label} has no time ("at")`);
    if (at < stacks.time) shape.fail(`event #${i + 1} of ${label} is at ${at}, before the event ahead of it (at ${stacks.time})`);
    if (event.type === 'O') {
      stacks.open(func, at);
    } else if (event.type === 'C') {
      if (stacks.top !== func) shape.fail(`event #${i + 1} of ${label} closes frame ${event.frame}, which is not the innermost open frame`);
      stacks.close(at);
    } else {
      shape.fail(`event #${i + 1} of ${label} has type ${JSON.stringify(event.type)}, not "O" or "C"`);
    }
  }
  stacks.closeAll(finite(profile.endValue) ?? stacks.time);
}

export const speedscopeImporter: Importer = {
  format: 'speedscope',
  title: 'speedscope JSON',

  sniff(input: ProfileInput): boolean {
    if (/"\$schema"\s*:\s*"[^"]*speedscope/.test(input.head)) return true;
    const key = firstJsonKey(input.head);
    return key !== undefined && FIRST_KEYS.has(key) && mentionsKey(input.head, 'shared') && mentionsKey(input.head, 'frames');
  },

  read(input: ProfileInput): Profile {
    const shape: JsonShape = new JsonShape(input.name);
    const root = shape.object(parseJson(input), 'the JSON document');
    const frames = shape.array(shape.object(root.shared, '"shared"').frames, '"shared.frames"');
    const profiles = shape.array(root.profiles, '"profiles"');
    if (profiles.length === 0) shape.fail('the file has no profiles');

    // Profiles of one unit share a sample type, in the order the units first appear.
    const sampleTypes: SampleType[] = [];
    const typeOfProfile: number[] = [];
    profiles.forEach((value, i) => {
      const profile = shape.object(value, `profile #${i + 1}`);
      if (profile.type !== 'sampled' && profile.type !== 'evented') {
        shape.fail(`profile #${i + 1} has type ${JSON.stringify(profile.type)}, not "sampled" or "evented"`);
      }
      const unit = typeof profile.unit === 'string' ? UNITS[profile.unit] : undefined;
      if (!unit) shape.fail(`profile #${i + 1} has unit ${JSON.stringify(profile.unit)}, which speedscope does not define`);
      let type = sampleTypes.findIndex((t) => t.type === unit.sampleType.type);
      if (type < 0) type = sampleTypes.push({ ...unit.sampleType }) - 1;
      typeOfProfile.push(type);
    });

    const builder = new TreeBuilder(sampleTypes.length);
    const funcs = Int32Array.from(frames, (frame, i) => builder.functionId(speedscopeFunction(shape, frame, i)));
    let sampleCount: number | undefined;
    let durationNanos: number | undefined;
    profiles.forEach((value, i) => {
      const profile = value as JsonObject;
      const named = typeof profile.name === 'string' && profile.name !== '';
      const name = named ? (profile.name as string) : `profile #${i + 1}`;
      const label = named ? `profile #${i + 1} (${name})` : name;
      const unit = UNITS[profile.unit as string];
      const under = profiles.length > 1 ? builder.child(0, builder.functionId({ name }), 0) : 0;
      const target: ProfileTarget = { builder, funcs, sampleType: typeOfProfile[i], scale: unit.scale, under };
      if (profile.type === 'sampled') sampleCount = (sampleCount ?? 0) + addSampled(shape, profile, label, target);
      else addEvented(shape, profile, label, target, sampleTypes.length);
      const span = (finite(profile.endValue) ?? 0) - (finite(profile.startValue) ?? 0);
      if (unit.sampleType.unit === 'nanoseconds' && span > 0) durationNanos = Math.max(durationNanos ?? 0, span * unit.scale);
    });

    const active = finite(root.activeProfileIndex);
    const profile: Profile = {
      format: this.format,
      source: input.name,
      sampleTypes,
      defaultSampleType: active !== undefined && typeOfProfile[active] !== undefined ? typeOfProfile[active] : 0,
      functions: builder.functions,
      shape: { kind: 'tree', tree: builder.build() },
    };
    if (sampleCount !== undefined) profile.sampleCount = sampleCount;
    if (durationNanos !== undefined) profile.durationNanos = durationNanos;
    return profile;
  },
};
