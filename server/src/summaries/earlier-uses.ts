/**
 * Where, in a JavaScript or TypeScript file's text, a name is written in a way that could declare
 * it: a declaration that binds the name between two offsets (a parameter, a `const`, a
 * `function`) has it written there, so where it is not, the lookup through the scopes
 * (syntax/scopes.ts), which reads nodes in the parser's WASM, need not read anything. Most calls by
 * bare name call a function the module defines, and the name is written before the call only in
 * other calls (`name(`) or not at all.
 */
import type { Node } from 'web-tree-sitter';

const WORD = /[\w$]/;
/** An argument list right after a name: a call, or a function declared with `function`. */
const CALLED = /\s*\(/y;
/** `function` (or `function*`) right before a name. */
const DECLARED_FUNCTION = /\bfunction\s*\*?\s*$/;

/** The last index in the sorted list whose value is at most `offset`; -1 when none is. */
function lastAtMost(sorted: readonly number[], offset: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

export class EarlierUses {
  private statementStarts: number[] | undefined;
  private readonly positions = new Map<string, number[]>();

  constructor(
    private readonly root: Node,
    private readonly text: string,
  ) {}

  /** True when `name` is written, as a whole word, in the module-level statement around `offset` and before it. */
  writtenBefore(name: string, offset: number): boolean {
    const starts = (this.statementStarts ??= this.root.namedChildren.flatMap((child) => (child ? [child.startIndex] : [])));
    const statement = lastAtMost(starts, offset);
    return this.writtenBetween(name, statement >= 0 ? starts[statement] : 0, offset);
  }

  /** True when `name` is written, as a whole word, starting at `from` or after and before `to`. */
  writtenBetween(name: string, from: number, to: number): boolean {
    const at = this.occurrences(name);
    const last = lastAtMost(at, to - 1);
    return last >= 0 && at[last] >= from;
  }

  /**
   * Where the name is written as a whole word in the text, in order, leaving out where it cannot
   * be declared: after a dot (`obj.name`), and called (`name(`) unless declared so (`function name(`).
   */
  private occurrences(name: string): number[] {
    let found = this.positions.get(name);
    if (found) return found;
    found = [];
    const { text } = this;
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const before = i > 0 ? text[i - 1] : '';
      const end = i + name.length;
      // `...name` is a rest parameter, `.name` a property.
      if (WORD.test(before) || WORD.test(text[end] ?? '') || (before === '.' && text[i - 2] !== '.')) continue;
      CALLED.lastIndex = end;
      if (CALLED.test(text) && !DECLARED_FUNCTION.test(text.slice(Math.max(0, i - 40), i))) continue;
      found.push(i);
    }
    this.positions.set(name, found);
    return found;
  }
}
