/**
 * V8's call frames as profile functions, and V8 nodes as call tree nodes. Shared by the
 * .cpuprofile, .heapprofile and Chrome trace importers, whose nodes all carry a `callFrame`.
 */
import type { ProfileFunction } from '../model';
import type { TreeBuilder } from '../tree-builder';
import { isObject, type JsonShape } from './json-input';
import type { V8NodeList } from './v8-node-list';
import type { V8NodeTable } from './v8-nodes';

/**
 * A V8 call frame (`functionName`, `url`, 0-based `lineNumber`/`columnNumber`, -1 or missing when
 * unknown) as a profile function with 1-based positions. Anonymous functions are named
 * `(anonymous)`, as DevTools shows them; V8's own entries such as `(program)`, `(idle)` and
 * `(garbage collector)` keep their names, since they are real shares of the profile.
 */
export function v8Function(shape: JsonShape, callFrame: unknown, nodeId: number): ProfileFunction {
  if (!isObject(callFrame)) shape.fail(`node ${nodeId} has no callFrame object`);
  const { functionName, url, lineNumber, columnNumber } = callFrame;
  if (functionName !== undefined && typeof functionName !== 'string') shape.fail(`node ${nodeId} has a functionName that is not a string`);
  if (url !== undefined && typeof url !== 'string') shape.fail(`node ${nodeId} has a url that is not a string`);
  const fn: ProfileFunction = { name: functionName || '(anonymous)' };
  if (url) fn.file = url;
  if (typeof lineNumber === 'number' && lineNumber >= 0 && lineNumber < 0x7fffffff) fn.line = Math.floor(lineNumber) + 1;
  if (typeof columnNumber === 'number' && columnNumber >= 0 && columnNumber < 0x7fffffff) fn.column = Math.floor(columnNumber) + 1;
  return fn;
}

/**
 * The call tree nodes of a checked V8 node list. Each V8 node becomes a node at line 0 (V8 does
 * not record the line of a call), its children hang below it, and the values it was sampled with
 * go to sibling nodes of the same function at the line that was executing.
 */
export class V8TreeNodes {
  /** Per V8 node: the call tree node its children hang from. */
  readonly frame: Int32Array;

  /** Adds the nodes below the call tree node `under` (0: the root), parents first. */
  constructor(
    private readonly builder: TreeBuilder,
    private readonly table: V8NodeTable,
    private readonly list: V8NodeList,
    private readonly under = 0,
  ) {
    this.frame = new Int32Array(table.size);
    for (const index of table.order) this.frame[index] = builder.child(this.parentOf(index), list.func[index], 0);
  }

  /**
   * The call tree node for values taken in node `index` while `line` (1-based) was executing.
   * A line before the function's first line cannot be the function's own: V8 reports lines of
   * functions inlined from other files that way, so such values stay at line 0 (unknown).
   */
  lineNode(index: number, line: number): number {
    if (!(line > 0) || line < this.list.firstLine[index] || line > 0x7fffffff) return this.frame[index];
    return this.builder.child(this.parentOf(index), this.list.func[index], Math.floor(line));
  }

  private parentOf(index: number): number {
    const parent = this.table.parent[index];
    return parent < 0 ? this.under : this.frame[parent];
  }
}
