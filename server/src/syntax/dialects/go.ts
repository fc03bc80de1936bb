import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../dialect';
import { keyword, namedArgs, parentOfType, readAssignment, scopePattern } from '../nodes';
import { dottedPath, PathStep } from '../paths';

function readPath(node: Node): PathStep {
  switch (node.type) {
    case 'selector_expression':
      return { inner: node.childForFieldName('operand'), suffix: `.${node.childForFieldName('field')?.text ?? '?'}` };
    case 'call_expression':
      return { inner: node.childForFieldName('function'), suffix: '()' };
    case 'index_expression':
      return { inner: node.childForFieldName('operand'), suffix: '[]' };
    case 'parenthesized_expression':
      return { inner: node.firstNamedChild, suffix: '' };
    case 'identifier':
    case 'field_identifier':
    case 'package_identifier':
    case 'type_identifier':
      return { leaf: node.text };
    default:
      return { leaf: '?' };
  }
}

const LOOP_TYPES = new Set(['for_statement']);

export const go: Dialect = {
  language: 'go',

  loopTypes: LOOP_TYPES,
  awaitTypes: new Set([]),
  assignTypes: new Set(['assignment_statement']),
  compareTypes: new Set([]),
  callTypes: new Set(['call_expression']),
  functionTypes: new Set(['function_declaration', 'method_declaration', 'func_literal']),

  // Go has no async functions and no callbacks taken for loops: its only scopes are `for` loops.
  scopeWords: scopePattern(keyword(['for'])),
  scopesAt: (token) => (token.type === 'for' ? parentOfType(token, LOOP_TYPES) : []),

  loop(node) {
    const header = node.namedChildren.find((c) => c && c.type !== 'block' && c.type !== 'comment');
    if (header?.type === 'range_clause') {
      const iterable = header.childForFieldName('right') ?? undefined;
      return { kind: 'for-each', label: '`for … range` loop', iterable, once: iterable ? [iterable] : [], asyncIteration: false };
    }
    if (header?.type === 'for_clause') {
      const init = header.childForFieldName('initializer');
      return { kind: 'for', label: '`for` loop', once: init ? [init] : [], asyncIteration: false };
    }
    return { kind: 'while', label: '`for` loop', once: [], asyncIteration: false };
  },

  func(node) {
    return { name: node.childForFieldName('name')?.text, isAsync: false };
  },

  calleePath: (call) => dottedPath(call.childForFieldName('function'), readPath),

  callArgs: namedArgs,

  isConstantString: (node) => node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal',

  assignment: readAssignment,

  receiver(call) {
    const fn = call.childForFieldName('function');
    return fn?.type === 'selector_expression' ? (fn.childForFieldName('operand') ?? undefined) : undefined;
  },
};
