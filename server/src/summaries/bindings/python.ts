/**
 * Python's module-level imports as bindings: `import shop.db` binds `shop` to the package,
 * `import shop.db as db` binds `db` to the module, `from .db import fetch as f` binds `f` to the
 * member `fetch` of the module `.db`.
 */
import type { Node } from 'web-tree-sitter';
import type { ImportBinding } from '../file-summary';

/** Statements that may hold imports of their module (`try: import ujson as json`). */
const NESTING = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'block']);

function read(statement: Node, into: ImportBinding[]): void {
  if (statement.type === 'import_statement') {
    for (const name of statement.childrenForFieldName('name')) {
      if (name?.type === 'aliased_import') {
        const alias = name.childForFieldName('alias')?.text;
        const module = name.childForFieldName('name')?.text;
        if (alias && module) into.push({ local: alias, module });
      } else if (name) {
        // `import shop.db` binds `shop`; `shop.db.fetch()` is resolved from there.
        const root = name.firstNamedChild?.text;
        if (root) into.push({ local: root, module: root });
      }
    }
  } else if (statement.type === 'import_from_statement') {
    const module = statement.childForFieldName('module_name')?.text;
    if (!module) return;
    for (const name of statement.childrenForFieldName('name')) {
      const imported = name?.type === 'aliased_import' ? name.childForFieldName('name')?.text : name?.text;
      const local = name?.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name?.text;
      if (imported && local) into.push({ local, module, name: imported });
    }
  } else if (NESTING.has(statement.type)) {
    for (const child of statement.namedChildren) if (child) read(child, into);
  }
}

export function pythonBindings(root: Node): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of root.namedChildren) if (statement) read(statement, bindings);
  return bindings;
}
