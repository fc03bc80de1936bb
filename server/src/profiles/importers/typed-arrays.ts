/**
 * Growable typed arrays for importers, so that per-sample and per-frame data cost no object each.
 */

/** The array itself when it holds `needed` elements, else a copy with room for at least twice as many. */
export function grown<T extends Int32Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as { new (n: number): T })(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/**
 * The first `length` elements of an array that was grown ahead of need. At least half full, the
 * array is handed over as a view, not copied: copying millions of elements into fresh memory costs
 * more than the unused half keeps (pages never written take no memory), and would add to the peak.
 */
export function fitted<T extends Int32Array | Float64Array>(array: T, length: number): T {
  return (2 * length >= array.length ? array.subarray(0, length) : array.slice(0, length)) as T;
}

/**
 * A growable list of numbers, held as 32-bit integers while every number is one (sample ids,
 * time deltas and most sample values are), and as doubles from the first number that is not.
 */
export class NumberList {
  private values: Int32Array | Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.values = new Int32Array(Math.max(capacity, 16));
  }

  push(value: number): void {
    if (this.length === this.values.length) this.values = grown(this.values, this.length + 1);
    this.set(this.length++, value);
  }

  /** Adds `value` to the number at `index` (one pushed already). */
  addAt(index: number, value: number): void {
    this.set(index, this.values[index] + value);
  }

  /** The numbers pushed, as a view. */
  view(): Int32Array | Float64Array {
    return this.values.subarray(0, this.length);
  }

  /** The numbers pushed, copied when the list holds more than twice as much room (see `fitted`). */
  fitted(): Int32Array | Float64Array {
    return fitted(this.values, this.length);
  }

  private set(index: number, value: number): void {
    if (this.values instanceof Int32Array && (value | 0) !== value) {
      const doubles = new Float64Array(this.values.length);
      doubles.set(this.values);
      this.values = doubles;
    }
    this.values[index] = value;
  }
}
