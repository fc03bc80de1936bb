// A small seeded pseudo-random generator (xorshift), so that every recording runs the same work.
export class Random {
  constructor(seed) {
    this.state = seed >>> 0 || 1;
  }

  /** The next unsigned 32-bit value. */
  next() {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** An integer in [0, n). */
  below(n) {
    return this.next() % n;
  }

  pick(list) {
    return list[this.below(list.length)];
  }
}
