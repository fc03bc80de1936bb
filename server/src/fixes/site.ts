/**
 * The code around a finding, read from today's syntax tree: the flagged node, the loops around
 * it (innermost first, up to the function they are in), and the statements holding them.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { Range } from '../findings';
import type { Dialect, LoopShape } from '../syntax/dialect';
import { dialectFor } from '../syntax/dialects';
import { GrammarId, grammarInfo, LanguageId } from '../syntax/languages';

export interface LoopAt {
  node: Node;
  shape: LoopShape;
}

export interface FindingSite {
  text: string;
  language: LanguageId;
  dialect: Dialect;
  /** The node whose range is the finding's. */
  node: Node;
  /** Loops around the node, innermost first, within its function (callbacks count as loops). */
  loops: LoopAt[];
  /**
   * The texts of the other files whose top-level names the file shares (the other files of a Go
   * package): a name a fix adds at top level must be new in them too. Empty when none are known.
   */
  packageTexts: readonly string[];
}

/** Node types whose children are statements: a statement is a node directly inside one. */
const STATEMENT_PARENTS = new Set(['block', 'module', 'program', 'statement_block', 'source_file', 'statement_list', 'class_body', 'switch_body', 'expression_case', 'switch_case', 'case_clause', 'communication_case', 'default_case']);

/** The statement a node is part of. */
export function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && !STATEMENT_PARENTS.has(current.parent.type)) current = current.parent;
  return current;
}

function nodeAt(tree: Tree, range: Range): Node | undefined {
  const start = { row: range.start.line, column: range.start.character };
  const end = { row: range.end.line, column: range.end.character };
  for (let n: Node | null = tree.rootNode.descendantForPosition(start, end); n; n = n.parent) {
    const s = n.startPosition;
    const e = n.endPosition;
    if (s.row === start.row && s.column === start.column && e.row === end.row && e.column === end.column) return n;
    if (s.row < start.row || (s.row === start.row && s.column < start.column)) return undefined;
  }
  return undefined;
}

export function findingSite(tree: Tree, grammar: GrammarId, text: string, range: Range, packageTexts: readonly string[] = []): FindingSite | undefined {
  const node = nodeAt(tree, range);
  if (!node) return undefined;
  const dialect = dialectFor(grammar);
  const loops: LoopAt[] = [];
  for (let n = node.parent; n; n = n.parent) {
    if (dialect.functionTypes.has(n.type)) {
      const callback = dialect.func(n).callback;
      if (!callback) break;
      loops.push({ node: n, shape: callback });
    } else if (dialect.loopTypes.has(n.type)) {
      const shape = dialect.loop(n);
      if (shape) loops.push({ node: n, shape });
    }
  }
  return { text, language: grammarInfo(grammar).language, dialect, node, loops, packageTexts };
}
