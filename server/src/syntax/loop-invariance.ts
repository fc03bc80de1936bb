/**
 * Whether a variable keeps its value across a loop's iterations: declared outside the loop and
 * not given a new value inside it. Read from the facts' assignment sites and one declaration,
 * never by walking the loop.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from './dialect';
import type { FileFacts, Loop, Site } from './facts';
import type { LanguageId } from './languages';
import { counters } from './loop-counters';
import { declarationInScope, Declaration } from './scopes';

/** Targets that list several names: `a, b = …` in Python, `a, b = …` in Go, `[a, b] = …` in JavaScript. */
const TARGET_LISTS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'array_pattern']);

function within(inner: Node, outer: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** True when the declaration runs on each iteration: in the loop's body or its loop variable. */
export function declaredInLoop(declaration: Declaration, loop: Loop): boolean {
  const { startIndex, endIndex } = declaration.name;
  const once = loop.once.some(([start, end]) => startIndex >= start && endIndex <= end);
  return within(declaration.name, loop.node) && !once;
}

/**
 * The assignments inside the loop whose target (or one of whose targets, in `a, b = …`) is
 * written exactly as `target`: `seen`, `this.names`.
 */
export function assignmentsInLoop(facts: FileFacts, dialect: Dialect, loop: Loop, target: string): Site[] {
  return sitesWithin(facts.sites.assign, loop.node).filter((site) => {
    const left = dialect.assignment(site.node)?.target;
    if (!left) return false;
    return left.text === target || (TARGET_LISTS.has(left.type) && left.namedChildren.some((t) => t?.text === target));
  });
}

/**
 * The sites that lie within `outer`. Sites are in document order, so a binary search finds the
 * first and the rest follow it: no scan of the file's sites, and no `endIndex` read per site
 * (each read is a call into the parser's WASM).
 */
export function sitesWithin(sites: readonly Site[], outer: Node): Site[] {
  const start = outer.startIndex;
  const end = outer.endIndex;
  let low = 0;
  let high = sites.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sites[middle].node.startIndex < start) low = middle + 1;
    else high = middle;
  }
  const found: Site[] = [];
  for (let i = low; i < sites.length && sites[i].node.startIndex < end; i++) {
    if (sites[i].node.endIndex <= end) found.push(sites[i]);
  }
  return found;
}

/** Node types whose text is the name of a variable read: `x`, and `{ x }` in JavaScript. */
const NAME_TYPES = ['identifier', 'shorthand_property_identifier'];

/**
 * Names bound afresh on each round by the loop's own header where the declaration lookup does
 * not reach: a comprehension's `for … in` targets, a per-item callback's parameters.
 */
function namesBoundBy(loop: Loop): Set<string> {
  const node = loop.node;
  const holders =
    loop.kind === 'comprehension'
      ? node.namedChildren.filter((c) => c?.type === 'for_in_clause').map((c) => c?.childForFieldName('left'))
      : loop.kind === 'callback'
        ? [node.childForFieldName('parameters') ?? node.childForFieldName('parameter')]
        : [];
  const names = new Set<string>();
  for (const holder of holders) {
    if (!holder) continue;
    if (holder.type === 'identifier') names.add(holder.text);
    for (const id of holder.descendantsOfType('identifier')) if (id) names.add(id.text);
  }
  return names;
}

/** The names each round binds afresh, read once per loop: rules ask for every argument of every call in it. */
const roundNames = new WeakMap<Loop, Set<string>>();

function boundEachRound(loop: Loop): Set<string> {
  let names = roundNames.get(loop);
  // `formats[i]` differs each round of `for (int i = 0; …; i++)`.
  if (!names) roundNames.set(loop, (names = new Set([...namesBoundBy(loop), ...counters(loop.node)])));
  return names;
}

/**
 * True when an expression has the same value on every round of the loop as far as its names
 * show: none of the variables it reads is declared in the loop, bound by its header or given a
 * new value inside it. Calls in the expression are taken to return the same for the same
 * arguments.
 */
export function invariantInLoop(language: LanguageId, facts: FileFacts, dialect: Dialect, node: Node, loop: Loop): boolean {
  const bound = boundEachRound(loop);
  const names = NAME_TYPES.includes(node.type) ? [node] : node.descendantsOfType(NAME_TYPES);
  for (const id of names) {
    if (!id) continue;
    const name = id.text;
    if (bound.has(name)) return false;
    const declaration = declarationInScope(language, id, name);
    if (declaration && declaredInLoop(declaration, loop)) return false;
    if (assignmentsInLoop(facts, dialect, loop, name).length > 0) return false;
  }
  return true;
}

/** The variable a member chain starts from: `cfg` in `cfg.Hosts`. */
function rootName(node: Node): Node | undefined {
  let root: Node | null = node;
  while (root && root.type !== 'identifier') root = root.namedChild(0);
  return root ?? undefined;
}

/**
 * True when an assignment adds to the collection instead of replacing it: `seen += [x]`,
 * `seen = append(seen, x)`. The collection still outlives the iteration.
 */
function grows(dialect: Dialect, assignment: Node, target: string): boolean {
  const parts = dialect.assignment(assignment);
  if (!parts) return false;
  if (parts.operator === '+=') return true;
  const value = parts.value.type === 'expression_list' && parts.value.namedChildCount === 1 ? parts.value.namedChild(0) : parts.value;
  if (!value || !dialect.callTypes.has(value.type) || dialect.calleePath(value) !== 'append') return false;
  return dialect.callArgs(value)[0]?.text === target;
}

/**
 * True when a collection (`seen`, `cfg.Hosts`) is one and the same object on every round of the
 * loop: neither it nor the variable its chain starts from is declared in the loop or replaced
 * inside it. Adding to it (`seen += [x]`, `seen = append(seen, x)`) keeps it the same collection.
 */
export function collectionKeptAcross(language: LanguageId, facts: FileFacts, dialect: Dialect, collection: Node, loop: Loop): boolean {
  const names = [collection.text];
  const root = rootName(collection);
  if (root) {
    if (namesBoundBy(loop).has(root.text)) return false;
    // `cfg.Hosts` changes with `cfg`: a loop variable or a `cfg = …` in the loop replaces it.
    const declaration = declarationInScope(language, root, root.text);
    if (declaration && declaredInLoop(declaration, loop)) return false;
    if (!root.equals(collection)) names.push(root.text);
  }
  return names.every((name) => assignmentsInLoop(facts, dialect, loop, name).every((site) => grows(dialect, site.node, name)));
}
