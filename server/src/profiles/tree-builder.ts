/**
 * Builds a CallTree and its function table incrementally, for importers. Children are found
 * through an open-addressing hash of (parent, function, line), so profiles with millions of
 * nodes build without a Map per node.
 */
import type { CallTree, ProfileFunction } from './model';

const EMPTY = -1;

function grow<T extends Int32Array | Float64Array>(array: T, size: number): T {
  const next = new (array.constructor as { new (n: number): T })(size);
  next.set(array);
  return next;
}

export class TreeBuilder {
  readonly functions: ProfileFunction[] = [];
  private readonly functionIds = new Map<string, number>();
  /**
   * Per node: parent, function, line. Kept apart (not side by side) so that build() hands them
   * over without a copy: a key is read only when its stored hash matches, so the lookups barely
   * notice.
   */
  private parent: Int32Array;
  private func: Int32Array;
  private line: Int32Array;
  private self: Float64Array[];
  private size = 1;
  /**
   * Hash slots of two ints: a node (or EMPTY) and the hash of its key, so that most probes never
   * read a node; a load factor of at most 1/2 keeps probe runs short.
   */
  private slots: Int32Array;
  private used = 0;

  /**
   * `expectedNodes`, when an importer can estimate the tree's size, sizes the arrays up front:
   * growing and rehashing millions of nodes costs more than the lookups themselves. A wrong
   * estimate costs only memory until build() (too high) or the usual growth (too low).
   */
  constructor(
    private readonly sampleTypes: number,
    expectedNodes = 1024,
  ) {
    const capacity = Math.max(1024, Math.min(expectedNodes, 1 << 24));
    this.parent = new Int32Array(capacity);
    this.func = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    this.self = Array.from({ length: sampleTypes }, () => new Float64Array(capacity));
    this.slots = new Int32Array(4 * 2 ** Math.ceil(Math.log2(capacity))).fill(EMPTY);
    this.parent[0] = EMPTY;
    this.func[0] = EMPTY;
  }

  /**
   * Makes room for `nodes` nodes in all, for an importer that learns the tree's size only after
   * it made the builder (its functions are numbered while the file is read).
   */
  reserve(nodes: number): void {
    const capacity = Math.min(nodes, 1 << 24);
    if (capacity <= this.parent.length) return;
    this.resize(capacity);
    if (capacity > this.slots.length >> 2) this.rehash(4 * 2 ** Math.ceil(Math.log2(capacity)));
  }

  /**
   * The index of a function, added on first sight; same name, file, line and module is the same
   * function (perf's `[unknown]` in libc and in the program are two).
   */
  functionId(fn: ProfileFunction): number {
    const key = `${fn.name}\u0000${fn.file ?? ''}\u0000${fn.line ?? 0}\u0000${fn.module ?? ''}`;
    let id = this.functionIds.get(key);
    if (id === undefined) {
      id = this.functions.length;
      this.functions.push(fn);
      this.functionIds.set(key, id);
    }
    return id;
  }

  /** The child of `parent` for this function at this line, created on first use. */
  child(parent: number, func: number, line: number): number {
    const hash = this.hash(parent, func, line);
    const mask = (this.slots.length >> 1) - 1;
    let slot = hash & mask;
    for (;;) {
      const node = this.slots[2 * slot];
      if (node === EMPTY) break;
      if (this.slots[2 * slot + 1] === hash) {
        if (this.parent[node] === parent && this.func[node] === func && this.line[node] === line) return node;
      }
      slot = (slot + 1) & mask;
    }
    const node = this.addNode(parent, func, line);
    if (++this.used * 2 > this.slots.length >> 1) {
      this.rehash(this.slots.length * 2);
    } else {
      this.slots[2 * slot] = node;
      this.slots[2 * slot + 1] = hash;
    }
    return node;
  }

  /** Adds a stack, root first, and its values to the tree; returns the leaf node. */
  addStack(frames: ReadonlyArray<{ func: number; line: number }>, values: readonly number[]): number {
    let node = 0;
    for (const frame of frames) node = this.child(node, frame.func, frame.line);
    this.addSelf(node, values);
    return node;
  }

  addSelf(node: number, values: readonly number[]): void {
    for (let t = 0; t < this.sampleTypes; t++) this.self[t][node] += values[t] ?? 0;
  }

  /**
   * The tree. Arrays at least half full are handed over as views, not copied: copying millions of
   * nodes into fresh memory costs more than the unused half keeps, and would add to the peak.
   */
  build(): CallTree {
    const { size } = this;
    const keep = <T extends Int32Array | Float64Array>(array: T): T => (2 * size >= array.length ? array.subarray(0, size) : array.slice(0, size)) as T;
    return { parent: keep(this.parent), func: keep(this.func), line: keep(this.line), self: this.self.map(keep), size };
  }

  private addNode(parent: number, func: number, line: number): number {
    if (this.size === this.parent.length) this.resize(this.size * 2);
    const node = this.size++;
    this.parent[node] = parent;
    this.func[node] = func;
    this.line[node] = line;
    return node;
  }

  private resize(capacity: number): void {
    this.parent = grow(this.parent, capacity);
    this.func = grow(this.func, capacity);
    this.line = grow(this.line, capacity);
    this.self = this.self.map((s) => grow(s, capacity));
  }

  /** Makes the table `length` ints long and puts every node (all but the root) back in. */
  private rehash(length: number): void {
    this.slots = new Int32Array(length).fill(EMPTY);
    const mask = (this.slots.length >> 1) - 1;
    for (let node = 1; node < this.size; node++) {
      const hash = this.hash(this.parent[node], this.func[node], this.line[node]);
      let slot = hash & mask;
      while (this.slots[2 * slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[2 * slot] = node;
      this.slots[2 * slot + 1] = hash;
    }
  }

  private hash(parent: number, func: number, line: number): number {
    let h = Math.imul(parent ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ func ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ line ^ (h >>> 16), 0x27d4eb2f);
    return h ^ (h >>> 15);
  }
}
