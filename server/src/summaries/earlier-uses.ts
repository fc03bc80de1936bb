/**
 * Where, in a JavaScript or TypeScript file's text, a name is written in a way that could declare
 * it: a declaration that binds the name between two offsets (a parameter, a `const`, a
 * `function`) has it written there, so where it is not, the lookup through the scopes
 * (syntax/scopes.ts), which reads nodes in the parser's WASM, need not read anything. Most calls by
 * bare name call a function the module defines, and the name is written before the call only in
 * other calls (`name(`) or not at all.
 */
import type { Node } from 'web-tree-sitter';

/** A character of a name, as JavaScript reads names (letters of any script). */
const WORD = /[\p{L}\p{N}_$]/u;
/** Every word of a text (a number's digits are read as a word too, and never asked for). */
const WORDS = /[\p{L}\p{N}_$]+/gu;
/** How many names are searched for one by one before the whole text is read at once. */
const SEARCHED_ONE_BY_ONE = 16;
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
   * The first names asked for are searched one by one; past a few, one pass over the text reads
   * every word's places at once, since a large file asks for hundreds.
   */
  private occurrences(name: string): number[] {
    let found = this.positions.get(name);
    if (found) return found;
    if (this.positions.size >= SEARCHED_ONE_BY_ONE && !this.allRead) {
      this.readAll();
      return this.positions.get(name) ?? [];
    }
    found = [];
    const { text } = this;
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      if (!WORD.test(text[i + name.length] ?? '') && this.mayDeclare(i, name.length)) found.push(i);
    }
    this.positions.set(name, found);
    return found;
  }

  private allRead = false;

  /** Every word of the text with the places where it may be declared. */
  private readAll(): void {
    this.allRead = true;
    this.positions.clear();
    for (const match of this.text.matchAll(WORDS)) {
      const i = match.index ?? 0;
      if (!this.mayDeclare(i, match[0].length)) continue;
      let at = this.positions.get(match[0]);
      if (!at) this.positions.set(match[0], (at = []));
      at.push(i);
    }
  }

  /** True when the word at `i` (`length` long, ending at a word boundary) could declare its name. */
  private mayDeclare(i: number, length: number): boolean {
    const { text } = this;
    const before = i > 0 ? text[i - 1] : '';
    // `...name` is a rest parameter, `.name` a property.
    if (WORD.test(before) || (before === '.' && text[i - 2] !== '.')) return false;
    CALLED.lastIndex = i + length;
    return !CALLED.test(text) || DECLARED_FUNCTION.test(text.slice(Math.max(0, i - 40), i));
  }
}
