/**
 * A V8 CPU profile's node list in columns (typed arrays), checked: what the call tree is built
 * from. A node list of a million nodes costs some 50 bytes a node here, against several hundred
 * as parsed JSON objects. Two readers fill it: the .cpuprofile scanner straight from the file's
 * bytes (v8-cpuprofile-scan.ts), and `v8NodeListFromObjects` from parsed JSON (Chrome traces).
 */
import type { TreeBuilder } from '../tree-builder';
import { finite, isObject, isSafeInteger, type JsonShape } from './json-input';
import { grown } from './typed-arrays';
import { v8Function } from './v8-frames';

/** How nodes name their links: a list of child ids, or one parent id. */
export type V8Links = 'children' | 'parent';

export interface V8NodeList {
  size: number;
  links: V8Links;
  /** The id each node has in the file: a safe integer. */
  ids: Float64Array;
  /**
   * The ids node i links to are `linkIds[linkStart[i]]` up to `linkStart[i + 1]`: its children,
   * or its parent (none for a root), as `links` says. Each is a safe integer.
   */
  linkStart: Int32Array;
  linkIds: Float64Array;
  /** Each node's function, an index into the builder's functions. */
  func: Int32Array;
  /** The 1-based line each node's function starts on, 0 when unknown. */
  firstLine: Int32Array;
  /** Each node's hitCount, 0 when missing or not a number. */
  hitCount: Float64Array;
  /**
   * Node i's positionTicks are entries `tickStart[i]` up to `tickStart[i + 1]`: the 1-based line
   * (0 when unknown) and the count of ticks on it (finite, not negative).
   */
  tickStart: Int32Array;
  tickLine: Float64Array;
  tickCount: Float64Array;
}

/** Fills a V8NodeList node by node: `addLink` and `addTick` for the node, then `endNode`. */
export class V8NodeListBuilder {
  private size = 0;
  private links = 0;
  private ticks = 0;
  private ids: Float64Array;
  private func: Int32Array;
  private firstLine: Int32Array;
  private hitCount: Float64Array;
  private linkStart: Int32Array;
  private linkIds: Float64Array;
  private tickStart: Int32Array;
  private tickLine = new Float64Array(256);
  private tickCount = new Float64Array(256);

  constructor(expectedNodes = 256) {
    const capacity = Math.max(16, expectedNodes);
    this.ids = new Float64Array(capacity);
    this.func = new Int32Array(capacity);
    this.firstLine = new Int32Array(capacity);
    this.hitCount = new Float64Array(capacity);
    this.linkStart = new Int32Array(capacity + 1);
    this.linkIds = new Float64Array(capacity);
    this.tickStart = new Int32Array(capacity + 1);
  }

  /** Nodes ended so far. */
  get count(): number {
    return this.size;
  }

  addLink(id: number): void {
    this.linkIds = grown(this.linkIds, this.links + 1);
    this.linkIds[this.links++] = id;
  }

  /** Forgets the links added since the last node ended (a key given twice counts once, the last time). */
  dropLinks(): void {
    this.links = this.linkStart[this.size];
  }

  addTick(line: number, count: number): void {
    this.tickLine = grown(this.tickLine, this.ticks + 1);
    this.tickCount = grown(this.tickCount, this.ticks + 1);
    this.tickLine[this.ticks] = line;
    this.tickCount[this.ticks++] = count;
  }

  dropTicks(): void {
    this.ticks = this.tickStart[this.size];
  }

  endNode(id: number, func: number, firstLine: number, hitCount: number): void {
    const node = this.size++;
    if (this.size === this.ids.length) {
      this.ids = grown(this.ids, this.size + 1);
      this.func = grown(this.func, this.size + 1);
      this.firstLine = grown(this.firstLine, this.size + 1);
      this.hitCount = grown(this.hitCount, this.size + 1);
      this.linkStart = grown(this.linkStart, this.ids.length + 1);
      this.tickStart = grown(this.tickStart, this.ids.length + 1);
    }
    this.ids[node] = id;
    this.func[node] = func;
    this.firstLine[node] = firstLine;
    this.hitCount[node] = hitCount;
    this.linkStart[this.size] = this.links;
    this.tickStart[this.size] = this.ticks;
  }

  build(links: V8Links): V8NodeList {
    const { size } = this;
    return {
      size,
      links,
      ids: this.ids.subarray(0, size),
      linkStart: this.linkStart.subarray(0, size + 1),
      linkIds: this.linkIds.subarray(0, this.links),
      func: this.func.subarray(0, size),
      firstLine: this.firstLine.subarray(0, size),
      hitCount: this.hitCount.subarray(0, size),
      tickStart: this.tickStart.subarray(0, size + 1),
      tickLine: this.tickLine.subarray(0, this.ticks),
      tickCount: this.tickCount.subarray(0, this.ticks),
    };
  }
}

/** A call frame as a function of the builder, and the line the function starts on (0: unknown). */
export function v8FrameFunction(shape: JsonShape, builder: TreeBuilder, callFrame: unknown, nodeId: number): { func: number; firstLine: number } {
  const fn = v8Function(shape, callFrame, nodeId);
  return { func: builder.functionId(fn), firstLine: fn.file !== undefined ? (fn.line ?? 0) : 0 };
}

function addObjectLinks(shape: JsonShape, list: V8NodeListBuilder, node: Record<string, unknown>, id: number, links: V8Links): void {
  if (links === 'parent') {
    if (node.parent === undefined || node.parent === null) return;
    if (!isSafeInteger(node.parent)) shape.fail(`node ${id} names parent ${String(node.parent)} which is not a node of the profile`);
    list.addLink(node.parent);
    return;
  }
  const children = node.children;
  if (children === undefined || children === null) return;
  if (!Array.isArray(children)) shape.fail(`node ${id} has children that are not a list`);
  for (const child of children) {
    if (!isSafeInteger(child)) shape.fail(`node ${id} names child ${String(child)} which is not a node of the profile`);
    list.addLink(child);
  }
}

function addObjectTicks(shape: JsonShape, list: V8NodeListBuilder, ticks: unknown, id: number): void {
  if (ticks === undefined || ticks === null) return;
  if (!Array.isArray(ticks)) shape.fail(`node ${id} has positionTicks that are not a list`);
  for (const tick of ticks) {
    const entry = isObject(tick) ? tick : {};
    const count = finite(entry.ticks);
    if (count === undefined || count < 0) shape.fail(`a positionTicks entry of node ${id} has no tick count`);
    list.addTick(finite(entry.line) ?? 0, count);
  }
}

/** The node list of parsed JSON nodes (objects with `id`, `callFrame`, links, `hitCount`, `positionTicks`). */
export function v8NodeListFromObjects(shape: JsonShape, builder: TreeBuilder, nodes: readonly unknown[], links: V8Links): V8NodeList {
  // Ids first, so that a node without one is the problem reported before any other.
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!isObject(node)) shape.fail(`node #${i + 1} of the node list is not an object`);
    if (!isSafeInteger(node.id)) shape.fail(`node #${i + 1} of the node list has no integer id`);
  }
  const list = new V8NodeListBuilder(nodes.length);
  for (const value of nodes) {
    const node = value as Record<string, unknown>;
    const id = node.id as number;
    addObjectLinks(shape, list, node, id, links);
    addObjectTicks(shape, list, node.positionTicks, id);
    const { func, firstLine } = v8FrameFunction(shape, builder, node.callFrame, id);
    list.endNode(id, func, firstLine, finite(node.hitCount) ?? 0);
  }
  return list.build(links);
}
