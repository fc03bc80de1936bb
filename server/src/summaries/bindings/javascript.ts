/**
 * ES imports and `require` calls at the top of a JavaScript or TypeScript module as bindings, and
 * the function its default export stands for.
 */
import type { Node } from 'web-tree-sitter';
import type { ImportBinding } from '../file-summary';

function stringValue(node: Node | null | undefined): string | undefined {
  return node?.type === 'string' ? node.namedChildren[0]?.text : undefined;
}

/** The module of `require('x')`, if the node is that call. */
function required(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'call_expression' || node.childForFieldName('function')?.text !== 'require') return undefined;
  return stringValue(node.childForFieldName('arguments')?.namedChildren[0]);
}

function readImport(statement: Node, into: ImportBinding[]): void {
  const module = stringValue(statement.childForFieldName('source'));
  const clause = statement.namedChildren.find((c) => c?.type === 'import_clause');
  if (!module || !clause) return;
  for (const part of clause.namedChildren) {
    if (part?.type === 'identifier') into.push({ local: part.text, module, name: 'default' });
    else if (part?.type === 'namespace_import' && part.firstNamedChild) into.push({ local: part.firstNamedChild.text, module });
    else if (part?.type === 'named_imports') {
      for (const spec of part.namedChildren) {
        const name = spec?.type === 'import_specifier' ? spec.childForFieldName('name')?.text : undefined;
        if (name) into.push({ local: spec?.childForFieldName('alias')?.text ?? name, module, name });
      }
    }
  }
}

/** `const db = require('./db')`, `const { fetch, load: get } = require('./db')`, `const f = require('./db').fetch`. */
function readRequire(declarator: Node, into: ImportBinding[]): void {
  const name = declarator.childForFieldName('name');
  const value = declarator.childForFieldName('value');
  if (!name || !value) return;
  const whole = required(value);
  const member = value.type === 'member_expression' ? required(value.childForFieldName('object')) : undefined;
  const property = value.childForFieldName('property')?.text;
  if (member && property && name.type === 'identifier') into.push({ local: name.text, module: member, name: property });
  else if (whole && name.type === 'identifier') into.push({ local: name.text, module: whole });
  else if (whole && name.type === 'object_pattern') {
    for (const part of name.namedChildren) {
      if (part?.type === 'shorthand_property_identifier_pattern') into.push({ local: part.text, module: whole, name: part.text });
      const local = part?.type === 'pair_pattern' ? part.childForFieldName('value') : undefined;
      const key = part?.childForFieldName('key')?.text;
      if (local?.type === 'identifier' && key) into.push({ local: local.text, module: whole, name: key });
    }
  }
}

/** The function `export default f`, `export default function f() {}` or `module.exports = f` stands for. */
function defaultExport(statement: Node): string | undefined {
  if (statement.type === 'export_statement' && statement.children.some((c) => c?.type === 'default')) {
    const declaration = statement.childForFieldName('declaration') ?? statement.childForFieldName('value');
    if (declaration?.type === 'identifier') return declaration.text;
    return declaration?.childForFieldName('name')?.text;
  }
  const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : null;
  if (assignment?.type !== 'assignment_expression' || assignment.childForFieldName('left')?.text !== 'module.exports') return undefined;
  const value = assignment.childForFieldName('right');
  return value?.type === 'identifier' ? value.text : value?.childForFieldName('name')?.text;
}

export function javascriptBindings(root: Node): { bindings: ImportBinding[]; defaultExport?: string } {
  const bindings: ImportBinding[] = [];
  let exported: string | undefined;
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    if (statement.type === 'import_statement') readImport(statement, bindings);
    else if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
      for (const declarator of statement.namedChildren) if (declarator?.type === 'variable_declarator') readRequire(declarator, bindings);
    }
    exported ??= defaultExport(statement);
  }
  return { bindings, defaultExport: exported };
}
