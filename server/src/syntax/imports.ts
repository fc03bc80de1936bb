/**
 * What imported names stand for: `sleep` for `time.sleep`, `readFileSync` for `fs.readFileSync`,
 * `sp` for `subprocess`. Read from the import statements and `require` calls among the
 * statements of a module or a function body, each scope once, never from the whole tree. A
 * parameter or a definition of the same name in a closer scope hides the import.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from './languages';

/** Local name to the dotted path it stands for, or LOCAL for a name the scope defines itself. */
export type ImportMap = Map<string, string>;

const LOCAL = '';

type ImportReader = (statement: Node, into: ImportMap) => void;

/** Statements that may hold imports of their module in Python (`try: import ujson as json`). */
const PYTHON_NESTING = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'block']);

function readPythonImport(statement: Node, into: ImportMap): void {
  if (statement.type === 'import_statement') {
    for (const name of statement.childrenForFieldName('name')) {
      if (name.type === 'aliased_import') {
        const alias = name.childForFieldName('alias')?.text;
        if (alias) into.set(alias, name.childForFieldName('name')?.text ?? alias);
      } else {
        // `import urllib.request` binds `urllib`.
        const root = name.firstNamedChild?.text;
        if (root) into.set(root, root);
      }
    }
  } else if (statement.type === 'import_from_statement') {
    const module = statement.childForFieldName('module_name')?.text;
    if (!module) return;
    for (const name of statement.childrenForFieldName('name')) {
      const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
      const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
      if (imported && local) into.set(local, `${module}.${imported}`);
    }
  } else if (PYTHON_NESTING.has(statement.type)) {
    for (const child of statement.namedChildren) if (child) readPythonImport(child, into);
  } else {
    const defined = pythonDefinition(statement);
    if (defined) into.set(defined, LOCAL);
  }
}

/** The name a statement defines: `def sleep():`, `class Path:`, `open = make_opener()`. */
function pythonDefinition(statement: Node): string | undefined {
  switch (statement.type) {
    case 'function_definition':
    case 'class_definition':
      return statement.childForFieldName('name')?.text;
    case 'decorated_definition': {
      const definition = statement.childForFieldName('definition');
      return definition ? pythonDefinition(definition) : undefined;
    }
    case 'expression_statement': {
      const target = statement.firstNamedChild?.type === 'assignment' ? statement.firstNamedChild.childForFieldName('left') : null;
      return target?.type === 'identifier' ? target.text : undefined;
    }
    default:
      return undefined;
  }
}

/** `node:fs` and `fs` are the same module. */
function moduleName(source: Node | null | undefined): string | undefined {
  const text = source?.type === 'string' ? source.namedChildren[0]?.text : undefined;
  return text?.replace(/^node:/, '');
}

/** The module of `require('x')`, if the node is that call. */
export function requiredModule(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'call_expression' || node.childForFieldName('function')?.text !== 'require') return undefined;
  return moduleName(node.childForFieldName('arguments')?.namedChildren[0]);
}

function readJavaScriptImport(statement: Node, into: ImportMap): void {
  if (statement.type === 'import_statement') {
    const module = moduleName(statement.childForFieldName('source'));
    const clause = statement.namedChildren.find((c) => c?.type === 'import_clause' || c?.type === 'import_require_clause');
    if (!clause) return;
    if (clause.type === 'import_require_clause') {
      const required = moduleName(clause.childForFieldName('source'));
      const local = clause.firstNamedChild;
      if (required && local?.type === 'identifier') into.set(local.text, required);
      return;
    }
    if (!module) return;
    for (const part of clause.namedChildren) {
      if (part?.type === 'identifier') into.set(part.text, module);
      else if (part?.type === 'namespace_import' && part.firstNamedChild) into.set(part.firstNamedChild.text, module);
      else if (part?.type === 'named_imports') {
        for (const spec of part.namedChildren) {
          const name = spec?.type === 'import_specifier' ? spec.childForFieldName('name')?.text : undefined;
          if (name) into.set(spec?.childForFieldName('alias')?.text ?? name, `${module}.${name}`);
        }
      }
    }
  } else if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
    for (const declarator of statement.namedChildren) {
      if (declarator?.type === 'variable_declarator') readRequire(declarator, into);
    }
  } else if (JS_DEFINITIONS.has(statement.type)) {
    const name = statement.childForFieldName('name')?.text;
    if (name) into.set(name, LOCAL);
  }
}

const JS_DEFINITIONS = new Set(['function_declaration', 'generator_function_declaration', 'class_declaration']);

/** `const fs = require('fs')`, `const { execSync: run } = require('child_process')`, `const f = require('fs').stat`. */
function readRequire(declarator: Node, into: ImportMap): void {
  const name = declarator.childForFieldName('name');
  const value = declarator.childForFieldName('value');
  if (!name || !value) return;
  const whole = requiredModule(value);
  const member = value.type === 'member_expression' ? requiredModule(value.childForFieldName('object')) : undefined;
  if (member && name.type === 'identifier') {
    into.set(name.text, `${member}.${value.childForFieldName('property')?.text ?? '?'}`);
  } else if (whole && name.type === 'identifier') {
    into.set(name.text, whole);
  } else if (!whole && name.type === 'identifier') {
    into.set(name.text, LOCAL);
  } else if (whole && name.type === 'object_pattern') {
    for (const part of name.namedChildren) {
      if (part?.type === 'shorthand_property_identifier_pattern') into.set(part.text, `${whole}.${part.text}`);
      const local = part?.type === 'pair_pattern' ? part.childForFieldName('value') : undefined;
      if (local?.type === 'identifier') into.set(local.text, `${whole}.${part?.childForFieldName('key')?.text ?? '?'}`);
    }
  }
}

/** The name of a simple parameter (`a`, `b: str`, `c = 1`), not of a destructuring pattern. */
function parameterName(param: Node): string | undefined {
  const name = param.type === 'identifier'
    ? param
    : (param.childForFieldName('name') ?? param.childForFieldName('pattern') ?? param.childForFieldName('left') ?? param.firstNamedChild);
  return name?.type === 'identifier' ? name.text : undefined;
}

const READERS: Partial<Record<LanguageId, ImportReader>> = {
  python: readPythonImport,
  javascript: readJavaScriptImport,
  typescript: readJavaScriptImport,
};

/** The imports of one file, read scope by scope as they are asked for. */
export class Imports {
  private readonly reader: ImportReader | undefined;
  private readonly scopes = new Map<number, ImportMap>();

  constructor(language: LanguageId) {
    this.reader = READERS[language];
  }

  /**
   * The dotted path `name` stands for in `functions` (innermost first), where a parameter, an
   * import or a definition in the first function that binds it decides, and otherwise in the
   * module. Undefined when no import binds it. Functions not listed are not looked into.
   */
  resolve(name: string, functions: readonly Node[]): string | undefined {
    if (functions.length === 0) return undefined;
    for (const scope of [...functions, functions[0].tree.rootNode]) {
      const found = this.importsIn(scope).get(name);
      if (found !== undefined) return found === LOCAL ? undefined : found;
    }
    return undefined;
  }

  /** The names a module or a function binds: parameters, imports and definitions. */
  private importsIn(scope: Node): ImportMap {
    let map = this.scopes.get(scope.id);
    if (!map) {
      map = new Map();
      const params = scope.childForFieldName('parameters')?.namedChildren ?? [scope.childForFieldName('parameter')];
      for (const param of params) {
        const name = param && parameterName(param);
        if (name) map.set(name, LOCAL);
      }
      const body = scope.parent ? scope.childForFieldName('body') : scope;
      if (this.reader && body) for (const statement of body.namedChildren) if (statement) this.reader(statement, map);
      this.scopes.set(scope.id, map);
    }
    return map;
  }
}
