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
