/**
 * A dialect is what the language-neutral parts (the facts walk and the rules) need to know about
 * one grammar: which nodes are loops and functions, and how to read calls and literals.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from './languages';

export type LoopKind = 'for' | 'for-each' | 'while' | 'do' | 'comprehension' | 'callback';

/** The parts of a loop a dialect reads off its node. */
export interface LoopShape {
  kind: LoopKind;
  /** How messages name the loop: "`for` loop", "`.map()` callback", "list comprehension". */
  label: string;
  /** The iterated expression (`orders`), for loops over a collection. */
  iterable?: Node;
  /** Parts that run once, not per iteration: the iterable, an initializer, an `else` clause. */
  once: Node[];
  /** `for await` and `async for`: awaiting each item is the point of the loop. */
  asyncIteration: boolean;
}

export interface FunctionShape {
  name?: string;
  isAsync: boolean;
  /** Set when the function is a per-item callback (`items.map(x => …)`): it is also a loop. */
  callback?: LoopShape;
}

/**
 * Capture names every dialect's query uses, and rules ask the facts walk for sites by. `loop` and
 * `function` open scopes (a loop is also a site, so a rule can see the loops around a loop);
 * `error` marks ERROR nodes.
 */
export type SiteKind = 'loop' | 'call' | 'await' | 'assign' | 'compare';

export interface Assignment {
  target: Node;
  /** `=`, `+=`, `:=` … */
  operator: string;
  value: Node;
}

export interface Dialect {
  language: LanguageId;
  /** Node types of loops (comprehensions included). */
  loopTypes: ReadonlySet<string>;
  /** Node types of functions, lambdas included. */
  functionTypes: ReadonlySet<string>;
  /** Node types of calls (object creation included). */
  callTypes: ReadonlySet<string>;
  awaitTypes: ReadonlySet<string>;
  /** Node types of assignments, `+=` and the like included. */
  assignTypes: ReadonlySet<string>;
  /** Node types of comparisons whose operators rules read (Python's `in`). */
  compareTypes: ReadonlySet<string>;
  /**
   * Words found in the text of every loop, async function and per-item callback: a loop's
   * keyword, `async`, the name of a method that takes a callback. The facts walk looks for them
   * in the source (see scope-words.ts) instead of visiting every node of the tree.
   */
  scopeWords: RegExp;
  /**
   * The loops and functions the token at a scope word belongs to: a loop's keyword gives the
   * loop, `async` its function, a method's name the functions passed to it. Candidates only:
   * loop() and func() decide what they are.
   */
  scopesAt(token: Node): Node[];
  loop(node: Node): LoopShape | undefined;
  func(node: Node): FunctionShape;
  /** The dotted path of what a call calls: `session.query`, `User.objects.filter`, `new RegExp`. */
  calleePath(call: Node): string;
  /** The call's argument expressions, keyword arguments included. */
  callArgs(call: Node): Node[];
  /** A string or regex literal with no interpolation. */
  isConstantString(node: Node): boolean;
  /** The parts of an assignment site, `+=` and the like included. */
  assignment(node: Node): Assignment | undefined;
  /** The expression a method is called on (`orders` in `orders.includes(x)`), if any. */
  receiver(call: Node): Node | undefined;
}
