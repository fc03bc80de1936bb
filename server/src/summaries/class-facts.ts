/**
 * What a class declaration tells the index: its name and the classes it extends or implements,
 * as written, so that a method missing from the class can be looked for in its bases.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../syntax/languages';
import type { ClassFact } from './file-summary';

/** A base as a path of names (`BaseRepo`, `base.BaseRepo`); anything else (a call, a subscript) is left out. */
const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** `Repository` in `Repository<User>`; a plain path, or undefined. */
function plain(node: Node | null | undefined): string | undefined {
  const text = node?.text.replace(/<.*$/s, '').trim();
  return text && PATH.test(text) ? text : undefined;
}

/** Java types (`B<T>`, `com.example.A`) by their simple names. */
function javaTypes(types: ReadonlyArray<Node | null>): string[] {
  const names: string[] = [];
  for (const type of types) {
    const name = plain(type);
    if (name) names.push(name.slice(name.lastIndexOf('.') + 1));
  }
  return names;
}

function basesOf(node: Node, language: LanguageId): string[] {
  switch (language) {
    case 'python':
      // `metaclass=…` and other keyword arguments are not bases.
      return (node.childForFieldName('superclasses')?.namedChildren ?? []).flatMap((c) => (c?.type === 'identifier' || c?.type === 'attribute' ? [c.text] : []));
    case 'javascript':
    case 'typescript': {
      const heritage = node.namedChildren.find((c) => c?.type === 'class_heritage');
      // TypeScript wraps the base in an `extends_clause`; JavaScript gives the expression itself.
      const clause = heritage?.namedChildren.find((c) => c?.type === 'extends_clause');
      const base = plain(clause ? clause.childForFieldName('value') : heritage?.firstNamedChild);
      return base ? [base] : [];
    }
    case 'java': {
      const superclass = node.childForFieldName('superclass')?.firstNamedChild;
      const interfaces = node.childForFieldName('interfaces') ?? node.namedChildren.find((c) => c?.type === 'extends_interfaces');
      return javaTypes([superclass ?? null, ...(interfaces?.firstNamedChild?.namedChildren ?? [])]);
    }
    default:
      return [];
  }
}

/** The class a declaration node declares, or undefined for an anonymous class. */
export function classFact(node: Node, language: LanguageId): ClassFact | undefined {
  const name = node.childForFieldName('name')?.text;
  if (!name) return undefined;
  const fact: ClassFact = { name, bases: basesOf(node, language) };
  if (node.type === 'interface_declaration') fact.isInterface = true;
  return fact;
}
