/**
 * Where a function stands: at module level, as a method of a class (or a Go method of a type),
 * or nested in another function. Only the first two can be called from elsewhere by name.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';

const CLASS_TYPES = new Set([
  'class_definition', // Python
  'class_declaration', 'class', 'abstract_class_declaration', // JavaScript, TypeScript, Java
  'interface_declaration', 'enum_declaration', 'record_declaration', // Java
]);

export interface FunctionContext {
  name: string;
  owner?: string;
  selfName?: string;
}

/** `s` and `Store` in `func (s *Store) Load()`. */
function goReceiver(method: Node): { owner?: string; selfName?: string } {
  const param = method.childForFieldName('receiver')?.namedChildren.find((c) => c?.type === 'parameter_declaration');
  let type = param?.childForFieldName('type');
  while (type && type.type !== 'type_identifier') type = type.type === 'generic_type' ? type.childForFieldName('type') : type.firstNamedChild;
  return { owner: type?.text, selfName: param?.childForFieldName('name')?.text };
}

/** The first parameter of a Python method: `self`, or `cls` in a class method. */
function pythonSelf(fn: Node): string | undefined {
  const first = fn.childForFieldName('parameters')?.namedChildren[0];
  return first?.type === 'identifier' ? first.text : undefined;
}

/**
 * The name, class and self name of a function that can be called by name from outside it;
 * undefined for anonymous functions and functions nested in other functions.
 */
export function functionContext(fn: Node, dialect: Dialect): FunctionContext | undefined {
  const name = dialect.func(fn).name;
  if (!name) return undefined;
  if (fn.type === 'method_declaration' && dialect.language === 'go') return { name, ...goReceiver(fn) };
  for (let n = fn.parent; n; n = n.parent) {
    if (dialect.functionTypes.has(n.type)) return undefined;
    if (!CLASS_TYPES.has(n.type)) continue;
    const owner = n.childForFieldName('name')?.text;
    return { name, owner, selfName: dialect.language === 'python' ? pythonSelf(fn) : 'this' };
  }
  return { name };
}
