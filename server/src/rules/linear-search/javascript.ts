/**
 * JavaScript and TypeScript: `items.includes(x)`, `items.indexOf(x)`, and `find`, `findIndex` or
 * `some` with an equality callback (`users.find((u) => u.id === id)`), where `items` is known to
 * be an array. A string's `includes` and `indexOf` search text, not a collection: they are left
 * alone because nothing shows the receiver is an array.
 */
import type { Node } from 'web-tree-sitter';
import type { Site } from '../../syntax/facts';
import { lastSegment } from '../../syntax/paths';
import { Declaration, declarationInScope } from '../../syntax/scopes';
import { quote } from '../describe';
import type { RuleContext } from '../rule';
import { CollectionKind, declaredKind, literalKind, mentions, Search, SearchReader, searchOf } from './search';

const METHOD_ADVICE = new Map([
  ['includes', 'build a `Set` before the loop'],
  ['indexOf', 'build a `Map` from item to index before the loop'],
  ['lastIndexOf', 'build a `Map` from item to index before the loop'],
]);

/** Methods that take a predicate, and what to build given the part of the item it compares. */
const PREDICATE_ADVICE = new Map<string, (key: string) => string>([
  ['find', (key) => `build a \`Map\` keyed by ${quote(key)} before the loop`],
  ['findLast', (key) => `build a \`Map\` keyed by ${quote(key)} before the loop`],
  ['findIndex', (key) => `build a \`Map\` from ${quote(key)} to index before the loop`],
  ['findLastIndex', (key) => `build a \`Map\` from ${quote(key)} to index before the loop`],
  ['some', (key) => `build a \`Set\` of ${quote(key)} before the loop`],
]);

/** Calls that always return a new array. */
const ARRAY_BUILDERS = new Set(['Array.from', 'Array.of', 'Object.keys', 'Object.values', 'Object.entries']);
/** Methods whose result is an array whatever array-like they are called on (strings have none but `split`). */
const ARRAY_METHODS = new Set(['map', 'filter', 'flatMap', 'flat', 'split']);
/** Methods that return an array only when called on one (`slice` and `concat` also work on strings). */
const SAME_KIND_METHODS = new Set(['slice', 'concat', 'sort', 'reverse', 'toSorted', 'toReversed']);
const ARRAY_TYPES = new Set(['Array', 'ReadonlyArray']);
/** How many declarations `a = b.slice()` may be followed through. */
const MAX_DEPTH = 3;

function withoutComments(nodes: ReadonlyArray<Node | null>): Node[] {
  return nodes.filter((n): n is Node => !!n && n.type !== 'comment');
}

/** The name of a callback's only parameter: `u` in `(u) => …` and `function (u) { … }`. */
function onlyParameter(fn: Node): string | undefined {
  const single = fn.childForFieldName('parameter');
  if (single) return single.type === 'identifier' ? single.text : undefined;
  const params = withoutComments(fn.childForFieldName('parameters')?.namedChildren ?? []);
  if (params.length !== 1) return undefined;
  const pattern = params[0].type === 'required_parameter' ? params[0].childForFieldName('pattern') : params[0];
  return pattern?.type === 'identifier' ? pattern.text : undefined;
}

/** What a callback returns: its expression body, or the value of its only statement. */
function returned(fn: Node): Node | undefined {
  const body = fn.childForFieldName('body');
  if (body?.type !== 'statement_block') return body ?? undefined;
  const statements = withoutComments(body.namedChildren);
  return statements.length === 1 && statements[0].type === 'return_statement' ? (statements[0].firstNamedChild ?? undefined) : undefined;
}

/** In an equality callback `(u) => u.id === id`, the side that reads the item: `u.id`. */
function equalityKey(callback: Node): Node | undefined {
  if (callback.type !== 'arrow_function' && callback.type !== 'function_expression') return undefined;
  const item = onlyParameter(callback);
  const test = returned(callback);
  const operator = test?.childForFieldName('operator')?.type;
  if (!item || test?.type !== 'binary_expression' || (operator !== '===' && operator !== '==')) return undefined;
  const left = test.childForFieldName('left');
  const right = test.childForFieldName('right');
  if (!left || !right || mentions(left, item) === mentions(right, item)) return undefined;
  return mentions(left, item) ? left : right;
}

function searchAt(context: RuleContext, call: Node): Search | undefined {
  // Most calls are not searches: the method their path ends in (the path is remembered for the
  // other rules) rules them out before any node is read.
  const name = lastSegment(context.dialect.calleePath(call));
  if (!METHOD_ADVICE.has(name) && !PREDICATE_ADVICE.has(name)) return undefined;
  const callee = call.childForFieldName('function');
  const collection = callee?.type === 'member_expression' ? callee.childForFieldName('object') : null;
  if (collection?.type !== 'identifier') return undefined;
  const method = callee?.childForFieldName('property')?.text ?? '';
  const args = context.dialect.callArgs(call);
  const advice = METHOD_ADVICE.get(method);
  if (advice && args.length >= 1 && args.length <= 2) return searchOf(context, call, call.text, collection, advice);
  const predicateAdvice = PREDICATE_ADVICE.get(method);
  const key = predicateAdvice && args.length === 1 ? equalityKey(args[0]) : undefined;
  return predicateAdvice && key ? searchOf(context, call, `${collection.text}.${method}(…)`, collection, predicateAdvice(key.text)) : undefined;
}

function isArrayType(type: Node): boolean {
  if (type.type === 'array_type') return true;
  if (type.type === 'readonly_type') return type.firstNamedChild?.type === 'array_type';
  return type.type === 'generic_type' && ARRAY_TYPES.has(type.childForFieldName('name')?.text ?? '');
}

function valueKind(context: RuleContext, value: Node, depth: number): CollectionKind {
  switch (value.type) {
    case 'array':
      return value.namedChildren.some((c) => c?.type === 'spread_element') ? 'list' : literalKind(value.namedChildren, context);
    case 'new_expression':
      return value.childForFieldName('constructor')?.text === 'Array' ? 'list' : 'other';
    case 'call_expression':
      break;
    default:
      return 'other';
  }
  if (ARRAY_BUILDERS.has(context.dialect.calleePath(value))) return 'list';
  const callee = value.childForFieldName('function');
  const method = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text ?? '' : '';
  if (ARRAY_METHODS.has(method)) return 'list';
  const receiver = callee?.childForFieldName('object');
  if (!SAME_KIND_METHODS.has(method) || !receiver || depth >= MAX_DEPTH) return 'other';
  if (receiver.type !== 'identifier') return valueKind(context, receiver, depth + 1);
  return declarationKind(context, declarationInScope(context.language, receiver, receiver.text), depth + 1);
}

function declarationKind(context: RuleContext, declaration: Declaration | undefined, depth: number): CollectionKind {
  if (!declaration) return 'other';
  const { type, value } = declaration;
  return declaredKind(type && isArrayType(type), value ? valueKind(context, value, depth) : 'other');
}

export const javascript: SearchReader = {
  siteKinds: ['call'],
  noun: 'array',

  search: (site: Site, context: RuleContext) => searchAt(context, site.node),

  kind: ({ declaration }, context) => declarationKind(context, declaration, 0),
};
