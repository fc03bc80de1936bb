/**
 * What a language tells the scope lookup (../scopes.ts): which declaration a node makes.
 */
import type { Node } from 'web-tree-sitter';

export interface Declaration {
  /** The identifier that introduces the name. */
  name: Node;
  /** The type written with it, if any: `String`, `string`, `str`. */
  type?: Node;
  /** The value it starts with, if the declaration gives one. */
  value?: Node;
}

export interface DeclarationReader {
  /** The declaration of `name` that `child` (a statement, parameter list, loop header) makes, if any. */
  read(child: Node, name: string): Declaration | undefined;
  /** Node types whose children are in scope wherever they stand (class bodies, Go files). */
  unordered: ReadonlySet<string>;
  /** Node types the lookup does not leave, after reading their own children (Python functions). */
  boundaries: ReadonlySet<string>;
}

/** True when `child` is the node in `field` of its parent: a loop's variable, a lambda's parameter. */
export function isField(child: Node, field: string): boolean {
  const own = child.parent?.childForFieldName(field);
  return !!own && own.equals(child);
}

/** The identifier named `name` among `nodes`, if there is one. */
export function named(nodes: ReadonlyArray<Node | null>, name: string): Node | undefined {
  return nodes.find((n): n is Node => n?.type === 'identifier' && n.text === name);
}
