/**
 * pprof names units freely (`nanoseconds`, `ms`, `kilobytes`, `count`…); Hotpath keeps one unit per
 * kind of quantity. Values in a scaled unit are multiplied into the base unit, so a profile in
 * microseconds and one in nanoseconds compare directly. Memory multiples are powers of 1024, as
 * pprof itself reads them.
 */
import type { ProfileUnit } from '../model';

export interface UnitMapping {
  unit: ProfileUnit;
  /** What one value in the profile's unit is in `unit`. */
  scale: number;
}

/** Unit names and what one of them is in Hotpath's unit. */
const SCALED_UNITS: ReadonlyArray<[names: string[], unit: ProfileUnit, scale: number]> = [
  [['nanoseconds', 'nanosecond', 'ns'], 'nanoseconds', 1],
  [['microseconds', 'microsecond', 'us', 'µs'], 'nanoseconds', 1e3],
  [['milliseconds', 'millisecond', 'ms'], 'nanoseconds', 1e6],
  [['seconds', 'second', 's'], 'nanoseconds', 1e9],
  [['minutes', 'minute', 'm'], 'nanoseconds', 60e9],
  [['hours', 'hour', 'h'], 'nanoseconds', 3600e9],
  [['bytes', 'byte', 'b'], 'bytes', 1],
  [['kilobytes', 'kilobyte', 'kb'], 'bytes', 1024],
  [['megabytes', 'megabyte', 'mb'], 'bytes', 1024 ** 2],
  [['gigabytes', 'gigabyte', 'gb'], 'bytes', 1024 ** 3],
  [['terabytes', 'terabyte', 'tb'], 'bytes', 1024 ** 4],
];

const SCALED = new Map<string, UnitMapping>(
  SCALED_UNITS.flatMap(([names, unit, scale]) => names.map((name): [string, UnitMapping] => [name, { unit, scale }])),
);

/** Hotpath's unit for a pprof value type, from its type name (`samples`, `alloc_objects`) and unit name. */
export function pprofUnit(type: string, unit: string): UnitMapping {
  const name = unit.toLowerCase();
  const scaled = SCALED.get(name);
  if (scaled) return scaled;
  if (name === 'objects' || (name === 'count' && /objects$/i.test(type))) return { unit: 'objects', scale: 1 };
  if (name === 'samples' || (name === 'count' && type.toLowerCase() === 'samples')) return { unit: 'samples', scale: 1 };
  if (name === 'instructions') return { unit: 'instructions', scale: 1 };
  return { unit: 'count', scale: 1 };
}
