/**
 * The functions of a parsed file with their names and line spans: where code lenses go and
 * which function a measured line belongs to.
 */
import { Query, Tree } from 'web-tree-sitter';
import { dialectFor } from './dialects';
import type { GrammarId } from './languages';

export interface SourceFunction {
  /** Absent for anonymous functions. */
  name?: string;
  /** 0-based lines. */
  startLine: number;
  endLine: number;
}

const queries = new Map<GrammarId, Query>();

export function listFunctions(tree: Tree, grammar: GrammarId): SourceFunction[] {
  const dialect = dialectFor(grammar);
  let query = queries.get(grammar);
  if (!query) {
    query = new Query(tree.language, `[${[...dialect.functionTypes].map((t) => `(${t})`).join(' ')}] @function`);
    queries.set(grammar, query);
  }
  return query.captures(tree.rootNode).map(({ node }) => ({
    name: dialect.func(node).name,
    startLine: node.startPosition.row,
    endLine: node.endPosition.row,
  }));
}
