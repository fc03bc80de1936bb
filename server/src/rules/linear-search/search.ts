/**
 * What the linear-search-in-loop rule reads in each language: the searches at a site, and what a
 * declaration says about the collection searched.
 */
import type { Node } from 'web-tree-sitter';
import type { SiteKind } from '../../syntax/dialect';
import type { Site } from '../../syntax/facts';
import { Declaration, declarationInScope } from '../../syntax/scopes';
import type { RuleContext } from '../rule';

/**
 * `list`: a collection a lookup scans item by item; `small`: a short literal of constants, cheap
 * to scan; `other`: anything else, unknown types included.
 */
export type CollectionKind = 'list' | 'small' | 'other';

export interface Search {
  /** The search expression, where the finding points. */
  node: Node;
  /** How the message quotes it: the node's text, or a short form for calls with a callback. */
  shown: string;
  /** The collection searched: `seen`, `this.names`, `cfg.Hosts`. */
  collection: Node;
  /** The declaration of the collection, if the search's reader found one. */
  declaration?: Declaration;
  /** What to write instead, after the colon: "build a set before the loop". */
  advice: string;
}

export interface SearchReader {
  /** The facts' sites that can hold a search. */
  siteKinds: readonly SiteKind[];
  /** How messages name the collection: list, array, slice. */
  noun: string;
  /** The search a site holds, if it is one. */
  search(site: Site, context: RuleContext): Search | undefined;
  /** What the collection's declaration (undefined when none was found) makes it. */
  kind(search: Search, context: RuleContext): CollectionKind;
}

/** A search of `collection`, with the declaration of the variable it is, if it is one. */
export function searchOf(context: RuleContext, node: Node, shown: string, collection: Node, advice: string): Search {
  const declaration = collection.type === 'identifier' ? declarationInScope(context.language, collection, collection.text) : undefined;
  return { node, shown, collection, advice, declaration };
}

/** Literals longer than this are lookup tables worth a set, constants or not. */
const SMALL_LITERAL = 16;

/** Literal node types across the grammars: numbers, booleans, null and the like. */
const LITERAL_TYPES = new Set([
  'integer', 'float', 'true', 'false', 'none', 'number', 'null', 'undefined',
  'decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal', 'binary_integer_literal',
  'decimal_floating_point_literal', 'character_literal', 'null_literal',
  'int_literal', 'float_literal', 'imaginary_literal', 'rune_literal', 'nil',
]);

/** Member accesses that name a constant: `Status.ACTIVE`, `http.MethodGet`. */
const MEMBER_TYPES = new Set(['attribute', 'member_expression', 'field_access', 'selector_expression']);
const DOTTED_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/;

/** Unary minus and parentheses around a literal. */
const WRAPPER_TYPES = new Set(['unary_operator', 'unary_expression', 'parenthesized_expression', 'literal_element']);

function isConstant(node: Node, context: RuleContext): boolean {
  if (LITERAL_TYPES.has(node.type) || context.dialect.isConstantString(node)) return true;
  if (MEMBER_TYPES.has(node.type)) return DOTTED_NAME.test(node.text);
  if (WRAPPER_TYPES.has(node.type)) {
    const inner = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    return inner.length === 1 && isConstant(inner[0], context);
  }
  return false;
}

/**
 * The kind of a collection written out as a literal with these elements. An empty literal is
 * filled later, so it is a list; a short one of constants is small.
 */
export function literalKind(elements: ReadonlyArray<Node | null>, context: RuleContext): CollectionKind {
  const items = elements.filter((e): e is Node => !!e && e.type !== 'comment');
  const small = items.length > 0 && items.length <= SMALL_LITERAL && items.every((e) => isConstant(e, context));
  return small ? 'small' : 'list';
}

/** True when `node` reads the name (as itself or the root of a member chain inside it). */
export function mentions(node: Node, name: string): boolean {
  if (node.type === 'identifier') return node.text === name;
  // In `o.id` (Python, Java) the attribute is an identifier too, but only `o` is read.
  if (node.type === 'attribute' || node.type === 'field_access') {
    const object = node.childForFieldName('object');
    return !!object && mentions(object, name);
  }
  return node.namedChildren.some((c) => !!c && mentions(c, name));
}

/**
 * What a declaration makes a collection, from whether its written type is a list (undefined
 * when no type is written) and what its value makes it. A type settles the kind; the value,
 * when it is a short literal, still says the list is small.
 */
export function declaredKind(typeIsList: boolean | undefined, fromValue: CollectionKind): CollectionKind {
  if (typeIsList === undefined) return fromValue;
  if (!typeIsList) return 'other';
  return fromValue === 'small' ? 'small' : 'list';
}

/** The node a value is, with the parentheses around it: `(xs.indexOf(x))`. */
export function outermost(node: Node): Node {
  let current = node;
  while (current.parent?.type === 'parenthesized_expression') current = current.parent;
  return current;
}

/** Comparisons of a position with -1 or 0 that hold when the item is found, and those that hold when it is not. */
const FOUND_WHEN: ReadonlyMap<string, ReadonlyMap<string, boolean>> = new Map([
  ['-1', new Map([['!==', true], ['!=', true], ['>', true], ['===', false], ['==', false], ['<=', false]])],
  ['0', new Map([['>=', true], ['<', false]])],
]);

/** The same comparison with its operands swapped: `-1 < i` is `i > -1`. */
const SWAPPED: ReadonlyMap<string, string> = new Map([['<', '>'], ['>', '<'], ['<=', '>='], ['>=', '<=']]);

/** A search whose answer is only tested: whether the item is there, and the expression that tests it. */
export interface MembershipTest {
  /** The expression whose value is the answer: `xs.indexOf(x) !== -1`. */
  node: Node;
  /** True when the expression is true (or truthy) when the item is found. */
  whenFound: boolean;
}

/**
 * How a search that answers with a position (`indexOf`, `findIndex`, `slices.Index`) is used,
 * when the position is only compared with -1 or 0 (`xs.indexOf(x) !== -1`, `i >= 0`): then it
 * only asks whether the item is there, which a set answers; a map to positions is for code
 * that uses the position.
 */
export function positionOnlyTested(search: Node): MembershipTest | undefined {
  const node = outermost(search);
  const parent = node.parent;
  if (parent?.type !== 'binary_expression') return undefined;
  const left = parent.childForFieldName('left');
  const right = parent.childForFieldName('right');
  const written = parent.childForFieldName('operator')?.text ?? '';
  const onLeft = !!left && left.equals(node);
  const other = onLeft ? right : left;
  if (!other || (!onLeft && !right?.equals(node))) return undefined;
  const operator = onLeft ? written : (SWAPPED.get(written) ?? written);
  const whenFound = FOUND_WHEN.get(other.text.replace(/[\s()]/g, ''))?.get(operator);
  return whenFound === undefined ? undefined : { node: parent, whenFound };
}
