/**
 * Java: `items.contains(x)`, `items.indexOf(x)` and `items.lastIndexOf(x)` where `items` (a
 * local, a parameter or a field, also as `this.items`) is declared a List, or a Collection made
 * from a list. Sets, maps and strings have methods of the same names that do not scan.
 */
import type { Node } from 'web-tree-sitter';
import type { Site } from '../../syntax/facts';
import { lastSegment } from '../../syntax/paths';
import { Declaration, declarationInScope } from '../../syntax/scopes';
import type { RuleContext } from '../rule';
import { CollectionKind, declaredKind, literalKind, positionOnlyTested, Search, SearchReader, searchOf } from './search';

const SET_ADVICE = 'build a `HashSet` before the loop';
const ADVICE = new Map([
  ['contains', SET_ADVICE],
  ['indexOf', 'build a `HashMap` from item to index before the loop'],
  ['lastIndexOf', 'build a `HashMap` from item to index before the loop'],
]);

/** The advice for a search: a set when a position is only compared with -1 (`indexOf(x) != -1`). */
function adviceFor(method: string, call: Node): string | undefined {
  if (method !== 'contains' && positionOnlyTested(call)) return `${SET_ADVICE} and test with \`contains()\``;
  return ADVICE.get(method);
}

/** Declared types whose `contains` scans. */
const LIST_TYPES = new Set(['List', 'ArrayList', 'LinkedList', 'java.util.List', 'java.util.ArrayList']);
/**
 * Declared types that say nothing of how `contains` works: a `Collection` parameter is as often a
 * set, and `removeAll`/`retainAll`-style code must use its own `contains` (a comparator or identity
 * set would answer differently from a `HashSet` copy). Only the value, when there is one, tells.
 */
const OPEN_TYPES = new Set(['Collection', 'java.util.Collection', 'Iterable', 'java.lang.Iterable']);
/** Factories that make a list of exactly their arguments. */
const LIST_LITERALS = new Set(['List.of', 'Arrays.asList']);

/** The declaration of `this.name`: the field of the class the use is in. */
function fieldDeclaration(context: RuleContext, use: Node, name: string): Declaration | undefined {
  let member: Node | null = use;
  while (member?.parent && member.parent.type !== 'class_body') member = member.parent;
  return member?.parent ? declarationInScope(context.language, member, name) : undefined;
}

function searchAt(context: RuleContext, call: Node): Search | undefined {
  // Most calls are not searches: the method their path ends in (the path is remembered for the
  // other rules) rules them out before any node is read.
  if (!ADVICE.has(lastSegment(context.dialect.calleePath(call)))) return undefined;
  const method = call.childForFieldName('name')?.text ?? '';
  const advice = adviceFor(method, call);
  const collection = call.childForFieldName('object');
  if (!advice || !collection || context.dialect.callArgs(call).length !== 1) return undefined;
  if (collection.type === 'identifier') return searchOf(context, call, call.text, collection, advice);
  const field = collection.type === 'field_access' ? collection.childForFieldName('field') : null;
  if (collection.childForFieldName('object')?.type !== 'this' || !field) return undefined;
  return { node: call, shown: call.text, collection, advice, declaration: fieldDeclaration(context, call, field.text) };
}

/** The type's name without its type arguments: `List` for `List<String>`. */
function rawType(type: Node): string {
  return type.text.replace(/<[^]*$/, '').trim();
}

function valueKind(context: RuleContext, value: Node): CollectionKind {
  if (value.type === 'object_creation_expression') {
    const type = value.childForFieldName('type');
    return type && LIST_TYPES.has(rawType(type)) ? 'list' : 'other';
  }
  if (value.type !== 'method_invocation') return 'other';
  if (LIST_LITERALS.has(context.dialect.calleePath(value))) return literalKind(context.dialect.callArgs(value), context);
  // `stream.toList()` and `stream.collect(Collectors.toList())`.
  const method = value.childForFieldName('name')?.text;
  const collector = method === 'collect' ? context.dialect.callArgs(value)[0]?.text.replace(/\s+/g, '') : undefined;
  return method === 'toList' || collector === 'Collectors.toList()' ? 'list' : 'other';
}

export const java: SearchReader = {
  siteKinds: ['call'],
  noun: 'list',

  search: (site: Site, context: RuleContext) => searchAt(context, site.node),

  kind({ declaration }, context) {
    if (!declaration) return 'other';
    const { type, value } = declaration;
    const typeName = type ? rawType(type) : 'var';
    const typeIsList = typeName === 'var' || OPEN_TYPES.has(typeName) ? undefined : LIST_TYPES.has(typeName);
    return declaredKind(typeIsList, value ? valueKind(context, value) : 'other');
  },
};
