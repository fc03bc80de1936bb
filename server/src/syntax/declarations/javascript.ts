/**
 * JavaScript and TypeScript declare names with `const`, `let` and `var`, parameters, loop and
 * `catch` headers, and function and class declarations. Module-level declarations are in scope
 * throughout the file (functions written above a `const` run after it); inside functions the
 * lookup reads what comes before the use. Closures see the names of the functions around them.
 */
import type { Node } from 'web-tree-sitter';
import { Declaration, DeclarationReader, isField } from './reader';

/** Node types that name what they bind (`shorthand_property_identifier_pattern` in `{ a }`). */
const NAMES = new Set(['identifier', 'shorthand_property_identifier_pattern']);

/** The type written in a TypeScript annotation (`string[]` in `: string[]`). */
function annotated(node: Node): Node | undefined {
  const annotation = node.childForFieldName('type');
  return annotation?.type === 'type_annotation' ? (annotation.firstNamedChild ?? undefined) : (annotation ?? undefined);
}

/**
 * The identifier a binding pattern binds under `name`: the pattern itself, or one inside
 * `{ a, b: c }`, `[a, ...rest]` or `a = fallback` (keys and defaults bind nothing).
 */
function boundIn(pattern: Node, name: string): Node | undefined {
  if (NAMES.has(pattern.type)) return pattern.text === name ? pattern : undefined;
  if (pattern.type === 'pair_pattern') {
    const value = pattern.childForFieldName('value');
    return value ? boundIn(value, name) : undefined;
  }
  if (pattern.type === 'assignment_pattern' || pattern.type === 'object_assignment_pattern') {
    const left = pattern.childForFieldName('left');
    return left ? boundIn(left, name) : undefined;
  }
  if (!['object_pattern', 'array_pattern', 'rest_pattern'].includes(pattern.type)) return undefined;
  for (const child of pattern.namedChildren) {
    const found = child && boundIn(child, name);
    if (found) return found;
  }
  return undefined;
}

/** `const a = 1, { b } = c;`: one of the declarators, with its annotation and value. */
function variable(declaration: Node, name: string): Declaration | undefined {
  for (const declarator of declaration.namedChildren) {
    const pattern = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name') : null;
    const id = pattern && boundIn(pattern, name);
    if (!declarator || !id) continue;
    // Only a name bound whole receives the declarator's value; a destructured one gets a part of it.
    if (!id.equals(pattern)) return { name: id };
    return { name: id, type: annotated(declarator), value: declarator.childForFieldName('value') ?? undefined };
  }
  return undefined;
}

/** A function's parameters: plain, defaulted, destructured and, in TypeScript, annotated. */
function parameter(parameters: Node, name: string): Declaration | undefined {
  for (const p of parameters.namedChildren) {
    if (!p) continue;
    const typed = p.type === 'required_parameter' || p.type === 'optional_parameter';
    const pattern = typed ? p.childForFieldName('pattern') : p;
    const id = pattern && boundIn(pattern, name);
    if (!id) continue;
    return typed && id.equals(pattern) ? { name: id, type: annotated(p) } : { name: id };
  }
  return undefined;
}

/** The variable of `for (const x of xs)`, `catch (err)` or an arrow's only parameter `x => …`. */
function header(node: Node, name: string): Declaration | undefined {
  const parent = node.parent;
  const declares =
    (parent?.type === 'for_in_statement' && isField(node, 'left') && !!parent.childForFieldName('kind')) ||
    (parent?.type === 'catch_clause' && isField(node, 'parameter')) ||
    (parent?.type === 'arrow_function' && isField(node, 'parameter'));
  const id = declares ? boundIn(node, name) : undefined;
  return id ? { name: id } : undefined;
}

function read(child: Node, name: string): Declaration | undefined {
  switch (child.type) {
    case 'lexical_declaration':
    case 'variable_declaration':
      return variable(child, name);
    case 'export_statement': {
      const declaration = child.childForFieldName('declaration');
      return declaration ? read(declaration, name) : undefined;
    }
    case 'formal_parameters':
      return parameter(child, name);
    case 'function_declaration':
    case 'generator_function_declaration':
    case 'class_declaration': {
      const id = child.childForFieldName('name');
      return id?.text === name ? { name: id } : undefined;
    }
    default:
      return header(child, name);
  }
}

export const javascript: DeclarationReader = {
  read,
  unordered: new Set(['program']),
  boundaries: new Set(),
};
