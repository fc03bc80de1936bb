/**
 * Java declares names in local variable declarations, fields, parameters and loop headers.
 * Fields are in scope throughout their class, wherever they are written.
 */
import type { Node } from 'web-tree-sitter';
import { Declaration, DeclarationReader, isField, named } from './reader';

/** `String a = "", b;`: a local variable or a field, one of several declarators. */
function variable(declaration: Node, name: string): Declaration | undefined {
  for (const declarator of declaration.childrenForFieldName('declarator')) {
    const id = declarator?.childForFieldName('name');
    if (!declarator || id?.text !== name) continue;
    return { name: id, type: declaration.childForFieldName('type') ?? undefined, value: declarator.childForFieldName('value') ?? undefined };
  }
  return undefined;
}

function parameter(parameters: Node, name: string): Declaration | undefined {
  for (const p of parameters.namedChildren) {
    const id = p?.type === 'formal_parameter' ? p.childForFieldName('name') : undefined;
    if (p && id?.text === name) return { name: id, type: p.childForFieldName('type') ?? undefined };
  }
  return undefined;
}

/** `for (String line : lines)` and a lambda's only parameter `x -> …`. */
function headerName(id: Node, name: string): Declaration | undefined {
  if (id.text !== name) return undefined;
  const parent = id.parent;
  if (parent?.type === 'enhanced_for_statement' && isField(id, 'name')) {
    return { name: id, type: parent.childForFieldName('type') ?? undefined };
  }
  if (parent?.type === 'lambda_expression' && isField(id, 'parameters')) return { name: id };
  return undefined;
}

export const java: DeclarationReader = {
  read(child, name) {
    switch (child.type) {
      case 'local_variable_declaration':
      case 'field_declaration':
      case 'constant_declaration':
        return variable(child, name);
      case 'formal_parameters':
        return parameter(child, name);
      case 'inferred_parameters': {
        const id = named(child.namedChildren, name);
        return id ? { name: id } : undefined;
      }
      case 'identifier':
        return headerName(child, name);
      default:
        return undefined;
    }
  },
  unordered: new Set(['class_body', 'interface_body', 'enum_body_declarations']),
  boundaries: new Set(),
};
