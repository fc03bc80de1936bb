/**
 * Go: `slices.Contains(xs, x)` and `slices.Index(xs, x)`, and the same search written by hand: a
 * `for … range` loop whose body only compares each item with a value of the loop around it and
 * then stops or records the match.
 *
 *     for _, o := range orders {
 *         for _, c := range customers {
 *             if c.ID == o.CustomerID { o.Customer = c; break }
 *         }
 *     }
 */
import type { Node } from 'web-tree-sitter';
import type { Loop, Site } from '../../syntax/facts';
import { quote } from '../describe';
import type { RuleContext } from '../rule';
import { CollectionKind, literalKind, mentions, positionOnlyTested, Search, SearchReader, searchOf } from './search';

const SET_ADVICE = 'build a map before the loop';
const ADVICE = new Map([
  ['slices.Contains', SET_ADVICE],
  ['slices.Index', 'build a map from item to index before the loop'],
]);

/** Statements that end a search once the comparison matches, or record the match. */
const ON_MATCH = new Set(['break_statement', 'return_statement', 'assignment_statement', 'inc_statement']);
const DOTTED_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** A collection the search can be hoisted for: a variable or a field path (`cfg.Hosts`). */
function isNamedCollection(node: Node): boolean {
  return (node.type === 'identifier' || node.type === 'selector_expression') && DOTTED_NAME.test(node.text);
}

function librarySearch(context: RuleContext, call: Node): Search | undefined {
  const advice = ADVICE.get(context.dialect.calleePath(call));
  // Most calls are not searches: their path (remembered for the other rules) rules them out
  // before their arguments are read.
  if (!advice) return undefined;
  const args = context.dialect.callArgs(call);
  if (args.length !== 2 || !isNamedCollection(args[0])) return undefined;
  // An index only compared with -1 (`slices.Index(xs, x) >= 0`) asks what `slices.Contains` asks.
  return searchOf(context, call, call.text, args[0], positionOnlyTested(call) ? SET_ADVICE : advice);
}

function statements(block: Node | null): Node[] {
  const list = block?.namedChildren.find((c) => c?.type === 'statement_list') ?? block;
  return list?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
}

/** The variables a loop's header declares: `i, x` in `for i, x := range xs`, `i` in `for i := 0; …`. */
function loopVariables(loop: Node): string[] {
  const header = loop.namedChildren.find((c) => c?.type === 'range_clause' || c?.type === 'for_clause');
  const declared = header?.type === 'range_clause' ? header.childForFieldName('left') : header?.childForFieldName('initializer')?.childForFieldName('left');
  return (declared?.namedChildren ?? []).flatMap((n) => (n?.type === 'identifier' && n.text !== '_' ? [n.text] : []));
}

/**
 * In `c.ID == o.CustomerID`, the side that reads the inner loop's item (`c.ID`), when the other
 * side reads the outer loop's and neither reads both.
 */
function innerSide(condition: Node, inner: string[], outer: string[]): Node | undefined {
  const readsOnly = (side: Node, own: string[], others: string[]) =>
    own.some((n) => mentions(side, n)) && !others.some((n) => mentions(side, n));
  const left = condition.childForFieldName('left');
  const right = condition.childForFieldName('right');
  if (!left || !right) return undefined;
  if (readsOnly(left, inner, outer) && readsOnly(right, outer, inner)) return left;
  if (readsOnly(right, inner, outer) && readsOnly(left, outer, inner)) return right;
  return undefined;
}

/** A `for … range` loop that searches its collection for a value of the enclosing loop. */
function handWrittenSearch(context: RuleContext, inner: Node, outer: Loop): Search | undefined {
  const range = inner.namedChildren.find((c) => c?.type === 'range_clause');
  const collection = range?.childForFieldName('right');
  if (!collection || !isNamedCollection(collection)) return undefined;
  const body = statements(inner.childForFieldName('body'));
  const test = body.length === 1 && body[0].type === 'if_statement' ? body[0] : undefined;
  if (!test || test.childForFieldName('initializer') || test.childForFieldName('alternative')) return undefined;
  const condition = test.childForFieldName('condition');
  if (condition?.type !== 'binary_expression' || condition.childForFieldName('operator')?.type !== '==') return undefined;
  if (!statements(test.childForFieldName('consequence')).some((s) => ON_MATCH.has(s.type))) return undefined;
  const key = innerSide(condition, loopVariables(inner), loopVariables(outer.node));
  return key && searchOf(context, condition, condition.text, collection, `build a map keyed by ${quote(key.text)} before the loop`);
}

/** The type an expression or declaration shows: a written type, a literal's, or `make`'s first argument. */
function shownType(node: Node | undefined): Node | undefined {
  if (node?.type === 'composite_literal') return node.childForFieldName('type') ?? undefined;
  if (node?.type === 'call_expression' && node.childForFieldName('function')?.text === 'make') {
    return node.childForFieldName('arguments')?.firstNamedChild ?? undefined;
  }
  return node;
}

/** True when the type is one a `for … range` loop also walks but that is no slice. */
function notASlice(node: Node | undefined): boolean {
  const type = shownType(node);
  return type?.type === 'map_type' || type?.type === 'channel_type' || type?.text === 'string';
}

export const go: SearchReader = {
  siteKinds: ['call', 'loop'],
  noun: 'slice',

  search(site: Site, context: RuleContext) {
    if (site.node.type === 'call_expression') return librarySearch(context, site.node);
    return site.loops[0] ? handWrittenSearch(context, site.node, site.loops[0]) : undefined;
  },

  // The search itself shows a slice (`slices.Contains` takes nothing else); a declaration can
  // still show a short literal, or, for a hand-written search, a map, channel or string.
  kind({ declaration }, context): CollectionKind {
    if (!declaration) return 'list';
    const { type, value } = declaration;
    if (notASlice(type) || notASlice(value)) return 'other';
    const elements = value?.type === 'composite_literal' ? value.childForFieldName('body')?.namedChildren : undefined;
    return elements ? literalKind(elements, context) : 'list';
  },
};
