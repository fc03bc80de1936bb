/**
 * A Java file's package, classes and imports: `import com.example.repo.UserRepository;` binds
 * `UserRepository` to that class, `import com.example.repo.*;` makes every class of the package
 * a candidate. Static imports bind members, not classes, and are left out.
 */
import type { Node } from 'web-tree-sitter';
import type { ImportBinding } from '../file-summary';

const CLASS_TYPES = new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration']);

function readImport(statement: Node, into: ImportBinding[]): void {
  if (statement.children.some((c) => c?.type === 'static')) return;
  const name = statement.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier')?.text;
  if (!name) return;
  if (statement.namedChildren.some((c) => c?.type === 'asterisk')) {
    into.push({ local: '*', module: name, name: '*' });
    return;
  }
  const dot = name.lastIndexOf('.');
  if (dot > 0) into.push({ local: name.slice(dot + 1), module: name.slice(0, dot), name: name.slice(dot + 1) });
}

export function javaBindings(root: Node): { bindings: ImportBinding[]; packageName?: string; classes: string[] } {
  const bindings: ImportBinding[] = [];
  const classes: string[] = [];
  let packageName: string | undefined;
  for (const child of root.namedChildren) {
    if (child?.type === 'package_declaration') packageName = child.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier')?.text;
    else if (child?.type === 'import_declaration') readImport(child, bindings);
    else if (child && CLASS_TYPES.has(child.type)) {
      const name = child.childForFieldName('name')?.text;
      if (name) classes.push(name);
    }
  }
  return { bindings, packageName, classes };
}
