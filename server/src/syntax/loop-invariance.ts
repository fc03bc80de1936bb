/**
 * Whether a variable keeps its value across a loop's iterations: declared outside the loop and
 * not given a new value inside it. Read from the facts' assignment sites and one declaration,
 * never by walking the loop.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from './dialect';
import type { FileFacts, Loop, Site } from './facts';
import type { Declaration } from './scopes';

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
