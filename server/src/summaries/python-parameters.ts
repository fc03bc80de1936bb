/**
 * Where the parameters of Python functions are in scope, so that a call through a parameter
 * (`def process(fetch): … fetch(x)`, `def report(db): … db.load(x)`) is not taken for a call of
 * the module's function or import of the same name. The functions are recorded as the summary's
 * query meets them, by offset alone; a function's parameter list is read the first time a call
 * inside it asks, as text, and its parameters only when the text holds the name asked for.
 */
import type { Node } from 'web-tree-sitter';

/** Parameter kinds that hold their identifier under `name` (`c=1`, `d: str = ""`). */
const NAMED = new Set(['default_parameter', 'typed_default_parameter']);
/** Parameter kinds that hold their identifier as their first child (`b: int`, `*args`, `**kw`). */
const WRAPPED = new Set(['typed_parameter', 'list_splat_pattern', 'dictionary_splat_pattern']);

function parameterName(parameter: Node): string | undefined {
  if (parameter.type === 'identifier') return parameter.text;
  const id = NAMED.has(parameter.type) ? parameter.childForFieldName('name') : WRAPPED.has(parameter.type) ? parameter.firstNamedChild : null;
  return id?.type === 'identifier' ? id.text : undefined;
}

interface Scope {
  start: number;
  end: number;
  /** Read only while the tree lives, during the summary. */
  node: Node;
  isMethod: boolean;
  /** The function around this one. */
  outer?: Scope;
  /** The parameter list, read on first use. */
  read?: ParameterList;
}

interface ParameterList {
  node: Node | null;
  /** Where the parameters are in scope: from the end of their list. */
  from: number;
  /** The list's text: a name it does not hold is no parameter, with no node read. */
  text: string;
  /** The names, read the first time the text holds a name asked for. */
  names?: ReadonlySet<string>;
}

/** A function's parameter list. Default values are evaluated where the function is defined, so the names are in scope only after it. */
function parameterList(scope: Scope): ParameterList {
  const node = scope.node.childForFieldName('parameters');
  return { node, from: node?.endIndex ?? scope.end, text: node?.text ?? '' };
}

/**
 * The names a parameter list binds. A method's first parameter (`self`, `cls`) is left out:
 * calls through it are resolved as the class's own.
 */
function parameterNames(list: ParameterList, isMethod: boolean): ReadonlySet<string> {
  const names = new Set<string>();
  list.node?.namedChildren.forEach((parameter, i) => {
    const name = parameter && !(isMethod && i === 0) ? parameterName(parameter) : undefined;
    if (name !== undefined) names.add(name);
  });
  return names;
}

export class PythonParameters {
  /** The functions in document order (the order of the summary's query), each with the one around it. */
  private readonly scopes: Scope[] = [];
  private innermost: Scope | undefined;

  /** Records a function or lambda; called in document order. */
  add(fn: Node, isMethod: boolean): void {
    const start = fn.startIndex;
    let outer = this.innermost;
    while (outer && outer.end <= start) outer = outer.outer;
    const scope: Scope = { start, end: fn.endIndex, node: fn, isMethod, outer };
    this.scopes.push(scope);
    this.innermost = scope;
  }

  /** True when the first name of a call's path is a parameter of a function around the offset. */
  binds(path: string, offset: number): boolean {
    const dot = path.indexOf('.');
    const name = dot < 0 ? path : path.slice(0, dot);
    for (let scope = this.around(offset); scope; scope = scope.outer) {
      const list = (scope.read ??= parameterList(scope));
      if (offset < list.from || !list.text.includes(name)) continue;
      if ((list.names ??= parameterNames(list, scope.isMethod)).has(name)) return true;
    }
    return false;
  }

  /** The innermost function around the offset: the last one starting before it, or one around that. */
  private around(offset: number): Scope | undefined {
    let low = 0;
    let high = this.scopes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.scopes[middle].start <= offset) low = middle + 1;
      else high = middle;
    }
    let scope: Scope | undefined = this.scopes[low - 1];
    while (scope && scope.end <= offset) scope = scope.outer;
    return scope;
  }
}
