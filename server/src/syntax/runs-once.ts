/**
 * Code inside a loop that still runs at most once per run of the loop: right before a statement
 * that leaves it or ends the program or test, inside a `throw`, or under a test of the loop
 * counter against one value (`if (i == 0)`, `if (i == n - 1)`), or in a lazy set-up (`if x == nil {
 * x = …`). Rules that claim a cost "on every iteration" skip such code.
 */
import type { Node } from 'web-tree-sitter';
import { counters } from './loop-counters';

/** Statements that leave the function whatever encloses them. */
const LEAVES_FUNCTION = new Set(['return_statement', 'raise_statement', 'throw_statement']);

/**
 * A statement that calls what never returns to the loop: ends the program, the test, or the
 * goroutine (`t.Fatalf(…)`, `log.Fatal(…)`, `panic(…)`, `os.Exit(1)`, `sys.exit()`,
 * `self.fail(…)`, `process.exit(1)`), or a helper named as such (a Go test's `fatalf` closure).
 */
const NEVER_RETURNS = /^(?:[A-Za-z_$][\w$]*\s*\.\s*)*(?:Fatal|Fatalf|Fatalln|FailNow|SkipNow|Skip|Skipf|Goexit|Exit|Panic|Panicf|Panicln|panic|exit|_exit|abort|fail|fatal|fatalf)\s*\(/;

function endsEverything(statement: Node): boolean {
  return statement.type === 'expression_statement' && NEVER_RETURNS.test(statement.text);
}

/** Nodes a `break` inside them ends instead of the loop around them. */
const BREAK_CATCHERS = /switch|select|^for_|^while_|^do_|enhanced_for/;

/** True when a `break` written inside `block` ends `loop` and not a switch or inner loop first. */
function breakEnds(block: Node, loop: Node): boolean {
  for (let n: Node | null = block; n && !n.equals(loop); n = n.parent) if (BREAK_CATCHERS.test(n.type)) return false;
  return true;
}

/** Nodes whose children are statements run in order, across the grammars. */
const STATEMENT_LISTS = /block|statement_list|statement_group|switch_case|switch_default|expression_case|default_case|^program$|^module$/;

/** Per-item callbacks are loops too; a `return` in one only ends the current item. */
const FUNCTION_TYPES = /function|arrow|lambda|method/;

/** True when a statement after the node, in a block between it and the loop, leaves the loop. */
export function exitsAfter(node: Node, loop: Node): boolean {
  const callback = FUNCTION_TYPES.test(loop.type);
  for (let n: Node | null = node; n && !n.equals(loop); n = n.parent) {
    // Only statements run one after the other: in `if (test) throw …` the throw follows the test
    // but runs only when it holds.
    if (!n.parent || !STATEMENT_LISTS.test(n.parent.type)) continue;
    for (let next = n.nextNamedSibling; next; next = next.nextNamedSibling) {
      if (LEAVES_FUNCTION.has(next.type) && !(callback && next.type === 'return_statement')) return true;
      if (endsEverything(next)) return true;
      if (next.type === 'break_statement' && next.parent && breakEnds(next.parent, loop)) return true;
    }
  }
  return false;
}

/** True when the node is part of what a `throw` or `raise` between it and the loop throws. */
function thrown(node: Node, loop: Node): boolean {
  for (let n: Node | null = node; n && !n.equals(loop); n = n.parent) if (n.type === 'throw_statement' || n.type === 'raise_statement') return true;
  return false;
}


/**
 * `i == 0`, `0 === i`, `j == params.length - 1`: one part of the condition (`&&` joins them)
 * compares the counter for equality with something that does not read it.
 */
function oneRoundTest(condition: Node, names: Set<string>): boolean {
  const parts = condition.text.replace(/^\s*\((.*)\)\s*$/s, '$1').split('&&');
  for (const name of names) {
    const n = name.replace(/\$/g, '\\$');
    const equality = new RegExp(`^\\s*(?:${n}\\s*===?\\s*([^=][^]*)|([^]*?[^=!<>])\\s*===?\\s*${n})\\s*$`);
    const reads = new RegExp(`(^|[^\\w$])${n}(?![\\w$])`);
    for (const part of parts) {
      const other = equality.exec(part.replace(/^\s*\((.*)\)\s*$/s, '$1'));
      const side = other?.[1] ?? other?.[2];
      if (side !== undefined && !reads.test(side) && !side.includes('=')) return true;
    }
  }
  return false;
}

/**
 * True when an `if` between the node and the loop runs the node only in the round where the
 * loop counter equals one value, and the condition does not also allow other rounds (`||`).
 */
function oneRound(node: Node, loop: Node): boolean {
  const names = counters(loop);
  if (names.size === 0) return false;
  for (let n: Node | null = node; n?.parent && !n.equals(loop); n = n.parent) {
    const parent: Node = n.parent;
    if (parent.type !== 'if_statement' || !parent.childForFieldName('consequence')?.equals(n)) continue;
    const condition = parent.childForFieldName('condition');
    if (condition && !condition.text.includes('||') && oneRoundTest(condition, names)) return true;
  }
  return false;
}

/** `cache == nil`, `cache is None`, `cache === null`: the variable tested, or undefined. */
const UNSET_TEST = /^\(?\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(?:===?|is)\s*(?:nil|None|null|undefined)\s*\)?$/;

/**
 * True when an `if` between the node and the loop is a lazy set-up: it runs while a variable is
 * unset (`if wbaddr == nil {`) and its own statements set it (`wbaddr = …`), so once.
 */
function lazySetUp(node: Node, loop: Node): boolean {
  for (let n: Node | null = node; n?.parent && !n.equals(loop); n = n.parent) {
    const parent: Node = n.parent;
    if (parent.type !== 'if_statement' || !parent.childForFieldName('consequence')?.equals(n)) continue;
    const tested = UNSET_TEST.exec(parent.childForFieldName('condition')?.text ?? '')?.[1];
    if (tested && new RegExp(`(^|[\\n{;])\\s*${tested.replace(/[.$]/g, '\\$&')}\\s*:?=(?!=)`).test(n.text)) return true;
  }
  return false;
}

/** True when the node, inside the loop, runs at most once per run of the loop. */
export function runsOncePerLoop(node: Node, loop: Node): boolean {
  return exitsAfter(node, loop) || thrown(node, loop) || oneRound(node, loop) || lazySetUp(node, loop);
}
