/**
 * Profile figures as people read them: values in their unit, shares, and what a share is a
 * share of ("of CPU samples in cpu.pprof").
 */
import type { ProfileUnit } from './model';
import type { HeatSource } from './heat';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function scaled(value: number, steps: ReadonlyArray<[number, string]>, digits = 3): string {
  for (const [size, suffix] of steps) {
    if (Math.abs(value) >= size) return `${Number((value / size).toPrecision(digits))} ${suffix}`;
  }
  const [size, suffix] = steps[steps.length - 1];
  return `${Number((value / size).toPrecision(digits))} ${suffix}`;
}

const TIME: Array<[number, string]> = [[1e9, 's'], [1e6, 'ms'], [1e3, 'µs'], [1, 'ns']];
const BYTES: Array<[number, string]> = [[1024 ** 3, 'GB'], [1024 ** 2, 'MB'], [1024, 'KB'], [1, 'B']];
const COUNT: Array<[number, string]> = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, '']];

/** A value in its unit: `1.24 s`, `12.3 MB`, `1,204 samples`, `3.38 G instructions`. */
export function formatValue(value: number, unit: ProfileUnit): string {
  switch (unit) {
    case 'nanoseconds':
      return value === 0 ? '0 s' : scaled(value, TIME);
    case 'bytes':
      return scaled(value, BYTES);
    case 'samples':
      return `${integer.format(value)} sample${value === 1 ? '' : 's'}`;
    case 'objects':
      return `${integer.format(value)} object${value === 1 ? '' : 's'}`;
    case 'instructions':
      return value < 1e4 ? `${integer.format(value)} instructions` : `${scaled(value, COUNT).trim()} instructions`;
    case 'count':
      return integer.format(value);
  }
}

/** A share with one decimal: `38.2%`; tiny nonzero shares read `<0.1%`. */
export function formatPercent(percent: number): string {
  if (percent > 0 && percent < 0.05) return '<0.1%';
  return `${percent.toFixed(1)}%`;
}

/** What the profile's values measure, for "23.4% of CPU samples". */
export function measureNoun(source: Pick<HeatSource, 'unit' | 'sampleType'>): string {
  const type = source.sampleType.toLowerCase();
  switch (source.unit) {
    case 'samples':
      return type.includes('alloc') ? 'allocation samples' : 'CPU samples';
    case 'nanoseconds':
      return type.includes('cpu') ? 'CPU time' : type.includes('wall') ? 'wall time' : 'time';
    case 'bytes':
      return type.includes('inuse') ? 'memory in use' : 'allocated bytes';
    case 'objects':
      return type.includes('inuse') ? 'objects in use' : 'allocated objects';
    case 'instructions':
      return 'instructions';
    case 'count':
      return source.sampleType;
  }
}

/** "23.4% of CPU samples in cpu.pprof": every figure names its profile. */
export function shareOf(percent: number, source: HeatSource): string {
  return `${formatPercent(percent)} of ${measureNoun(source)} in ${source.name}`;
}
