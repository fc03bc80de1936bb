/**
 * slice-append-without-capacity: a Go slice that starts empty and gets exactly one `append` per
 * item of a range loop, so its final length is known before the loop, yet it is grown step by
 * step from no capacity.
 */
import type { Node } from 'web-tree-sitter';
import type { Loop } from '../syntax/facts';
import { assignmentsInLoop, declaredInLoop } from '../syntax/loop-invariance';
import { declarationInScope, Declaration } from '../syntax/scopes';
import { quote } from './describe';
import type { Rule, RuleContext } from './rule';

/** Statements after which an append in the loop body may not run for every item. */
const JUMPS = ['continue_statement', 'break_statement', 'return_statement', 'goto_statement'];

/** The one expression of an expression list. */
function single(list: Node | null | undefined): Node | undefined {
  return list?.type === 'expression_list' ? (list.namedChildCount === 1 ? (list.namedChild(0) ?? undefined) : undefined) : (list ?? undefined);
}

/** The slice `s` of a statement `s = append(s, x)` with one item appended. */
function appendOne(context: RuleContext, statement: Node): Node | undefined {
  if (statement.type !== 'assignment_statement' || statement.childForFieldName('operator')?.text !== '=') return undefined;
  const target = single(statement.childForFieldName('left'));
  const value = single(statement.childForFieldName('right'));
  if (target?.type !== 'identifier' || value?.type !== 'call_expression' || context.dialect.calleePath(value) !== 'append') return undefined;
  const args = context.dialect.callArgs(value);
  return args.length === 2 && args[0].text === target.text && args[1].type !== 'variadic_argument' ? target : undefined;
}

/** The element type written in the declaration, when it starts the slice empty with no capacity. */
export function emptySlice(declaration: Declaration): string | undefined {
  const { type, value } = declaration;
  if (!value) return type?.type === 'slice_type' ? type.text : undefined;
  if (value.type === 'composite_literal') {
    const literalType = value.childForFieldName('type');
    return literalType?.type === 'slice_type' && value.childForFieldName('body')?.namedChildCount === 0 ? literalType.text : undefined;
  }
  if (value.type === 'call_expression' && value.childForFieldName('function')?.text === 'make') {
    const args = value.childForFieldName('arguments')?.namedChildren ?? [];
    return args.length === 2 && args[0]?.type === 'slice_type' && args[1]?.text === '0' ? args[0].text : undefined;
  }
  return undefined;
}

/**
 * True when `len()` of the ranged expression is the number of rounds: a slice, array, map or
 * string, as far as its declaration shows. Channels, integers (`range n`) and function
 * iterators have no such length, and the result of a call could be any of them.
 */
function hasLength(context: RuleContext, iterable: Node): boolean {
  if (iterable.type === 'selector_expression') return true;
  if (iterable.type !== 'identifier') return false;
  const declaration = declarationInScope(context.language, iterable, iterable.text);
  if (!declaration) return false;
  const type = declaration.type;
  if (type) return ['slice_type', 'array_type', 'map_type'].includes(type.type) || type.text === 'string';
  const value = declaration.value;
  if (!value) return false;
  if (value.type === 'composite_literal') return true;
  const made = value.type === 'call_expression' && value.childForFieldName('function')?.text === 'make' ? value.childForFieldName('arguments')?.namedChild(0) : undefined;
  return made?.type === 'slice_type' || made?.type === 'map_type';
}

/**
 * True when the slice may hold items or capacity before the loop: it is a parameter (the caller's
 * slice; a named result starts nil), the loop stands in another loop the slice outlives, or the
 * code between its declaration and the loop assigns it.
 */
function filledBeforeLoop(context: RuleContext, declaration: Declaration, loop: Loop, name: string): boolean {
  const holder = declaration.name.parent;
  const list = holder?.parent;
  if (holder?.type === 'parameter_declaration' || holder?.type === 'variadic_parameter_declaration') {
    const result = list?.parent?.childForFieldName('result');
    if (!result || !list || !result.equals(list)) return true;
  }
  // The facts hold assignments inside loops only: read the code between the two from the tree.
  let around: Node | null = loop.node.parent;
  while (around && around.startIndex > declaration.name.startIndex) around = around.parent;
  if (!around) return false;
  // A loop between the two runs this one several times on the same slice: it is not empty after
  // the first time, and `len(iterable)` is not its final length.
  for (let n = loop.node.parent; n && !n.equals(around); n = n.parent) if (n.type === 'for_statement') return true;
  const from = declaration.name.endIndex;
  const to = loop.node.startIndex;
  return around.descendantsOfType('assignment_statement', declaration.name.endPosition, loop.node.startPosition).some((statement) => {
    if (!statement || statement.startIndex < from || statement.startIndex >= to) return false;
    const target = context.dialect.assignment(statement)?.target;
    return !!target && (target.text === name || target.namedChildren.some((t) => t?.text === name));
  });
}

function check(context: RuleContext, loop: Loop): void {
  const iterable = loop.iterable;
  const body = loop.node.childForFieldName('body');
  // A body that does not say `append` appends nothing: no need to read the declarations or walk the body.
  if (loop.kind !== 'for-each' || !iterable || !body || !body.text.includes('append')) return;
  if (!hasLength(context, iterable) || body.descendantsOfType(JUMPS).length > 0) return;
  const statements = body.namedChildren.flatMap((c) => (c?.type === 'statement_list' ? c.namedChildren : [c]));
  for (const statement of statements) {
    const slice = statement && appendOne(context, statement);
    if (!statement || !slice) continue;
    const declaration = declarationInScope(context.language, slice, slice.text);
    const type = declaration && emptySlice(declaration);
    if (!declaration || !type || declaredInLoop(declaration, loop)) continue;
    if (filledBeforeLoop(context, declaration, loop, slice.text)) continue;
    if (assignmentsInLoop(context.facts, context.dialect, loop, slice.text).length !== 1) continue;
    context.report(
      statement,
      `${quote(statement.text)} grows \`${slice.text}\` one item at a time over ${quote(iterable.text)}, whose length is known: ` +
        `allocate it once with \`make(${type}, 0, len(${iterable.text.length > 30 ? '…' : iterable.text}))\``,
    );
  }
}

export const sliceAppendWithoutCapacity: Rule = {
  meta: {
    id: 'slice-append-without-capacity',
    title: 'Slice grown by `append` in a range loop of known length',
    languages: ['go'],
    severity: 'info',
    confidence: 'high',
    why:
      'A slice that starts empty and gets one `append` per item runs out of room again and ' +
      'again: each time the runtime allocates a larger array (about double, then 1.25 times ' +
      'for large slices) and copies everything so far into it. Building n items this way makes ' +
      'about log n allocations and copies roughly 2n items, and leaves the discarded arrays to ' +
      'the garbage collector, when the loop over a slice or map already says how many items ' +
      'there will be. Only appends that run for every item are flagged (no `continue`, `break` ' +
      'or `return` in the loop, not inside an `if`), and only to slices that are still empty when ' +
      'the loop starts: not a parameter, which holds the caller\'s items, nor one assigned ' +
      'between its declaration and the loop or kept across the rounds of an outer loop.',
    fix: 'Allocate the slice with its final capacity before the loop: `out := make([]T, 0, len(items))`, then append as before.',
    examples: {
      go: {
        flagged: 'var names []string\nfor _, u := range users {\n\tnames = append(names, u.Name)\n}',
        useInstead: 'names := make([]string, 0, len(users))\nfor _, u := range users {\n\tnames = append(names, u.Name)\n}',
      },
    },
    quickFix:
      'Replaces the empty declaration with `out := make([]T, 0, len(xs))` just above the loop ' +
      '(moving it down when other statements stand between them). Capacity is only room set ' +
      'aside: the appends write the same items either way. Offered only when the file shows that ' +
      '`xs` has a length (a slice, array, map or string variable, parameter or struct field; not ' +
      'a channel, an integer or a value whose type is not in view), when the declaration declares ' +
      'the slice alone in the same block as the loop (not a named result or a parameter), and ' +
      'when nothing reads `cap(out)`, copies ' +
      '`out` in the loop, uses it between the declaration and the loop or jumps with `goto`. ' +
      'From `out := []T{}` or `make([]T, 0)` it keeps what the code does and is the preferred fix. ' +
      'From `var out []T` it is a suggestion, "(check code that tells a nil `out` from an empty ' +
      'one)": the slice was nil when `xs` is empty and is now empty but not nil, which `out == ' +
      'nil`, encoding/json (`[]` instead of `null`) and callers the file does not show can tell ' +
      'apart; `out = slices.Grow(out, len(xs))` keeps it nil.',
    references: [
      { title: 'Go blog: arrays, slices (and strings): the mechanics of append', url: 'https://go.dev/blog/slices' },
      { title: 'Go wiki: performance of slices (preallocate)', url: 'https://go.dev/wiki/SliceTricks' },
      { title: 'prealloc linter', url: 'https://github.com/alexkohler/prealloc' },
    ],
    peers: ['prealloc (golangci-lint)'],
  },

  check(context) {
    for (const loop of context.facts.loops) check(context, loop);
  },
};
