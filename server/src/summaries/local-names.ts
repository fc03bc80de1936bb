/**
 * Whether a call by name goes through a name bound inside the functions around it (a parameter,
 * a local variable) rather than one of the file's functions or imports: the summary leaves such
 * calls unresolved. Each language has its way to tell, read once per file.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';
import type { LanguageId } from '../syntax/languages';
import { declarationInScope } from '../syntax/scopes';
import { EarlierUses } from './earlier-uses';
import { PythonParameters } from './python-parameters';

/** The scopes boundLocally does not read: a declaration at module level is no local one. */
const MODULE_SCOPES: ReadonlySet<string> = new Set(['program']);

/** What tells, per language, whether a name is bound inside a function (see boundLocally). */
export interface LocalNames {
  /** JavaScript and TypeScript: where the text could declare a name. */
  uses?: EarlierUses;
  /** Python: the parameters of the functions around a call. */
  parameters?: PythonParameters;
}

/**
 * True when a call goes through a name bound inside the function rather than one of the file's
 * functions or imports, whatever its name. In Python: a call whose first name is a parameter of
 * a function around it (`def process(fetch): … fetch(x)`). In JavaScript: a call by bare name of
 * a parameter, or of a variable a function declares with something other than a function.
 * Minified code reuses one-letter names in every scope (`function (q, v) { … v() … }`), and
 * resolving such a call by name would pin an unrelated function's I/O on it.
 */
export function boundLocally(call: Node, path: string, dialect: Dialect, { uses, parameters }: LocalNames): boolean {
  if (dialect.language === 'python') return !!parameters?.binds(path, call.startIndex);
  if ((dialect.language !== 'javascript' && dialect.language !== 'typescript') || path.includes('.')) return false;
  if (uses && !uses.writtenBefore(path, call.startIndex)) return false;
  const callee = call.childForFieldName('function');
  // The module's statements, thousands in a bundled file, are not read for each call.
  const declaration = callee && declarationInScope(dialect.language, callee, path, MODULE_SCOPES, uses && ((from, to) => uses.writtenBetween(path, from, to)));
  if (!declaration) return false;
  const value = declaration.value;
  if (value && dialect.functionTypes.has(value.type)) return false;
  // An arrow function's only parameter written without parentheses (`fetch => …`) stands alone.
  if (declaration.name.parent?.type === 'arrow_function') return true;
  let declarator = false;
  for (let n = declaration.name.parent; n; n = n.parent) {
    if (n.type === 'formal_parameters') return true;
    if (n.type === 'variable_declarator') declarator = true;
    if (dialect.functionTypes.has(n.type)) return declarator;
  }
  return false;
}

/** What tells bound names in one file; `text` is the file's text for JavaScript and TypeScript, else empty. */
export function localNames(root: Node, language: LanguageId, text: string): LocalNames {
  return {
    // A file the parser could not read as a program has an ERROR node for root, whose children are no statements.
    uses: text && root.type === 'program' ? new EarlierUses(root, text) : undefined,
    parameters: language === 'python' ? new PythonParameters() : undefined,
  };
}
