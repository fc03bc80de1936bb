/**
 * JavaScript and TypeScript: `items.includes(x)`, `items.indexOf(x)`, and `find`, `findIndex` or
 * `some` with an equality callback (`users.find((u) => u.id === id)`), where `items` is known to
 * be an array. A string's `includes` and `indexOf` search text, not a collection: they are left
 * alone because nothing shows the receiver is an array. The advice follows what the code uses of
 * the answer: a `Set` when only whether the item is there (`indexOf(x) !== -1` too), a `Map`
 * when the position or the item found.
 */
import type { Node } from 'web-tree-sitter';
import type { Site } from '../../syntax/facts';
import { lastSegment } from '../../syntax/paths';
import { Declaration, declarationInScope } from '../../syntax/scopes';
import { quote } from '../describe';
import type { RuleContext } from '../rule';
import { CollectionKind, declaredKind, literalKind, MembershipTest, mentions, outermost, positionOnlyTested, Search, SearchReader, searchOf } from './search';

/** What a search answers with: whether the item is there, where it is, or the item itself. */
type Answer = 'membership' | 'position' | 'item';

/** The search methods: what each answers with, and whether it takes a predicate instead of an item. */
const METHODS: ReadonlyMap<string, { answer: Answer; predicate: boolean }> = new Map([
  ['includes', { answer: 'membership', predicate: false }],
  ['indexOf', { answer: 'position', predicate: false }],
  ['lastIndexOf', { answer: 'position', predicate: false }],
  ['some', { answer: 'membership', predicate: true }],
  ['find', { answer: 'item', predicate: true }],
  ['findLast', { answer: 'item', predicate: true }],
  ['findIndex', { answer: 'position', predicate: true }],
  ['findLastIndex', { answer: 'position', predicate: true }],
]);

/** Values a found item is compared with to ask whether there was one. */
const NOTHING = new Set(['undefined', 'null']);
const EQUALITY = new Set(['===', '!==', '==', '!=']);

/**
 * True when only the truth of a value is used: `if (users.find(…))`, `!users.find(…)`,
 * `users.find(…) !== undefined`, or either side of `&&`/`||` in such a test.
 */
function onlyTruthTested(value: Node): boolean {
  const node = outermost(value);
  const parent = node.parent;
  switch (parent?.type) {
    case 'unary_expression':
      return parent.childForFieldName('operator')?.text === '!';
    case 'if_statement':
    case 'while_statement':
    case 'do_statement':
    case 'for_statement':
    case 'ternary_expression':
      return parent.childForFieldName('condition')?.equals(node) ?? false;
    case 'binary_expression': {
      const operator = parent.childForFieldName('operator')?.text ?? '';
      if (operator === '&&' || operator === '||') return onlyTruthTested(parent);
      const other = parent.childForFieldName(parent.childForFieldName('left')?.equals(node) ? 'right' : 'left');
      return EQUALITY.has(operator) && !!other && NOTHING.has(other.text);
    }
    default:
      return false;
  }
}

/**
 * The test an answer (a position or an item, from a search or a variable holding it) is, when
 * the code only asks whether the item is there: `xs.indexOf(x) !== -1`, `~xs.indexOf(x)`,
 * `if (xs.find(…))`.
 */
function membershipTest(answerNode: Node, answer: Answer): MembershipTest | undefined {
  if (answer === 'position') {
    const parent = outermost(answerNode).parent;
    // `~i` is 0, which is falsy, only for -1.
    if (parent?.type === 'unary_expression' && parent.childForFieldName('operator')?.text === '~') return { node: parent, whenFound: true };
    return positionOnlyTested(answerNode);
  }
  return answer === 'item' && onlyTruthTested(answerNode) ? { node: answerNode, whenFound: true } : undefined;
}

/**
 * True when the search's answer is kept in a variable that is only tested, as in
 * `const at = seen.findIndex(…); if (at < 0) …`: every later use of the name in the block
 * declaring it asks whether the item was there. A name never read again counts as used.
 */
function keptOnlyForTests(call: Node, answer: Answer): boolean {
  const value = outermost(call);
  const declarator = value.parent;
  const name = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name') : null;
  const block = declarator?.parent?.parent;
  if (!declarator?.childForFieldName('value')?.equals(value) || name?.type !== 'identifier' || !block) return false;
  const uses = block.descendantsOfType('identifier', declarator.endPosition).filter((n): n is Node => n?.text === name.text);
  return uses.length > 0 && uses.every((use) => membershipTest(use, answer) !== undefined);
}

/** What the code uses of a search's answer: whether the item is there, or the answer itself. */
function usedAnswer(call: Node, answer: Answer): Answer {
  return membershipTest(call, answer) || keptOnlyForTests(call, answer) ? 'membership' : answer;
}

/**
 * What to build instead of the search, for what the code uses of its answer and, for a search
 * with a predicate, the part of the item it compares: a `Set` when the code only asks whether
 * the item is there; a `Map` only when it uses the position or the item found.
 */
function advice(answer: Answer, used: Answer, key: string | undefined): string {
  const of = key === undefined ? '' : ` of ${quote(key)}`;
  if (used === 'membership') return `build a \`Set\`${of} before the loop${answer === 'membership' ? '' : ' and test with `has()`'}`;
  if (used === 'position') return `build a \`Map\` from ${key === undefined ? 'item' : quote(key)} to index before the loop`;
  return `build a \`Map\` keyed by ${quote(key ?? 'item')} before the loop`;
}

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
  if (!METHODS.has(lastSegment(context.dialect.calleePath(call)))) return undefined;
  const callee = call.childForFieldName('function');
  const collection = callee?.type === 'member_expression' ? callee.childForFieldName('object') : null;
  const name = callee?.childForFieldName('property')?.text ?? '';
  const method = METHODS.get(name);
  if (collection?.type !== 'identifier' || !method) return undefined;
  const args = context.dialect.callArgs(call);
  const used = usedAnswer(call, method.answer);
  if (!method.predicate) {
    return args.length >= 1 && args.length <= 2 ? searchOf(context, call, call.text, collection, advice(method.answer, used, undefined)) : undefined;
  }
  const key = args.length === 1 ? equalityKey(args[0]) : undefined;
  return key && searchOf(context, call, `${collection.text}.${name}(…)`, collection, advice(method.answer, used, key.text));
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
