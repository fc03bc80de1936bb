/**
 * Where a function stands: at module level, as a method of a class (or a Go method of a type),
 * or nested in another function. Only the first two can be called from elsewhere by name.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';
import type { LanguageId } from '../syntax/languages';

/** Node types of classes, per language: a function directly inside one is a method. */
export const CLASSES_OF: Record<LanguageId, readonly string[]> = {
  python: ['class_definition'],
  javascript: ['class_declaration', 'class'],
  typescript: ['class_declaration', 'class', 'abstract_class_declaration'],
  go: [],
  java: ['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration'],
};


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
 * The name, class and self name of a function that is not nested in another function: `owner`
 * is the class it stands directly in, if any. Undefined for anonymous functions.
 */
export function functionContext(fn: Node, dialect: Dialect, owner: string | undefined): FunctionContext | undefined {
  const name = dialect.func(fn).name;
  if (!name) return undefined;
  if (fn.type === 'method_declaration' && dialect.language === 'go') return { name, ...goReceiver(fn) };
  if (owner === undefined) return { name };
  return { name, owner, selfName: dialect.language === 'python' ? pythonSelf(fn) : 'this' };
}
