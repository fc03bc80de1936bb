/**
 * Java: the class each call of a file's summary is made on, from the declared type of its
 * receiver (`repo.find()` with `UserRepository repo`, `this.repo.find()` with a field) or the
 * class named itself (`Users.find()`).
 */
import type { Node } from 'web-tree-sitter';
import type { CallFact, FileSummary } from './file-summary';
import { record } from './record-type';

/** `UserRepository` in `UserRepository<User>` or `final UserRepository`. */
function typeName(type: Node | undefined): string | undefined {
  const text = type?.text.replace(/<.*$/s, '').trim();
  return text && /^[A-Za-z_$][\w$.]*$/.test(text) ? text.slice(text.lastIndexOf('.') + 1) : undefined;
}

/** The variable or field a call is made on: `repo` in `repo.find` and `this.repo.find`. */
function receiverOf(path: string): string | undefined {
  const parts = path.split('.');
  return parts.length === 3 && parts[0] === 'this' ? parts[1] : parts.length === 2 ? parts[0] : undefined;
}

/** The names a field, local variable or parameter declaration declares, each with the declaration's type. */
function declared(declaration: Node): Array<{ name: string; type: string | undefined }> {
  const type = declaration.childForFieldName('type');
  if (!type) return [];
  const names =
    declaration.type === 'formal_parameter'
      ? [declaration.childForFieldName('name')]
      : declaration.childrenForFieldName('declarator').map((d) => (d?.type === 'variable_declarator' ? d.childForFieldName('name') : null));
  return names.flatMap((n) => (n?.type === 'identifier' ? [{ name: n.text, type: typeName(type) }] : []));
}

/**
 * The types the names are declared with anywhere in the file. A name declared with two
 * different types is ambiguous and maps to undefined: no type is guessed. Names not declared
 * are absent. Only the declarations whose text holds one of the names are read: reading every
 * declaration of a file cost a third of its parse time. (Looking up each receiver's declaration
 * through its scopes instead read every node's parents, which web-tree-sitter finds by walking
 * down from the root, and tripled the summary's cost.)
 */
function declaredTypes(declarations: readonly Node[], names: ReadonlySet<string>): Map<string, string | undefined> {
  const types = new Map<string, string | undefined>();
  if (names.size === 0) return types;
  const word = new RegExp(`(?<![\\w$])(?:${[...names].map((n) => n.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`);
  for (const declaration of declarations) {
    if (!word.test(declaration.text)) continue;
    for (const { name, type } of declared(declaration)) {
      if (!names.has(name)) continue;
      record(types, name, type);
    }
  }
  return types;
}

/**
 * Gives each call of the summary the class it is made on, where the file tells: `declarations`
 * are the file's fields, local variables and parameters (field_declaration,
 * local_variable_declaration and formal_parameter nodes).
 */
export function addReceiverTypes(summary: FileSummary, declarations: readonly Node[]): void {
  const calls: CallFact[] = [...summary.loopCalls];
  for (const fn of summary.functions) calls.push(...(fn.io ? [fn.io] : []), ...fn.calls);
  const receivers = new Set(calls.flatMap((c) => receiverOf(c.path) ?? []));
  const types = declaredTypes(declarations, receivers);
  for (const call of calls) {
    const variable = receiverOf(call.path);
    if (!variable) continue;
    const type = types.has(variable) ? types.get(variable) : call.path.split('.').length === 2 && /^[A-Z]/.test(variable) ? variable : undefined;
    if (type) call.receiverType = type;
  }
}
