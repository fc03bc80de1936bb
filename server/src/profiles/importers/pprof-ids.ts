/**
 * pprof messages point at each other by uint64 ids (a sample at locations, a location at a
 * mapping and functions). Writers number them 1..n, so a dense array finds them fast; sparse or
 * huge ids fall back to a Map. The last message with an id wins, as in pprof's own reader.
 */

type Numeric = number | bigint;

/** An id as a number (ids past 2^53 lose precision, which only matters for files that are wrong anyway). */
export function idNumber(id: Numeric): number {
  return typeof id === 'bigint' ? Number(BigInt.asUintN(64, id)) : id;
}

export class IdIndex {
  private readonly dense?: Int32Array;
  private readonly sparse?: Map<number, number>;

  constructor(ids: readonly Numeric[]) {
    let max = 0;
    for (const id of ids) max = Math.max(max, idNumber(id));
    if (max <= 2 * ids.length + 64) {
      this.dense = new Int32Array(max + 1).fill(-1);
      let index = 0;
      for (const id of ids) this.dense[idNumber(id)] = index++;
    } else {
      this.sparse = new Map();
      let index = 0;
      for (const id of ids) this.sparse.set(idNumber(id), index++);
    }
  }

  /** The position of the message with this id, or -1; id 0 is never a message. */
  get(id: Numeric): number {
    const n = typeof id === 'number' ? id : idNumber(id);
    if (n === 0) return -1;
    if (this.dense) return n < this.dense.length ? this.dense[n] : -1;
    return this.sparse!.get(n) ?? -1;
  }
}
