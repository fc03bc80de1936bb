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
 * A growable list of numbers, held as 32-bit integers while every number is one (sample ids and
 * time deltas nearly always are), and as doubles from the first number that is not.
 */
export class NumberList {
  private values: Int32Array | Float64Array = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) this.values = grown(this.values, this.length + 1);
    if (this.values instanceof Int32Array && (value | 0) !== value) {
      const doubles = new Float64Array(this.values.length);
      doubles.set(this.values);
      this.values = doubles;
    }
    this.values[this.length++] = value;
  }

  /** The numbers pushed, as a view. */
  view(): Int32Array | Float64Array {
    return this.values.subarray(0, this.length);
  }
}
