/**
 * Which loops repeat a call once per item of data, as opposed to retry, polling and paging loops
 * that run a fixed number of rounds. Shared by the rules that flag calls repeated per item.
 */
import type { Node } from 'web-tree-sitter';
import type { Dialect } from '../syntax/dialect';
import type { Loop } from '../syntax/facts';

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

/**
 * True when a loop makes a call once per item or row: not a retry, polling or paging loop,
 * which runs until something happens (`while`) or a fixed number of times (`attempt < 3`,
 * `page < MAX_PAGES`), however much data there is.
 */
export function repeatsPerItem(dialect: Dialect, loop: Loop): boolean {
  if (loop.kind === 'while' || loop.kind === 'do') return false;
  const bound = countedTo(dialect, loop);
  return !bound || !(INTEGER_TYPES.has(bound.type) || CONSTANT_NAME.test(bound.text) || RETRY_NAME.test(bound.text));
}
