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
  private parent = new Int32Array(1024);
  private func = new Int32Array(1024);
  private line = new Int32Array(1024);
  private self: Float64Array[];
  private size = 1;
  /** Hash slots: 4 ints each (parent, func, line, node). */
  private slots = new Int32Array(4 * 2048).fill(EMPTY);
  private used = 0;

  constructor(private readonly sampleTypes: number) {
    this.self = Array.from({ length: sampleTypes }, () => new Float64Array(1024));
    this.parent[0] = EMPTY;
    this.func[0] = EMPTY;
  }

  /** The index of a function, added on first sight; same name, file and line is the same function. */
  functionId(fn: ProfileFunction): number {
    const key = `${fn.name}\u0000${fn.file ?? ''}\u0000${fn.line ?? 0}`;
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
    const mask = this.slots.length / 4 - 1;
    let slot = this.hash(parent, func, line) & mask;
    for (;;) {
      const at = slot * 4;
      if (this.slots[at] === EMPTY) break;
      if (this.slots[at] === parent && this.slots[at + 1] === func && this.slots[at + 2] === line) return this.slots[at + 3];
      slot = (slot + 1) & mask;
    }
    const node = this.addNode(parent, func, line);
    this.insert(parent, func, line, node);
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

  build(): CallTree {
    return {
      parent: this.parent.slice(0, this.size),
      func: this.func.slice(0, this.size),
      line: this.line.slice(0, this.size),
      self: this.self.map((s) => s.slice(0, this.size)),
      size: this.size,
    };
  }

  private addNode(parent: number, func: number, line: number): number {
    if (this.size === this.parent.length) {
      const capacity = this.size * 2;
      this.parent = grow(this.parent, capacity);
      this.func = grow(this.func, capacity);
      this.line = grow(this.line, capacity);
      this.self = this.self.map((s) => grow(s, capacity));
    }
    const node = this.size++;
    this.parent[node] = parent;
    this.func[node] = func;
    this.line[node] = line;
    return node;
  }

  private insert(parent: number, func: number, line: number, node: number): void {
    if (++this.used * 2 > this.slots.length / 4) this.rehash();
    const mask = this.slots.length / 4 - 1;
    let slot = this.hash(parent, func, line) & mask;
    while (this.slots[slot * 4] !== EMPTY) slot = (slot + 1) & mask;
    this.slots.set([parent, func, line, node], slot * 4);
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(EMPTY);
    const mask = this.slots.length / 4 - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === EMPTY) continue;
      let slot = this.hash(old[at], old[at + 1], old[at + 2]) & mask;
      while (this.slots[slot * 4] !== EMPTY) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(at, at + 4), slot * 4);
    }
  }

  private hash(parent: number, func: number, line: number): number {
    let h = Math.imul(parent ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ func ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ line ^ (h >>> 16), 0x27d4eb2f);
    return (h ^ (h >>> 15)) >>> 0;
  }
}
