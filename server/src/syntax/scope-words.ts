/**
 * Finds the loops, async functions and per-item callbacks of a file from its text, without
 * visiting every node of its tree.
 *
 * Each of them has a word of its own in the source: a loop its keyword (`for`, `while`), an async
 * function `async`, a callback the name of the method it is passed to (`map`). A regular
 * expression finds those words, and the tree is asked only for the token at each one: a
 * descent from the root, a few calls into the parser's WASM. Walking the whole tree instead
 * (a query, or `descendantsOfType`) costs 16-27% of the time the parse took, on the bench corpus
 * of every language; the words cost a few percent, comments and strings that say "for" included.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from './dialect';

/**
 * The nodes the dialect's scope words within `root` (a tree's root, or one function) belong to,
 * each once, in no particular order. Candidates: the caller reads each with `loop()` or `func()`.
 */
export function scopeCandidates(root: Node, dialect: Dialect): Node[] {
  // A node's text starts at its first token, where its start index points.
  const text = root.text;
  const base = root.startIndex;
  const found = new Map<number, Node>();
  for (const match of text.matchAll(dialect.scopeWords)) {
    const word = match[1] ?? match[0];
    const start = base + match.index + match[0].length - word.length;
    const token = root.descendantForIndex(start, start + word.length);
    if (!token) continue;
    for (const node of dialect.scopesAt(token)) if (!found.has(node.id)) found.set(node.id, node);
  }
  return [...found.values()];
}
