/**
 * A Go file's package and imports: `import "example.com/app/store"` binds `store` (or the alias
 * written before the path) to the package at that import path.
 */
import type { Node } from 'web-tree-sitter';
import type { ImportBinding } from '../file-summary';

function readSpec(spec: Node, into: ImportBinding[]): void {
  const raw = spec.childForFieldName('path')?.text;
  const module = raw?.replace(/^["`]|["`]$/g, '');
  if (!module) return;
  const alias = spec.childForFieldName('name')?.text;
  // A blank or dot import binds no name of its own.
  if (alias === '_' || alias === '.') return;
  into.push({ local: alias ?? module.slice(module.lastIndexOf('/') + 1), module });
}

export function goBindings(root: Node): { bindings: ImportBinding[]; packageName?: string } {
  const bindings: ImportBinding[] = [];
  let packageName: string | undefined;
  for (const child of root.namedChildren) {
    if (child?.type === 'package_clause') packageName = child.firstNamedChild?.text;
    if (child?.type !== 'import_declaration') continue;
    for (const part of child.namedChildren) {
      if (part?.type === 'import_spec') readSpec(part, bindings);
      else if (part?.type === 'import_spec_list') for (const spec of part.namedChildren) if (spec?.type === 'import_spec') readSpec(spec, bindings);
    }
  }
  return { bindings, packageName };
}
