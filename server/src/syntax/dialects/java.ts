import type { Node } from 'web-tree-sitter';
import type { Dialect, FunctionShape, LoopShape } from '../dialect';
import { functionArguments, keyword, namedArgs, parentOfType, readAssignment, scopePattern } from '../nodes';
import { dottedPath, PathStep } from '../paths';

/** Stream and Iterable methods that call their lambda once per element. */
export const PER_ELEMENT_METHODS = new Set([
  'forEach', 'map', 'flatMap', 'filter', 'peek', 'anyMatch', 'allMatch', 'noneMatch',
  'mapToInt', 'mapToLong', 'mapToDouble', 'mapToObj', 'takeWhile', 'dropWhile', 'removeIf', 'replaceAll',
  'computeIfAbsent',
]);

function readPath(node: Node): PathStep {
  switch (node.type) {
    case 'method_invocation': {
      const name = node.childForFieldName('name')?.text ?? '?';
      const object = node.childForFieldName('object');
      return object ? { inner: object, suffix: `.${name}()` } : { leaf: `${name}()` };
    }
    case 'field_access':
      return { inner: node.childForFieldName('object'), suffix: `.${node.childForFieldName('field')?.text ?? '?'}` };
    case 'array_access':
      return { inner: node.childForFieldName('array'), suffix: '[]' };
    case 'parenthesized_expression':
      return { inner: node.firstNamedChild, suffix: '' };
    case 'object_creation_expression':
      return { leaf: `new ${node.childForFieldName('type')?.text ?? '?'}()` };
    case 'identifier':
    case 'type_identifier':
    case 'this':
    case 'super':
      return { leaf: node.text };
    default:
      return { leaf: '?' };
  }
}

/** The collection a stream chain starts from: `orders` in `orders.stream().map(…)`. */
function streamSource(object: Node | null): Node | undefined {
  if (object?.type === 'method_invocation' && object.childForFieldName('name')?.text === 'stream') {
    return object.childForFieldName('object') ?? object;
  }
  return object ?? undefined;
}

function perElementCallback(node: Node): LoopShape | undefined {
  const args = node.parent;
  const call = args?.type === 'argument_list' ? args.parent : null;
  if (call?.type !== 'method_invocation') return undefined;
  const method = call.childForFieldName('name')?.text ?? '';
  if (!PER_ELEMENT_METHODS.has(method)) return undefined;
  return {
    kind: 'callback',
    label: `\`.${method}()\` lambda`,
    iterable: streamSource(call.childForFieldName('object')),
    once: [],
    asyncIteration: false,
  };
}

const LOOP_TYPES = new Set(['for_statement', 'enhanced_for_statement', 'while_statement', 'do_statement']);
const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'lambda_expression']);
const INVOCATION_TYPES = new Set(['method_invocation']);

export const java: Dialect = {
  language: 'java',

  loopTypes: LOOP_TYPES,
  awaitTypes: new Set([]),
  assignTypes: new Set(['assignment_expression']),
  compareTypes: new Set([]),
  callTypes: new Set(['method_invocation', 'object_creation_expression']),
  functionTypes: FUNCTION_TYPES,

  // A method that takes a per-element lambda may be called without a receiver (`forEach(…)` in
  // a class that has one), so its name is looked for before a `(`, not after a `.`.
  scopeWords: scopePattern(keyword(['for', 'while', ...PER_ELEMENT_METHODS], '\\('), keyword(['do'])),

  scopesAt(token) {
    switch (token.type) {
      case 'for':
      case 'while':
      case 'do':
        return parentOfType(token, LOOP_TYPES);
      case 'identifier':
        // `orders.forEach(o -> …)`: the name is the method of the invocation.
        return functionArguments(token.parent, INVOCATION_TYPES, FUNCTION_TYPES);
      default:
        return [];
    }
  },

  loop(node) {
    switch (node.type) {
      case 'for_statement': {
        const init = node.childForFieldName('init');
        return { kind: 'for', label: '`for` loop', once: init ? [init] : [], asyncIteration: false };
      }
      case 'enhanced_for_statement': {
        const iterable = node.childForFieldName('value') ?? undefined;
        return { kind: 'for-each', label: '`for` loop', iterable, once: iterable ? [iterable] : [], asyncIteration: false };
      }
      case 'while_statement':
        return { kind: 'while', label: '`while` loop', once: [], asyncIteration: false };
      case 'do_statement':
        return { kind: 'do', label: '`do…while` loop', once: [], asyncIteration: false };
      default:
        return undefined;
    }
  },

  func(node): FunctionShape {
    if (node.type === 'lambda_expression') return { isAsync: false, callback: perElementCallback(node) };
    return { name: node.childForFieldName('name')?.text, isAsync: false };
  },

  calleePath(call) {
    if (call.type === 'object_creation_expression') return `new ${call.childForFieldName('type')?.text ?? '?'}`;
    const name = call.childForFieldName('name')?.text ?? '?';
    const object = call.childForFieldName('object');
    return object ? `${dottedPath(object, readPath)}.${name}` : name;
  },

  callArgs: namedArgs,

  isConstantString: (node) => node.type === 'string_literal' && !node.namedChildren.some((c) => c?.type === 'string_interpolation'),

  assignment: readAssignment,

  receiver: (call) => (call.type === 'method_invocation' ? (call.childForFieldName('object') ?? undefined) : undefined),
};
