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
