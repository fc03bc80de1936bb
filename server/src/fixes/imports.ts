/**
 * Imports and top-level declarations a fix adds: `import re` in Python, `"strings"` in Go,
 * `import java.util.HashSet;` in Java, each only when the file does not have it yet, placed
 * after the file's other imports; and the place above a top-level declaration where a new
 * package-level one goes.
 */
import type { Node } from 'web-tree-sitter';
import type { OffsetEdit } from './offset-edits';

/** The offset where the line holding `offset` starts. */
export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line holding `offset`, its line break included. */
function afterLine(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  return end < 0 ? source.length : end + 1;
}

/** An insertion of whole lines after the line where `node` ends (a line break first at the end of the file). */
function linesAfter(source: string, node: Node, lines: string): OffsetEdit {
  const at = afterLine(source, node.endIndex);
  const lead = at === source.length && !source.endsWith('\n') ? '\n' : '';
  return { start: at, end: at, text: `${lead}${lines}\n` };
}

function lastOfTypes(root: Node, types: ReadonlySet<string>): Node | undefined {
  const found = root.namedChildren.filter((c): c is Node => !!c && types.has(c.type));
  return found[found.length - 1];
}

const PYTHON_IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/** `import module` for a Python file, unless it already imports the module whole. */
export function pythonImport(root: Node, module: string): OffsetEdit | undefined {
  const source = root.text;
  const has = root.namedChildren.some((c) => c?.type === 'import_statement' && c.namedChildren.some((n) => n?.text === module));
  if (has) return undefined;
  const last = lastOfTypes(root, PYTHON_IMPORTS);
  if (last) return linesAfter(source, last, `import ${module}`);
  // Above the first statement, below a module docstring and the comments at the top.
  const first = root.namedChildren.find((c): c is Node => !!c && c.type !== 'comment');
  const docstring = first?.type === 'expression_statement' && first.namedChild(0)?.type === 'string' ? first : undefined;
  if (docstring) return linesAfter(source, docstring, `\nimport ${module}`);
  const at = first ? lineStart(source, first.startIndex) : source.length;
  return { start: at, end: at, text: `import ${module}\n\n` };
}

/** `import java.util.HashSet;` for a Java file, unless it imports the class or its package already. */
export function javaImport(root: Node, qualified: string): OffsetEdit | undefined {
  const source = root.text;
  const pkg = qualified.slice(0, qualified.lastIndexOf('.'));
  const imports = root.namedChildren.filter((c): c is Node => c?.type === 'import_declaration');
  const written = (c: Node) => c.text.replace(/^import\s+|\s*;$/g, '').replace(/\s+/g, '');
  if (imports.some((c) => written(c) === qualified || written(c) === `${pkg}.*`)) return undefined;
  const last = imports[imports.length - 1];
  if (last) return linesAfter(source, last, `import ${qualified};`);
  const pkgDecl = root.namedChildren.find((c): c is Node => c?.type === 'package_declaration');
  if (pkgDecl) return linesAfter(source, pkgDecl, `\nimport ${qualified};`);
  return { start: 0, end: 0, text: `import ${qualified};\n\n` };
}

/** `"strings"` in a Go file's imports: into its parenthesised import list, or a line of its own. */
export function goImport(root: Node, path: string): OffsetEdit | undefined {
  const source = root.text;
  const quoted = JSON.stringify(path);
  const specs = root.descendantsOfType('import_spec').filter((s): s is Node => !!s);
  if (specs.some((s) => s.childForFieldName('path')?.text === quoted && !s.childForFieldName('name'))) return undefined;
  const list = root.descendantsOfType('import_spec_list').find((l): l is Node => !!l);
  const inList = list?.namedChildren.filter((s): s is Node => s?.type === 'import_spec') ?? [];
  const lastSpec = inList[inList.length - 1];
  if (lastSpec) {
    const indent = /^[ \t]*/.exec(source.slice(lineStart(source, lastSpec.startIndex)))![0];
    return linesAfter(source, lastSpec, `${indent}${quoted}`);
  }
  const last = lastOfTypes(root, new Set(['import_declaration']));
  if (last) return linesAfter(source, last, `import ${quoted}`);
  const pkg = root.namedChildren.find((c): c is Node => c?.type === 'package_clause');
  return pkg ? linesAfter(source, pkg, `\nimport ${quoted}`) : undefined;
}

/**
 * The offset where a declaration goes above the top-level declaration holding `node`: above
 * that declaration's doc comment, so the comment stays with what it documents.
 */
export function aboveTopLevel(node: Node): number | undefined {
  let top: Node = node;
  while (top.parent && top.parent.parent) top = top.parent;
  if (!top.parent) return undefined;
  let first = top;
  for (let prev = first.previousSibling; prev?.type === 'comment' && prev.endPosition.row + 1 >= first.startPosition.row; prev = prev.previousSibling) {
    first = prev;
  }
  return lineStart(top.tree.rootNode.text, first.startIndex);
}
