/**
 * slice-append-without-capacity: allocate the slice once with room for every item,
 * `out := make([]T, 0, len(xs))`, right above the range loop, in place of its empty declaration
 * (`var out []T`, `out := []T{}`, `out := make([]T, 0)`).
 *
 * Why the items come out the same: capacity is only room set aside. `append` writes the same
 * items in the same order whether it has to grow first or not, so a loop that appends fewer
 * items than `len(xs)` (the rule flags only loops that append once per round, but a hint too
 * large would do no harm either) or more (a map that gains keys while it is ranged over) still
 * builds the same slice. `len(xs)` is read just above the loop, from the same expression that
 * `range` reads once when the loop starts. What could still tell the difference is looked for,
 * and the fix is not offered when it is there: `cap(out)` in the function; the loop reading
 * `out` other than through its append and `len(out)` (a copy taken in the loop would share the
 * set-aside array with the appends after it, where a growing slice moves at times the runtime
 * picks); a use of `out` between its declaration and the loop, since the declaration moves down
 * to the loop; a `goto` in the function, which must not jump over the moved declaration.
 *
 * What does change: `var out []T` starts nil, and `make` gives an empty slice that is not nil.
 * When `xs` is empty the result is then empty instead of nil: `out == nil` turns false,
 * encoding/json writes `[]` instead of `null`, `reflect.DeepEqual` with a nil slice fails. The
 * slice is usually returned or stored, where callers the file does not show may tell the two
 * apart, so the fix of a `var` declaration always says what to check and no fix-all applies it.
 * `out := []T{}` and `make([]T, 0)` (with `:=` or `var … =`) were never nil: their fix keeps
 * what the code does.
 */
import type { Node } from 'web-tree-sitter';
import { emptySlice } from '../rules/slice-append-without-capacity';
import { declarationInScope } from '../syntax/scopes';
import { lineStart } from './imports';
import { mentions } from './naming';
import type { FindingSite } from './site';
import { statementOf } from './site';
import { Rewrite, SnippetEdit } from './snippet-edit';

/** Types whose values `len()` gives the number of rounds of a `range` over them (bytes, for a string: more than the runes, still only a hint). */
const LENGTH_TYPES = new Set(['slice_type', 'array_type', 'implicit_length_array_type', 'map_type']);

function hasLengthType(type: Node | null | undefined): boolean {
  return !!type && (LENGTH_TYPES.has(type.type) || type.text === 'string');
}

/**
 * True when the file shows that `len()` of the ranged expression compiles and counts its items:
 * a variable or parameter declared as a slice, array, map or string, or a field of that type of
 * a struct in the same file. Channels and integers (`range n`) have no such length, and a name
 * whose type the file does not show (a call's result, a field of an imported struct) gets no fix.
 */
function knownLength(iterable: Node): boolean {
  if (iterable.type === 'identifier') {
    const declaration = declarationInScope('go', iterable, iterable.text);
    if (!declaration) return false;
    // `xs ...T` is a []T inside the function.
    if (declaration.name.parent?.type === 'variadic_parameter_declaration') return true;
    if (declaration.type) return hasLengthType(declaration.type);
    const value = declaration.value;
    if (value?.type === 'composite_literal') return hasLengthType(value.childForFieldName('type'));
    const made = value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'make';
    return made && hasLengthType(value.childForFieldName('arguments')?.namedChild(0));
  }
  if (iterable.type === 'selector_expression') {
    const field = iterable.childForFieldName('field')?.text;
    const declared = iterable.tree.rootNode
      .descendantsOfType('field_declaration')
      .filter((f): f is Node => !!f && f.childrenForFieldName('name').some((n) => n?.text === field));
    return declared.length > 0 && declared.every((f) => hasLengthType(f.childForFieldName('type')));
  }
  return false;
}

/** True when the declaration statement declares only `name`: `var out []T` or `out := []T{}`, not `a, out := …` or a `var (…)` group. */
function declaresOnly(statement: Node): boolean {
  if (statement.type === 'short_var_declaration') return statement.childForFieldName('left')?.namedChildCount === 1;
  const specs = statement.namedChildren;
  return statement.type === 'var_declaration' && specs.length === 1 && specs[0]?.type === 'var_spec' && specs[0].childrenForFieldName('name').length === 1;
}

/** The statements after `first` and before `last`, comments left out. */
function statementsBetween(first: Node, last: Node): Node[] {
  const between: Node[] = [];
  for (let n = first.nextNamedSibling; n && !n.equals(last); n = n.nextNamedSibling) if (n.type !== 'comment') between.push(n);
  return between;
}

function functionAround(site: FindingSite, node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (site.dialect.functionTypes.has(n.type)) return n;
  return undefined;
}

/** The span of the lines a statement fills on its own, line break included; undefined when it shares a line. */
function ownLines(source: string, statement: Node): { startIndex: number; endIndex: number } | undefined {
  const start = lineStart(source, statement.startIndex);
  const lineEnd = source.indexOf('\n', statement.endIndex);
  const end = lineEnd < 0 ? source.length : lineEnd + 1;
  const alone = /^[ \t]*$/.test(source.slice(start, statement.startIndex)) && /^[ \t]*\r?\n?$/.test(source.slice(statement.endIndex, end));
  return alone ? { startIndex: start, endIndex: end } : undefined;
}

export function preallocateSlice(site: FindingSite): Rewrite | undefined {
  const { node, loops, language, text, dialect } = site;
  const loop = loops[0];
  const iterable = loop?.shape.iterable;
  const isRange = loop?.node.type === 'for_statement' && loop.node.namedChildren.some((c) => c?.type === 'range_clause');
  if (language !== 'go' || node.type !== 'assignment_statement' || !isRange || !iterable || !knownLength(iterable)) return undefined;
  const target = node.childForFieldName('left')?.namedChild(0);
  const call = node.childForFieldName('right')?.namedChild(0);
  const item = call ? dialect.callArgs(call)[1] : undefined;
  if (target?.type !== 'identifier' || !item) return undefined;
  const name = target.text;
  const declaration = declarationInScope('go', target, name);
  const type = declaration && emptySlice(declaration);
  if (!declaration || !type) return undefined;
  const declared = statementOf(declaration.name);
  const loopStatement = statementOf(loop.node);
  const sameBlock = !!declared.parent && !!loopStatement.parent && declared.parent.equals(loopStatement.parent) && declared.startIndex < loopStatement.startIndex;
  if (!sameBlock || !declaresOnly(declared)) return undefined;
  const func = functionAround(site, loop.node);
  if (!func || statementsBetween(declared, loopStatement).some((n) => mentions(n.text, name)) || new RegExp(`\\bcap\\s*\\(\\s*${name}\\s*\\)`).test(func.text) || func.descendantsOfType('goto_statement').length > 0) return undefined;
  const loopText = loop.node.text;
  const rest = (loopText.slice(0, node.startIndex - loop.node.startIndex) + loopText.slice(node.endIndex - loop.node.startIndex)).replace(new RegExp(`\\blen\\s*\\(\\s*${name}\\s*\\)`, 'g'), '');
  if (mentions(rest, name) || mentions(item.text, name)) return undefined;

  const made = `${name} := make(${type}, 0, len(${iterable.text}))`;
  const edit = new SnippetEdit(text, declared, loopStatement);
  if (statementsBetween(declared, loopStatement).length === 0) {
    edit.replace(declared, made);
  } else {
    // Statements in between: the declaration moves down to the loop, where `len` reads the value `range` will.
    const lines = ownLines(text, declared);
    if (!lines) return undefined;
    edit.replace(lines, '').replace({ startIndex: loopStatement.startIndex, endIndex: loopStatement.startIndex }, `${made}\n${edit.indent}`);
  }
  const notes = [`\`${name}\` is allocated once with room for every item of \`${iterable.text}\`, so the appends never copy it to a larger array.`];
  // `var out = []T{}` and `var out = make([]T, 0)` were never nil either.
  if (declaration.value) return edit.result(notes);
  notes.push(
    `\`${declared.text}\` is nil, and \`make\` gives an empty slice that is not: when \`${iterable.text}\` is empty, \`${name} == nil\` turns false and encoding/json writes \`[]\` instead of \`null\`. ` +
      `To keep a nil slice, write \`${name} = slices.Grow(${name}, len(${iterable.text}))\` (Go 1.21) above the loop instead.`,
  );
  return { ...edit.result(notes), check: `code that tells a nil \`${name}\` from an empty one` };
}
