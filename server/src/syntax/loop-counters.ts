/**
 * The names a C-style `for` loop steps in its update clause: `i` in `for (…; …; i++)` in
 * JavaScript (its `increment`) and Java (its `update`), and in Go's `for i := 0; i < n; i++`,
 * whose clause is a node of its own.
 */
import type { Node } from 'web-tree-sitter';

export function counters(loop: Node): Set<string> {
  if (loop.type !== 'for_statement') return new Set();
  const clause = loop.namedChildren.find((c) => c?.type === 'for_clause') ?? loop;
  const updates = [...clause.childrenForFieldName('update'), ...clause.childrenForFieldName('increment')];
  return new Set(updates.flatMap((u) => u?.text.match(/[A-Za-z_$][\w$]*/g) ?? []));
}
