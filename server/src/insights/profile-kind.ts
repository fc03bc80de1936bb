/**
 * What a profile's sample type measures, so that only like is compared with like: CPU or wall
 * time with time (in samples or nanoseconds, from any profiler), allocated bytes with allocated
 * bytes, and so on. Shares of time and shares of memory say different things about a function.
 */
import { measureNoun } from '../profiles/format';
import type { Profile, SampleType } from '../profiles/model';

/** Thrown when two profiles cannot be compared; the message says why, naming both files. */
export class ComparisonError extends Error {}

/**
 * The kind of quantity a sample type measures. Every timing, whether counted in samples or in
 * nanoseconds, of CPU or of the wall clock, is `time`: shares of it are comparable.
 */
export function measureKind(type: SampleType): string {
  const allocation = type.type.toLowerCase().includes('alloc');
  if ((type.unit === 'samples' && !allocation) || type.unit === 'nanoseconds') return 'time';
  return measureNoun({ unit: type.unit, sampleType: type.type });
}

function describe(type: SampleType): string {
  return `${measureNoun({ unit: type.unit, sampleType: type.type })} (${type.type}, ${type.unit})`;
}

/** The sample type named by `wanted` (its name or its index), or undefined. */
function byNameOrIndex(profile: Profile, wanted: string): number | undefined {
  const byName = profile.sampleTypes.findIndex((t) => t.type === wanted);
  if (byName >= 0) return byName;
  const index = Number(wanted);
  return Number.isInteger(index) && index >= 0 && index < profile.sampleTypes.length ? index : undefined;
}

export interface NamedProfile {
  /** The file name shown to users. */
  name: string;
  profile: Profile;
}

/**
 * The sample types to compare: `wanted` in both when given; otherwise the base's default and, in
 * the current profile, the sample type of the same name, else the first of the same kind, else
 * its default. Throws a ComparisonError naming both files when they measure different things.
 */
export function comparableSampleTypes(base: NamedProfile, current: NamedProfile, wanted?: string): { base: number; current: number } {
  if (wanted !== undefined) {
    const pick = (side: NamedProfile): number => {
      const found = byNameOrIndex(side.profile, wanted);
      if (found === undefined) {
        throw new ComparisonError(`${side.name} has no sample type "${wanted}"; it has ${side.profile.sampleTypes.map((t) => t.type).join(', ')}`);
      }
      return found;
    };
    return checkComparable(base, current, pick(base), pick(current));
  }
  const baseType = base.profile.sampleTypes[base.profile.defaultSampleType];
  return checkComparable(base, current, base.profile.defaultSampleType, sampleTypeLike(current.profile, baseType));
}

/**
 * The sample type of `profile` to compare with `type`: the one of the same name and unit, else
 * the first of the same kind, else the profile's default (which checkComparable then refuses).
 */
export function sampleTypeLike(profile: Profile, type: SampleType): number {
  const types = profile.sampleTypes;
  const same = types.findIndex((t) => t.type === type.type && t.unit === type.unit);
  if (same >= 0) return same;
  const alike = types.findIndex((t) => measureKind(t) === measureKind(type));
  return alike >= 0 ? alike : profile.defaultSampleType;
}

/** Throws unless the two sample types measure the same kind of quantity. */
export function checkComparable(base: NamedProfile, current: NamedProfile, baseIndex: number, currentIndex: number): { base: number; current: number } {
  const a = base.profile.sampleTypes[baseIndex];
  const b = current.profile.sampleTypes[currentIndex];
  if (measureKind(a) !== measureKind(b)) {
    throw new ComparisonError(
      `cannot compare ${base.name} with ${current.name}: ${base.name} measures ${describe(a)} and ${current.name} measures ${describe(b)}; ` +
        'shares of different quantities say different things, so both profiles must measure the same kind (time, allocated bytes, memory in use…)',
    );
  }
  return { base: baseIndex, current: currentIndex };
}
