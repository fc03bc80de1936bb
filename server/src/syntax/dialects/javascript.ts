import type { Node } from 'web-tree-sitter';
import type { Dialect, FunctionShape, LoopShape } from '../dialect';
import type { LanguageId } from '../languages';
import { functionArguments, keyword, member, namedArgs, parentOfType, readAssignment, scopePattern } from '../nodes';
import { dottedPath, PathStep } from '../paths';

/** Array methods that call their callback once per item. */
export const PER_ITEM_METHODS = new Set([
  'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'flatMap', 'some', 'every',
  'find', 'findIndex', 'findLast', 'findLastIndex',
]);

function readPath(node: Node): PathStep {
  switch (node.type) {
    case 'member_expression':
      return { inner: node.childForFieldName('object'), suffix: `.${node.childForFieldName('property')?.text ?? '?'}` };
    case 'call_expression':
      return { inner: node.childForFieldName('function'), suffix: '()' };
    case 'subscript_expression':
      return { inner: node.childForFieldName('object'), suffix: '[]' };
    case 'parenthesized_expression':
    case 'non_null_expression':
    case 'await_expression':
      return { inner: node.firstNamedChild, suffix: '' };
    case 'identifier':
    case 'property_identifier':
    case 'this':
    case 'super':
      return { leaf: node.text };
    default:
      return { leaf: '?' };
  }
}

/** True when a keyword (`async`, `await`) is one of the node's own tokens. */
export function hasToken(node: Node, token: string): boolean {
  for (let i = 0; i < node.childCount; i++) {
    if (node.child(i)?.type === token) return true;
  }
  return false;
}

/** The name a function is known by: its own, or the variable or property it is assigned to. */
function functionName(node: Node): string | undefined {
  const own = node.childForFieldName('name');
  if (own) return own.text;
  const parent = node.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  if (parent?.type === 'pair') return parent.childForFieldName('key')?.text;
  if (parent?.type === 'assignment_expression') return parent.childForFieldName('left')?.text;
  return undefined;
}

function perItemCallback(node: Node): LoopShape | undefined {
  const args = node.parent;
  const call = args?.type === 'arguments' ? args.parent : null;
  const callee = call?.childForFieldName('function');
  if (callee?.type !== 'member_expression') return undefined;
  const method = callee.childForFieldName('property')?.text ?? '';
  if (!PER_ITEM_METHODS.has(method)) return undefined;
  return {
    kind: 'callback',
    label: `\`.${method}()\` callback`,
    iterable: callee.childForFieldName('object') ?? undefined,
    once: [],
    asyncIteration: false,
  };
}

const LOOP_TYPES = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);
const FUNCTION_TYPES = new Set([
  'function_declaration', 'function_expression', 'arrow_function', 'method_definition',
  'generator_function', 'generator_function_declaration',
]);
const CALL_TYPES = new Set(['call_expression']);

function makeDialect(language: LanguageId): Dialect {
  const dialect: Dialect = {
    language,

    loopTypes: LOOP_TYPES,
    awaitTypes: new Set(['await_expression']),
    assignTypes: new Set(['assignment_expression', 'augmented_assignment_expression']),
    compareTypes: new Set([]),
    callTypes: new Set(['call_expression', 'new_expression']),
    functionTypes: FUNCTION_TYPES,

    scopeWords: scopePattern(keyword(['for'], '\\(|await\\b'), keyword(['while'], '\\('), keyword(['do', 'async']), member(PER_ITEM_METHODS)),

    scopesAt(token) {
      switch (token.type) {
        case 'for':
        case 'while':
        case 'do':
          return parentOfType(token, LOOP_TYPES);
        case 'async':
          return parentOfType(token, FUNCTION_TYPES);
        case 'property_identifier':
          // `items.map(…)`: the name's member expression is the callee of the call.
          return functionArguments(token.parent?.parent ?? null, CALL_TYPES, FUNCTION_TYPES);
        default:
          return [];
      }
    },

    loop(node) {
      switch (node.type) {
        case 'for_statement': {
          const init = node.childForFieldName('initializer');
          return { kind: 'for', label: '`for` loop', once: init ? [init] : [], asyncIteration: false };
        }
        case 'for_in_statement': {
          const iterable = node.childForFieldName('right') ?? undefined;
          const of = node.childForFieldName('operator')?.text === 'of';
          const isAwait = hasToken(node, 'await');
          return {
            kind: 'for-each',
            label: of ? (isAwait ? '`for await…of` loop' : '`for…of` loop') : '`for…in` loop',
            iterable,
            once: iterable ? [iterable] : [],
            asyncIteration: isAwait,
          };
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
      return { name: functionName(node), isAsync: hasToken(node, 'async'), callback: perItemCallback(node) };
    },

    calleePath(call) {
      if (call.type === 'new_expression') {
        return `new ${dottedPath(call.childForFieldName('constructor'), readPath)}`;
      }
      return dottedPath(call.childForFieldName('function'), readPath);
    },

    callArgs(call) {
      const args = call.childForFieldName('arguments');
      if (!args) return [];
      return args.type === 'template_string' ? [args] : namedArgs(call);
    },

    isConstantString(node) {
      if (node.type === 'string' || node.type === 'regex') return true;
      return node.type === 'template_string' && !node.namedChildren.some((c) => c?.type === 'template_substitution');
    },

    assignment: readAssignment,

    receiver(call) {
      const fn = call.childForFieldName('function');
      return fn?.type === 'member_expression' ? (fn.childForFieldName('object') ?? undefined) : undefined;
    },
  };
  return dialect;
}

export const javascript = makeDialect('javascript');
export const typescript = makeDialect('typescript');
