/**
 * Go declares names with `var`, `:=`, parameters and results, and loop headers. Package-level
 * declarations are in scope throughout the file, wherever they are written.
 */
import type { Node } from 'web-tree-sitter';
import { Declaration, DeclarationReader, named } from './reader';

/** The `index`th expression of an expression list, if the list has that many. */
function nth(list: Node | null, index: number): Node | undefined {
  return list?.namedChildren.filter((c) => c?.type !== 'comment')[index] ?? undefined;
}

/** `var a, b string = "x", "y"` and `const` specs: several names, one type, values by position. */
function spec(node: Node, name: string): Declaration | undefined {
  const names = node.childrenForFieldName('name');
  const id = named(names, name);
  if (!id) return undefined;
  const index = names.findIndex((n) => n?.equals(id));
  return { name: id, type: node.childForFieldName('type') ?? undefined, value: nth(node.childForFieldName('value'), index) };
}

/** `a, s := 1, ""`: names and values by position, no type. */
function shortVar(node: Node, name: string): Declaration | undefined {
  const left = node.childForFieldName('left');
  const names = left?.namedChildren ?? [];
  const id = named(names, name);
  if (!id) return undefined;
  return { name: id, value: nth(node.childForFieldName('right'), names.findIndex((n) => n?.equals(id))) };
}

function read(child: Node, name: string): Declaration | undefined {
  switch (child.type) {
    case 'var_declaration':
    case 'const_declaration':
    case 'var_spec_list':
    case 'parameter_list':
      for (const c of child.namedChildren) {
        const found = c && read(c, name);
        if (found) return found;
      }
      return undefined;
    case 'var_spec':
    case 'const_spec':
    case 'parameter_declaration':
    case 'variadic_parameter_declaration':
      return spec(child, name);
    case 'short_var_declaration':
      return shortVar(child, name);
    case 'for_clause': {
      const init = child.childForFieldName('initializer');
      return init ? read(init, name) : undefined;
    }
    case 'range_clause': {
      // `for i, s := range xs` declares the loop's own variables; `for i, s = range xs` assigns outer ones.
      if (!child.children.some((c) => c?.type === ':=')) return undefined;
      const id = named(child.childForFieldName('left')?.namedChildren ?? [], name);
      return id ? { name: id } : undefined;
    }
    default:
      return undefined;
  }
}

export const go: DeclarationReader = {
  read,
  unordered: new Set(['source_file']),
  boundaries: new Set(),
};
