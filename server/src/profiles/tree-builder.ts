/**
 * Builds a CallTree and its function table incrementally, for importers. A node's first child is
 * noted beside it, and its other children are found through an open-addressing hash of (parent,
 * function, line), so profiles with millions of nodes build without a Map per node. Most nodes of
 * a deep tree have one child, so the hash holds about one node per leaf, not one per node.
 */
import { fitted, grown, NumberList } from './importers/typed-arrays';
import type { CallTree, ProfileFunction } from './model';

/** No node, in a hash slot or as a first child: the root is nobody's child, so its number is free. */
const EMPTY = 0;

function grow(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

export class TreeBuilder {
  readonly functions: ProfileFunction[] = [];
  private readonly functionIds = new Map<string, number>();
  /**
   * Per node: parent, function, line. Kept apart (not side by side) so that build() hands them
   * over without a copy.
   */
  private parent: Int32Array;
  private func: Int32Array;
  private line: Int32Array;
  /** Per node: its first child, or EMPTY. */
  private firstChild: Int32Array;
  private size = 1;
  /** The self values given so far, sparse (see CallTree): nodes, and per sample type the values. */
  private selfNodes: Int32Array;
  private readonly selfValues: NumberList[];
  private selfCount = 0;
  /**
   * Hash slots of the children that are not their parent's first: one int, a node or EMPTY; a load
   * factor of at most 1/2 keeps probe runs short. A probe compares the node's key itself: storing
   * each key's hash beside it saved a little time and doubled the table, the largest thing an
   * import held besides the tree.
   */
  private slots: Int32Array;
  private used = 0;

  /**
   * `expectedNodes`, when an importer can estimate the tree's size, sizes the arrays up front:
   * growing and rehashing millions of nodes costs more than the lookups themselves. A wrong
   * estimate costs only memory until build() (too high) or the usual growth (too low).
   * `expectedSelfNodes` does the same for the self values (at most one per sample), and for the
   * hash, as a stack that ends at a leaf of its own adds at most one child that is not a first.
   */
  constructor(
    private readonly sampleTypes: number,
    expectedNodes = 1024,
    expectedSelfNodes = 1024,
  ) {
    const capacity = Math.max(1024, Math.min(expectedNodes, 1 << 24));
    this.parent = new Int32Array(capacity);
    this.func = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    const selfCapacity = Math.max(1024, Math.min(expectedSelfNodes, 1 << 24));
    this.selfNodes = new Int32Array(selfCapacity);
    this.selfValues = Array.from({ length: sampleTypes }, () => new NumberList(selfCapacity));
    this.firstChild = new Int32Array(capacity);
    this.slots = new Int32Array(2 * 2 ** Math.ceil(Math.log2(selfCapacity)));
    this.parent[0] = -1;
    this.func[0] = -1;
  }

  /**
   * Makes room for `nodes` nodes in all, for an importer that learns the tree's size only after
   * it made the builder (its functions are numbered while the file is read).
   */
  reserve(nodes: number): void {
    const capacity = Math.min(nodes, 1 << 24);
    if (capacity <= this.parent.length) return;
    this.resize(capacity);
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
    const first = this.firstChild[parent];
    if (first === EMPTY) return (this.firstChild[parent] = this.addNode(parent, func, line));
    if (this.func[first] === func && this.line[first] === line) return first;
    const mask = this.slots.length - 1;
    let slot = this.hash(parent, func, line) & mask;
    for (;;) {
      const node = this.slots[slot];
      if (node === EMPTY) break;
      if (this.parent[node] === parent && this.func[node] === func && this.line[node] === line) return node;
      slot = (slot + 1) & mask;
    }
    const node = this.addNode(parent, func, line);
    if (++this.used * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.slots[slot] = node;
    return node;
  }

  /** Adds a stack, root first, and its values to the tree; returns the leaf node. */
  addStack(frames: ReadonlyArray<{ func: number; line: number }>, values: readonly number[]): number {
    let node = 0;
    for (const frame of frames) node = this.child(node, frame.func, frame.line);
    this.addSelf(node, values);
    return node;
  }

  /**
   * Adds values to a node's self value. A node given values again right after (consecutive samples
   * ending at the same place) keeps one entry; values all zero need none.
   */
  addSelf(node: number, values: readonly number[]): void {
    const last = this.selfCount - 1;
    if (last >= 0 && this.selfNodes[last] === node) {
      for (let t = 0; t < this.sampleTypes; t++) this.selfValues[t].addAt(last, values[t] ?? 0);
      return;
    }
    let any = false;
    for (let t = 0; t < this.sampleTypes && !any; t++) any = (values[t] ?? 0) !== 0;
    if (!any) return;
    this.selfNodes = grown(this.selfNodes, this.selfCount + 1);
    this.selfNodes[this.selfCount++] = node;
    for (let t = 0; t < this.sampleTypes; t++) this.selfValues[t].push(values[t] ?? 0);
  }

  /** The tree; the arrays are handed over as they are when at least half full (see `fitted`). */
  build(): CallTree {
    const { size } = this;
    return {
      parent: fitted(this.parent, size),
      func: fitted(this.func, size),
      line: fitted(this.line, size),
      selfNodes: fitted(this.selfNodes, this.selfCount),
      selfValues: this.selfValues.map((values) => values.fitted()),
      size,
    };
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
    this.firstChild = grow(this.firstChild, capacity);
  }

  /** Makes the table `length` slots long and puts every node that is not a first child back in. */
  private rehash(length: number): void {
    this.slots = new Int32Array(length);
    const mask = this.slots.length - 1;
    for (let node = 1; node < this.size; node++) {
      if (this.firstChild[this.parent[node]] === node) continue;
      let slot = this.hash(this.parent[node], this.func[node], this.line[node]) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = node;
    }
  }

  private hash(parent: number, func: number, line: number): number {
    let h = Math.imul(parent ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ func ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ line ^ (h >>> 16), 0x27d4eb2f);
    return h ^ (h >>> 15);
  }
}
