/**
 * Which loops repeat a call once per item of data, as opposed to retry, polling and paging loops
 * that run a fixed number of rounds. Shared by the rules that flag calls repeated per item.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';
import type { Loop } from '../syntax/facts';
import { declarationInScope } from '../syntax/scopes';

/** Integer literals across the grammars. */
const INTEGER_TYPES = new Set(['integer', 'number', 'decimal_integer_literal', 'int_literal']);
/** `MAX_PAGES`, `Config.RETRIES`: a constant's name. */
const CONSTANT_NAME = /^([A-Za-z_$][\w$]*\.)*[A-Z][A-Z0-9_]*$/;
const RETRY_NAME = /retr|attempt|tries/i;

/** What a counting loop counts to: `3` in `for attempt in range(3)` or `for (i = 0; i < 3; i++)`. */
function countedTo(dialect: Dialect, loop: Loop): Node | undefined {
  const iterable = loop.iterable;
  if (iterable && dialect.callTypes.has(iterable.type) && dialect.calleePath(iterable) === 'range') {
    const args = dialect.callArgs(iterable);
    return args.length === 1 ? args[0] : args[1];
  }
  if (loop.kind !== 'for') return undefined;
  const clause = loop.node.namedChildren.find((c) => c?.type === 'for_clause') ?? loop.node;
  const condition = clause.childForFieldName('condition');
  return condition?.type === 'binary_expression' ? (condition.childForFieldName('right') ?? undefined) : undefined;
}

/** Collections whose items are written out in the source: `('a', 'b')`, `[]int{1, 4}`, `"abc"`. */
const WRITTEN_OUT = new Set([
  'list', 'tuple', 'set', 'expression_list', 'string', 'concatenated_string',
  'composite_literal', 'interpreted_string_literal', 'raw_string_literal',
  'array', 'array_initializer',
]);
/** Items that splice in a collection of any size: `[*rest]`, `[...rest]`, an f-string's `{…}`. */
const SPREADS = ['list_splat', 'spread_element', 'interpolation', 'template_substitution'];
/** A count this small, written as a literal, is a handful of rounds: `range(4)`, `i < 5`. */
const FEW = 10;

/**
 * True when a loop runs a handful of rounds fixed in the source: over a collection whose items
 * are written out (`for flags in (0, re.I)`, `range []int{1, 4, 16}`) or counting to a small
 * literal (`range(4)`). A cost per round there is a constant, not a cost per item of data.
 */
export function runsFewRounds(dialect: Dialect, loop: Loop): boolean {
  const iterable = loop.iterable;
  if (iterable && WRITTEN_OUT.has(iterable.type)) return iterable.descendantsOfType(SPREADS).length === 0;
  if (iterable?.type === 'identifier' && tableOfFewAt(dialect, loop, iterable)) return true;
  if (loop.kind === 'while' && shiftsOutBits(loop.node)) return true;
  const bound = countedTo(dialect, loop);
  return !!bound && INTEGER_TYPES.has(bound.type) && Number(bound.text) <= FEW;
}

/** The roots of a file's tree across the grammars. */
const ROOTS = new Set(['source_file', 'module', 'program']);

/** The array written out that fills a JavaScript `new Map([…])` or `new Set([…])`. */
function filledFrom(value: Node): Node | undefined {
  if (value.type !== 'new_expression' || !/^(?:Map|Set)$/.test(value.childForFieldName('constructor')?.text ?? '')) return undefined;
  const first = value.childForFieldName('arguments')?.namedChild(0);
  return first?.type === 'array' ? first : undefined;
}

/**
 * `NAME = [`, `var NAME = []T{`, `const NAME = new Map([`: declarations at the start of a line
 * whose value opens a collection written out; the name is captured.
 */
const TABLE_WRITTEN = /^(?:export\s+)?(?:(?:const|let|var|final|static)\s+)*([A-Za-z_$][\w$]*)\b[^=\n]*?:?=\s*(?:[[({]|new\s+(?:Map|Set)\s*\(\s*\[|[\w.[\]]*\{)/gm;

/** The names a file's text gives a table at the start of a line, read once per tree. */
const tableNames = new WeakMap<Tree, Set<string>>();

function namesOfTables(tree: Tree): Set<string> {
  let names = tableNames.get(tree);
  if (!names) tableNames.set(tree, (names = new Set(Array.from(tree.rootNode.text.matchAll(TABLE_WRITTEN), (m) => m[1]))));
  return names;
}

/**
 * True when a name is a module-level table written out in the source with a handful of items
 * (`var curves = []struct{…}{{…}, {…}, {…}, {…}}`, `CURVES = [P256, P384]`, `new Map([[…], […]])`):
 * a loop over it runs those few rounds.
 */
function tableOfFew(dialect: Dialect, name: Node): boolean {
  // The text first: the name must be given a value written out at the start of a line.
  if (!namesOfTables(name.tree).has(name.text)) return false;
  const declaration = declarationInScope(dialect.language, name, name.text);
  const value = declaration?.value;
  if (!declaration || !value || !(WRITTEN_OUT.has(value.type) || filledFrom(value)) || value.descendantsOfType(SPREADS).length > 0) return false;
  let atTop = false;
  for (let n = declaration.name.parent, level = 0; n && level < 4 && !atTop; n = n.parent, level++) atTop = ROOTS.has(n.type);
  const holder = value.type === 'composite_literal' ? value.childForFieldName('body') : value.type === 'new_expression' ? filledFrom(value) : value;
  const items = holder?.namedChildren.filter((c) => c?.type !== 'comment').length ?? 0;
  return atTop && items > 0 && items <= FEW;
}

/** tableOfFew's answer per loop: every rule asks it of every call in the loop. */
const tablesOfFew = new WeakMap<Loop, boolean>();

function tableOfFewAt(dialect: Dialect, loop: Loop, name: Node): boolean {
  let answer = tablesOfFew.get(loop);
  if (answer === undefined) tablesOfFew.set(loop, (answer = tableOfFew(dialect, name)));
  return answer;
}

/** A `while` test of one number: `value`, `value > 0`, `n != 0`. */
const NUMBER_TEST = /^\(?\s*([A-Za-z_$][\w$]*)\s*(?:(?:>|!==?)\s*0)?\s*\)?$/;

/**
 * True when a `while` loop runs on a number that it shifts right each round (`while (value) {
 * …; value >>= 8 }`): the bytes or bits of one number, at most 64 rounds however large it is.
 */
function shiftsOutBits(loop: Node): boolean {
  const name = NUMBER_TEST.exec(loop.childForFieldName('condition')?.text ?? '')?.[1];
  const body = loop.childForFieldName('body')?.text;
  return !!name && !!body && new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*>>>?=\\s*[1-9]`).test(body);
}

/** True when a loop runs one round: over a list of one value written out (`for i in [1]`). */
export function runsOnce(loop: Loop): boolean {
  const iterable = loop.iterable;
  if (!iterable || !['list', 'tuple', 'set', 'array'].includes(iterable.type)) return false;
  return iterable.namedChildren.filter((c) => c?.type !== 'comment').length === 1 && iterable.descendantsOfType(SPREADS).length === 0;
}

/**
 * True when a loop makes a call once per item or row: not a retry, polling or paging loop,
 * which runs until something happens (`while`) or a fixed number of times (`attempt < 3`,
 * `page < MAX_PAGES`), however much data there is, nor a loop over values written out in the
 * source (`for d in [1, 4, 16]`).
 */
export function repeatsPerItem(dialect: Dialect, loop: Loop): boolean {
  if (loop.kind === 'while' || loop.kind === 'do' || runsFewRounds(dialect, loop)) return false;
  const bound = countedTo(dialect, loop);
  return !bound || !(INTEGER_TYPES.has(bound.type) || CONSTANT_NAME.test(bound.text) || RETRY_NAME.test(bound.text));
}
