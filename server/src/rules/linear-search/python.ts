/**
 * Python: `x in items`, `x not in items`, `items.index(x)` and `items.count(x)` where `items` is
 * known to be a list.
 */
import type { Node } from 'web-tree-sitter';
import type { Site } from '../../syntax/facts';
import { lastSegment } from '../../syntax/paths';
import type { RuleContext } from '../rule';
import { CollectionKind, declaredKind, literalKind, Search, SearchReader, searchOf } from './search';

const MEMBERSHIP_ADVICE = 'build a set before the loop';
const METHOD_ADVICE = new Map([
  ['index', 'build a dict from item to position before the loop'],
  ['count', 'count every item once with `collections.Counter` before the loop'],
]);

/** Annotations that say list: `list`, `list[str]`, `List[str]`, `typing.List[str]`. */
const LIST_TYPE = /^(typing\.)?(list|List)(\[[^]*\])?$/;

/** Calls that return a new list whatever they are given. */
const LIST_BUILDERS = new Set(['list', 'sorted']);
const SPLIT_METHODS = new Set(['split', 'rsplit', 'splitlines']);

/** `x in items` and `x not in items`, alone rather than in a chain like `a < b in c`. */
function membership(context: RuleContext, node: Node): Search | undefined {
  const operators = node.childrenForFieldName('operators');
  const operator = operators.length === 1 ? operators[0].type : '';
  if (operator !== 'in' && operator !== 'not in') return undefined;
  const operands = node.namedChildren.filter((c) => c?.type !== 'comment');
  const collection = operands[1];
  if (operands.length !== 2 || collection?.type !== 'identifier') return undefined;
  return searchOf(context, node, node.text, collection, MEMBERSHIP_ADVICE);
}

/** `items.index(x)` and `items.count(x)`. */
function methodSearch(context: RuleContext, call: Node): Search | undefined {
  // Most calls are not searches: the method their path ends in (the path is remembered for the
  // other rules) rules them out before any node is read.
  if (!METHOD_ADVICE.has(lastSegment(context.dialect.calleePath(call)))) return undefined;
  const callee = call.childForFieldName('function');
  const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : '';
  const collection = callee?.childForFieldName('object');
  const advice = METHOD_ADVICE.get(method);
  if (!advice || collection?.type !== 'identifier') return undefined;
  const args = context.dialect.callArgs(call);
  if (args.length === 0 || (method === 'count' && args.length > 1)) return undefined;
  return searchOf(context, call, call.text, collection, advice);
}

function valueKind(context: RuleContext, value: Node): CollectionKind {
  if (value.type === 'list') {
    if (value.namedChildren.some((c) => c?.type === 'list_splat')) return 'list';
    return literalKind(value.namedChildren, context);
  }
  if (value.type === 'list_comprehension') return 'list';
  if (value.type !== 'call') return 'other';
  const path = context.dialect.calleePath(value);
  if (LIST_BUILDERS.has(path)) return 'list';
  // `line.split(",")` splits a string; `os.path.split(p)` returns a pair.
  const dot = path.lastIndexOf('.');
  const isSplit = dot > 0 && SPLIT_METHODS.has(path.slice(dot + 1)) && !path.endsWith('path.split');
  return isSplit ? 'list' : 'other';
}

export const python: SearchReader = {
  siteKinds: ['compare', 'call'],
  noun: 'list',

  search(site: Site, context: RuleContext) {
    return site.node.type === 'comparison_operator' ? membership(context, site.node) : methodSearch(context, site.node);
  },

  kind({ declaration }, context) {
    if (!declaration) return 'other';
    const { type, value } = declaration;
    return declaredKind(type && LIST_TYPE.test(type.text.replace(/\s+/g, '')), value ? valueKind(context, value) : 'other');
  },
};
