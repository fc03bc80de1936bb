/**
 * Python names are bound by assignments, parameters, loop targets and `with … as` targets. The
 * lookup takes the last binding before a use in the blocks around it and stops at the enclosing
 * function, since assigning to a name makes it local there.
 */
import type { Node } from 'web-tree-sitter';
import { Declaration, DeclarationReader, isField, named } from './reader';

function assignment(statement: Node, name: string): Declaration | undefined {
  const node = statement.firstNamedChild;
  if (node?.type !== 'assignment') return undefined;
  const target = node.childForFieldName('left');
  if (target?.type !== 'identifier' || target.text !== name) return undefined;
  return { name: target, type: node.childForFieldName('type') ?? undefined, value: node.childForFieldName('right') ?? undefined };
}

function parameter(parameters: Node, name: string): Declaration | undefined {
  for (const p of parameters.namedChildren) {
    if (!p) continue;
    if (p.type === 'identifier' && p.text === name) return { name: p };
    // A typed parameter names its identifier without a field; the defaulted kinds use `name`.
    const id = p.type === 'typed_parameter' ? named(p.namedChildren, name) : p.childForFieldName('name');
    if (id?.text !== name) continue;
    return { name: id, type: p.childForFieldName('type') ?? undefined, value: p.childForFieldName('value') ?? undefined };
  }
  return undefined;
}

/** `with open(p) as f:` and `with make() as (a, b):` bind the names after `as`. */
function withTarget(clause: Node, name: string): Declaration | undefined {
  for (const item of clause.namedChildren) {
    const alias = item?.type === 'with_item' ? item.childForFieldName('value')?.childForFieldName('alias') : undefined;
    const id = alias && named([...alias.namedChildren, ...alias.descendantsOfType('identifier')], name);
    if (id) return { name: id };
  }
  return undefined;
}

export const python: DeclarationReader = {
  read(child, name) {
    switch (child.type) {
      case 'expression_statement':
        return assignment(child, name);
      case 'parameters':
        return parameter(child, name);
      case 'with_clause':
        return withTarget(child, name);
      case 'identifier':
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern': {
        // A loop's target, `for s in …` or `for i, s in …`: bound again in each iteration.
        if (child.parent?.type !== 'for_statement' || !isField(child, 'left')) return undefined;
        const id = named(child.type === 'identifier' ? [child] : child.namedChildren, name);
        return id ? { name: id } : undefined;
      }
      default:
        return undefined;
    }
  },
  unordered: new Set(),
  boundaries: new Set(['function_definition', 'lambda', 'class_definition']),
};
