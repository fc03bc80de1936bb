import type { Node } from 'web-tree-sitter';
import type { Dialect, FunctionShape, LoopShape } from '../dialect';
import { functionArguments, keyword, parentOfType, readAssignment, scopePattern } from '../nodes';
import { dottedPath, PathStep } from '../paths';

const COMPREHENSION_LABELS: Record<string, string> = {
  list_comprehension: 'list comprehension',
  set_comprehension: 'set comprehension',
  dictionary_comprehension: 'dict comprehension',
  generator_expression: 'generator expression',
};

/** Built-ins that call a lambda once per item of their second argument. */
const PER_ITEM_BUILTINS = new Set(['map', 'filter']);

function readPath(node: Node): PathStep {
  switch (node.type) {
    case 'attribute':
      return { inner: node.childForFieldName('object'), suffix: `.${node.childForFieldName('attribute')?.text ?? '?'}` };
    case 'call':
      return { inner: node.childForFieldName('function'), suffix: '()' };
    case 'subscript':
      return { inner: node.childForFieldName('value'), suffix: '[]' };
    case 'parenthesized_expression':
      return { inner: node.firstNamedChild, suffix: '' };
    case 'identifier':
      return { leaf: node.text };
    case 'string':
      return { leaf: '""' };
    default:
      return { leaf: '?' };
  }
}

function startsWithKeyword(node: Node, keyword: string): boolean {
  return node.child(0)?.type === keyword;
}

function comprehension(node: Node): LoopShape {
  const firstClause = node.namedChildren.find((c) => c?.type === 'for_in_clause');
  const iterable = firstClause?.childForFieldName('right') ?? undefined;
  return {
    kind: 'comprehension',
    label: COMPREHENSION_LABELS[node.type],
    iterable,
    once: iterable ? [iterable] : [],
    // `[x async for x in source]` awaits each item, like an `async for` loop.
    asyncIteration: node.namedChildren.some((c) => c?.type === 'for_in_clause' && startsWithKeyword(c, 'async')),
  };
}

function callArgs(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  if (args.type === 'generator_expression') return [args];
  return args.namedChildren.flatMap((a) => {
    if (!a || a.type === 'comment') return [];
    if (a.type === 'keyword_argument') return a.childForFieldName('value') ?? [];
    return [a];
  });
}

const LOOP_TYPES = new Set(['for_statement', 'while_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const FUNCTION_TYPES = new Set(['function_definition', 'lambda']);
const CALL_TYPES = new Set(['call']);

export const python: Dialect = {
  language: 'python',

  loopTypes: LOOP_TYPES,
  awaitTypes: new Set(['await']),
  assignTypes: new Set(['assignment', 'augmented_assignment']),
  compareTypes: new Set(['comparison_operator']),
  callTypes: CALL_TYPES,
  functionTypes: FUNCTION_TYPES,

  scopeWords: scopePattern(keyword(['for', 'while', 'async', ...PER_ITEM_BUILTINS])),

  scopesAt(token) {
    switch (token.type) {
      case 'for': {
        // A comprehension's `for` belongs to one of its `for … in` clauses.
        const parent = token.parent;
        return parent?.type === 'for_in_clause' ? parentOfType(parent, LOOP_TYPES) : parentOfType(token, LOOP_TYPES);
      }
      case 'while':
        return parentOfType(token, LOOP_TYPES);
      case 'async':
        return parentOfType(token, FUNCTION_TYPES);
      case 'identifier':
        // `map(lambda x: …, items)`: the name is the function of the call.
        return functionArguments(token.parent, CALL_TYPES, FUNCTION_TYPES);
      default:
        return [];
    }
  },

  loop(node) {
    switch (node.type) {
      case 'for_statement': {
        const iterable = node.childForFieldName('right') ?? undefined;
        const orElse = node.childForFieldName('alternative');
        const isAsync = startsWithKeyword(node, 'async');
        return {
          kind: 'for-each',
          label: isAsync ? '`async for` loop' : '`for` loop',
          iterable,
          once: [iterable, orElse].filter((n): n is Node => !!n),
          asyncIteration: isAsync,
        };
      }
      case 'while_statement': {
        const orElse = node.childForFieldName('alternative');
        return { kind: 'while', label: '`while` loop', once: orElse ? [orElse] : [], asyncIteration: false };
      }
      default:
        return node.type in COMPREHENSION_LABELS ? comprehension(node) : undefined;
    }
  },

  func(node): FunctionShape {
    if (node.type === 'function_definition') {
      return { name: node.childForFieldName('name')?.text, isAsync: startsWithKeyword(node, 'async') };
    }
    // A lambda given to map() or filter() runs once per item.
    const argList = node.parent;
    const call = argList?.type === 'argument_list' ? argList.parent : null;
    const callee = call?.childForFieldName('function');
    if (call && callee?.type === 'identifier' && PER_ITEM_BUILTINS.has(callee.text)) {
      const args = callArgs(call);
      const iterable = args[args.findIndex((a) => a.id === node.id) + 1];
      return {
        isAsync: false,
        callback: { kind: 'callback', label: `\`${callee.text}()\` callback`, iterable, once: [], asyncIteration: false },
      };
    }
    return { isAsync: false };
  },

  calleePath: (call) => dottedPath(call.childForFieldName('function'), readPath),
  callArgs,

  isConstantString(node) {
    if (node.type === 'string') return !node.namedChildren.some((c) => c?.type === 'interpolation');
    if (node.type === 'concatenated_string') return node.namedChildren.every((c) => !c || python.isConstantString(c));
    return false;
  },

  assignment: readAssignment,

  receiver(call) {
    const fn = call.childForFieldName('function');
    return fn?.type === 'attribute' ? (fn.childForFieldName('object') ?? undefined) : undefined;
  },
};
