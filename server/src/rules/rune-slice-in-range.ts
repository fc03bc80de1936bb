/**
 * rune-slice-in-range: `for _, r := range []rune(s)` in Go, which copies the string into a new
 * slice of runes only to walk it once; ranging over the string decodes the same runes in place.
 */
import type { Node } from 'web-tree-sitter';
import { quote } from './describe';
import type { Rule } from './rule';

/** The string converted, when `node` is `[]rune(s)` or `[]int32(s)`. */
function runeConversion(node: Node | undefined): Node | undefined {
  if (node?.type !== 'type_conversion_expression') return undefined;
  const type = node.childForFieldName('type');
  const element = type?.type === 'slice_type' ? type.childForFieldName('element')?.text : undefined;
  if (element !== 'rune' && element !== 'int32') return undefined;
  return node.childForFieldName('operand') ?? undefined;
}

/**
 * True when the loop's index is not used: absent or `_`. With `[]rune(s)` the index counts
 * runes, over the string it is a byte offset, so only a loop that ignores it reads the same.
 */
function ignoresIndex(clause: Node): boolean {
  const left = clause.childForFieldName('left');
  const first = left?.namedChild(0);
  return !first || first.text === '_';
}

export const runeSliceInRange: Rule = {
  meta: {
    id: 'rune-slice-in-range',
    title: 'String converted to `[]rune` just to range over it',
    languages: ['go'],
    severity: 'info',
    confidence: 'medium',
    why:
      '`[]rune(s)` decodes the whole string into a newly allocated slice of four bytes per ' +
      'character before the loop starts, so the string is read twice and, beyond a few dozen ' +
      'characters, the slice lives on the heap. A `range` over the string itself already ' +
      'yields one rune per step, decoded as it goes, with no copy.',
    fix:
      'Range over the string: `for _, r := range s`. The index it gives is the byte offset of ' +
      'the rune rather than its position among runes, which is why only loops that ignore the ' +
      'index are flagged.',
    examples: {
      go: {
        flagged: 'for _, r := range []rune(name) {\n\tif unicode.IsUpper(r) {\n\t\tupper++\n\t}\n}',
        useInstead: 'for _, r := range name {\n\tif unicode.IsUpper(r) {\n\t\tupper++\n\t}\n}',
      },
    },
    references: [
      { title: 'The Go Programming Language Specification: For statements with range clause', url: 'https://go.dev/ref/spec#For_range' },
      { title: 'Go blog: Strings, bytes, runes and characters in Go', url: 'https://go.dev/blog/strings' },
      { title: 'Staticcheck SA6003', url: 'https://staticcheck.dev/docs/checks/#SA6003' },
    ],
    peers: ['Staticcheck SA6003'],
  },

  check(context) {
    for (const loop of context.facts.loops) {
      const clause = loop.iterable?.parent;
      const text = loop.iterable && runeConversion(loop.iterable);
      if (!loop.iterable || !text || clause?.type !== 'range_clause' || !ignoresIndex(clause)) continue;
      context.report(
        loop.iterable,
        `${quote(loop.iterable.text)} copies the string into a new slice before the loop: range over ${quote(text.text)} itself, which yields the same runes`,
      );
    }
  },
};
