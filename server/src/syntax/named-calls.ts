/**
 * Calls found by the name they call, from the file's text: the same word search as
 * scope-words.ts, for rules that look at calls outside loops (the sorts whose comparators they
 * read). A regular expression finds the names and the tree is asked only for the token at each,
 * instead of a walk over every node.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from './dialect';

/**
 * The calls whose callee ends in a name `words` matches (its first group when it has one, else
 * the whole match), each once, in document order.
 */
export function callsNamed(root: Node, dialect: Dialect, words: RegExp): Node[] {
  const text = root.text;
  const base = root.startIndex;
  const found = new Map<number, Node>();
  for (const match of text.matchAll(words)) {
    const word = match[1] ?? match[0];
    const start = base + match.index + match[0].indexOf(word);
    let node: Node | null = root.descendantForIndex(start, start + word.length);
    // The word in a string or a comment is not a name.
    if (node?.text !== word) continue;
    // From the name up through the member expression to the call, at most three steps.
    for (let steps = 0; node && steps < 3 && !dialect.callTypes.has(node.type); steps++) node = node.parent;
    if (node && dialect.callTypes.has(node.type) && !found.has(node.id)) found.set(node.id, node);
  }
  return [...found.values()].sort((a, b) => a.startIndex - b.startIndex);
}
