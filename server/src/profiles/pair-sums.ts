/**
 * Sums of values per pair of ints (a function and a line, a callee and its caller), kept in the
 * order in which each pair first got a value that is not zero. A call tree of a million nodes has
 * far fewer distinct pairs, so stats.ts adds its nodes up here, in typed arrays through an
 * open-addressing hash, and makes one Map entry per pair instead of updating a Map per node. The
 * sums are the same, to the bit, as adding each node's value to a Map: the same values, added in
 * the same order.
 */
import { grown } from './importers/typed-arrays';

export class PairSums {
  private first = new Int32Array(256);
  private second = new Int32Array(256);
  private sum = new Float64Array(256);
  private size = 0;
  /** Slots hold a pair's index plus one (0: empty); at most half of them are in use. */
  private slots = new Int32Array(512);

  add(a: number, b: number, value: number): void {
    if (value === 0) return;
    const mask = this.slots.length - 1;
    let slot = hashPair(a, b) & mask;
    for (let held = this.slots[slot]; held !== 0; held = this.slots[slot]) {
      if (this.first[held - 1] === a && this.second[held - 1] === b) {
        this.sum[held - 1] += value;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const pair = this.size++;
    this.first = grown(this.first, this.size);
    this.second = grown(this.second, this.size);
    this.sum = grown(this.sum, this.size);
    this.first[pair] = a;
    this.second[pair] = b;
    this.sum[pair] += value;
    this.slots[slot] = pair + 1;
    if (2 * this.size > this.slots.length) this.rehash();
  }

  /**
   * Puts each pair's sum into `maps[a]` under the key `b` (with `swap`, into `maps[b]` under `a`),
   * pairs in the order they came, so that each Map's keys are in the order they first had a value.
   */
  intoMaps(maps: Array<Map<number, number> | undefined>, swap = false): void {
    const { first, second, sum } = this;
    for (let pair = 0; pair < this.size; pair++) {
      const at = swap ? second[pair] : first[pair];
      (maps[at] ??= new Map()).set(swap ? first[pair] : second[pair], sum[pair]);
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    const mask = this.slots.length - 1;
    for (let pair = 0; pair < this.size; pair++) {
      let slot = hashPair(this.first[pair], this.second[pair]) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = pair + 1;
    }
  }
}

function hashPair(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
