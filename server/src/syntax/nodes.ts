/** Small readers of syntax nodes that several dialects share. */
import type { Node } from 'web-tree-sitter';
import type { Assignment } from './dialect';

/** An assignment in the grammars that name its parts `left`, `operator` and `right`. */
export function readAssignment(node: Node): Assignment | undefined {
  const target = node.childForFieldName('left');
  const value = node.childForFieldName('right');
  if (!target || !value) return undefined;
  return { target, value, operator: node.childForFieldName('operator')?.text ?? '=' };
}

/** The named children of a call's `arguments` node, comments left out. */
export function namedArgs(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return args ? args.namedChildren.filter((a): a is Node => !!a && a.type !== 'comment') : [];
}

/**
 * Dialect.scopeWords from its parts (see keyword() and member()): a regular expression whose
 * every match ends with a scope word, which is its first group when it has one.
 */
export function scopePattern(...parts: string[]): RegExp {
  return new RegExp(parts.join('|'), 'g');
}

/**
 * Keywords, found whole. With `next`, only where one of those tokens follows (after spacing),
 * or a comment (`for /* … *\/ (`): `for (` is a loop, the "for" of a comment is not.
 */
export function keyword(words: readonly string[], next?: string): string {
  const lookahead = next === undefined ? '\\b' : `(?=\\s*(?:${next}|/))`;
  return `\\b(?:${words.join('|')})${lookahead}`;
}

/**
 * Names of methods, found where they follow a `.` after spacing, or a comment that may stand
 * between the `.` and the name (`items./* … *\/map`, `items.// …` and a line break). A line
 * break alone would also do for the second, but trying every line made the expression a third
 * slower on the JavaScript corpus.
 */
export function member(names: Iterable<string>): string {
  return `(?:\\.|\\*/|//[^\n]*\n)\\s*(${[...names].join('|')})\\b`;
}

/** The node's parent when its type is one of `types`, as a list of candidates. */
export function parentOfType(node: Node, types: ReadonlySet<string>): Node[] {
  const parent = node.parent;
  return parent && types.has(parent.type) ? [parent] : [];
}

/** The functions passed straight to a call: `(x) => …` in `items.map((x) => …)`. */
export function functionArguments(call: Node | null, callTypes: ReadonlySet<string>, functionTypes: ReadonlySet<string>): Node[] {
  if (!call || !callTypes.has(call.type)) return [];
  const args = call.childForFieldName('arguments');
  return args ? args.namedChildren.filter((a): a is Node => !!a && functionTypes.has(a.type)) : [];
}
