/**
 * JavaScript objects whose methods can be called from elsewhere by name: the object a factory
 * function returns (`function makeRepo(db) { return { find(id) {…} } }`), an object assigned to a
 * module-level variable (`export const repo = { find() {…} }`), `module.exports = { … }` and
 * `export default { … }`. Their methods are summarized as methods of the object, not as part of
 * the function around them, so that `repo.find()` reaches `find` and nothing else.
 */
import type { Node } from 'web-tree-sitter';

const SPACE = /\s/;

/**
 * Whether a function may be a method of an object literal, without reading its parent (each
 * parent read walks down from the root): a method shorthand outside a class, or a function
 * written after `key:`.
 */
export function mayBeObjectMethod(fn: Node, text: string): boolean {
  if (fn.type === 'method_definition') return true;
  let i = fn.startIndex - 1;
  while (i >= 0 && SPACE.test(text[i])) i--;
  return text[i] === ':';
}

/** The object literal a function is a method or property value of. */
function objectOf(fn: Node): Node | undefined {
  const holder = fn.type === 'method_definition' ? fn.parent : fn.parent?.type === 'pair' ? fn.parent.parent : null;
  return holder?.type === 'object' ? holder : undefined;
}

/** The node an expression's value goes to, through parentheses. */
function destination(node: Node): Node | null {
  let up = node.parent;
  while (up?.type === 'parenthesized_expression') up = up.parent;
  return up;
}

/**
 * The owner a method of an object literal belongs to (see FunctionFact.owner), or undefined when
 * the object is not one that can be reached by name. `outer` is the named function the method
 * stands in (its name and where its node starts), undefined at module level.
 */
export function objectOwner(fn: Node, outer: { name: string; start: number } | undefined): string | undefined {
  const object = objectOf(fn);
  const to = object && destination(object);
  if (!to) return undefined;
  if (outer) {
    // Returned by the factory itself, not by a callback inside it.
    if (to.type === 'arrow_function' && to.startIndex === outer.start) return `${outer.name}()`;
    if (to.type !== 'return_statement') return undefined;
    let fnNode = to.parent;
    while (fnNode && !/function|method_definition/.test(fnNode.type)) fnNode = fnNode.parent;
    return fnNode?.startIndex === outer.start ? `${outer.name}()` : undefined;
  }
  if (to.type === 'variable_declarator') {
    const name = to.childForFieldName('name');
    return name?.type === 'identifier' ? name.text : undefined;
  }
  if (to.type === 'assignment_expression' && to.childForFieldName('left')?.text === 'module.exports') return 'module.exports';
  if (to.type === 'export_statement') return 'default';
  return undefined;
}
