/**
 * Per-function shares of a profile, ours and a reference reader's, and their comparison: the
 * agreement table a test prints and asserts, function by function.
 */
import * as assert from 'node:assert/strict';
import type { Profile, ProfileFunction } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';

/** A function's self and total value, as percentages of the whole profile. */
export interface Share {
  self: number;
  total: number;
}

/** Functions by a key both sides can make; by default name, file and 1-based line. */
export type Shares = Map<string, Share>;

export function functionKey(fn: Pick<ProfileFunction, 'name' | 'file' | 'line'>): string {
  return `${fn.name}|${fn.file ?? ''}|${fn.line ?? ''}`;
}

/** Our shares for one sample type, functions with the same key added up. */
export function ourShares(profile: Profile, sampleType = profile.defaultSampleType, key = functionKey): Shares {
  const stats = computeStats(profile, sampleType);
  const shares: Shares = new Map();
  profile.functions.forEach((fn, i) => {
    const k = key(fn);
    const share = shares.get(k) ?? { self: 0, total: 0 };
    share.self += (100 * stats.self[i]) / stats.grand;
    share.total = Math.max(share.total, (100 * stats.total[i]) / stats.grand);
    shares.set(k, share);
  });
  return shares;
}

/** Shares from absolute self and total values per key. */
export function sharesOf(values: Map<string, { self: number; total: number }>, grand?: number): Shares {
  let sum = 0;
  for (const v of values.values()) sum += v.self;
  const whole = grand ?? sum;
  const shares: Shares = new Map();
  for (const [k, v] of values) shares.set(k, { self: (100 * v.self) / whole, total: (100 * v.total) / whole });
  return shares;
}

export interface Agreement {
  /** How many of the reference's functions, by self share, to compare. */
  top: number;
  /** Largest difference allowed, in percentage points, for self and for total. */
  selfTolerance: number;
  totalTolerance?: number;
  /** Compare totals too (false when the two sides place some values differently on purpose). */
  totals?: boolean;
}

const pct = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '—'.padStart(6) : value.toFixed(2).padStart(6));

/**
 * Asserts that our shares agree with the reference's for its top functions, and returns the
 * agreement table (function, our self/total, the reference's) for the test's log.
 */
export function assertAgreement(ours: Shares, reference: Shares, options: Agreement, label: string): string {
  const top = [...reference].sort((a, b) => b[1].self - a[1].self).slice(0, options.top);
  const lines = [`${label}`, `${'function'.padEnd(64)}  ours self/total  reference self/total`];
  const problems: string[] = [];
  for (const [key, ref] of top) {
    const our = ours.get(key);
    lines.push(`${key.slice(0, 64).padEnd(64)}  ${pct(our?.self)} ${pct(our?.total)}    ${pct(ref.self)} ${pct(ref.total)}`);
    if (!our) {
      problems.push(`${key}: missing from our profile`);
      continue;
    }
    if (Math.abs(our.self - ref.self) > options.selfTolerance) problems.push(`${key}: self ${our.self} vs ${ref.self}`);
    if (options.totals !== false && Math.abs(our.total - ref.total) > (options.totalTolerance ?? options.selfTolerance)) {
      problems.push(`${key}: total ${our.total} vs ${ref.total}`);
    }
  }
  const table = lines.join('\n');
  assert.deepEqual(problems, [], `${label}: shares disagree with the reference\n${table}`);
  return table;
}

/** Writes the first rows of an agreement table to the test's log, one diagnostic line each. */
export function logTable(t: { diagnostic(message: string): void }, table: string, rows = 14): void {
  for (const line of table.split('\n').slice(0, rows + 2)) t.diagnostic(line);
}
