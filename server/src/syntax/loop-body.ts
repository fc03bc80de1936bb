/**
 * A loop's body as rules that reason about rounds read it: what each round writes and reads,
 * where it awaits or yields, and how it can leave the loop. Read on demand, only for loops a
 * rule already suspects, never for the whole file.
 */
import type { Node } from 'web-tree-sitter';
import type { Loop } from './facts';
import { BindingReader, flowGrammar, FlowGrammar } from './flow-grammars';
import type { LanguageId } from './languages';
import { Read, ReadsReader } from './reads';

/** A place where a round writes: `page = await fetch(…)`, `cursor = page.next`, `i++`. */
export interface Binding {
  node: Node;
  /** The target, whose own names are not reads of the old value. */
  targets: Node;
  /** The paths it writes (see ReadsReader.written). */
  paths: string[];
  /** The expression whose value is written. For `i++` and `+=`, the whole update. */
  value?: Node;
  /** The loop variable of `for await` / `async for`: its value comes from an await. */
  awaitedItem: boolean;
  /**
   * The offset at which the paths take their new value: the start of the loop a loop variable
   * belongs to, an assignment's end, or the end of the loop for the update of a C-style `for`.
   */
  at: number;
}

/** A `break` or `return` that leaves the loop. */
export interface Exit {
  node: Node;
  /**
   * What decides whether it runs: the conditions of the `if`, `switch` and inner loops around
   * it, and the bodies of the `try` statements it sits in (it runs depending on whether they throw).
   */
  guards: Node[];
  /** Nothing but plain blocks lie between it and the loop: the loop ends in its first round. */
  unconditional: boolean;
}

export interface LoopBody {
  loop: Loop;
  bindings: Binding[];
  /** Await expressions that run on every round (not in nested functions). */
  awaits: Node[];
  exits: Exit[];
  /** The conditions of the `if` and `switch` statements (and `?:` expressions) in the body. */
  conditions: Node[];
  /** True when the body yields: the loop produces a stream its consumer pulls from. */
  yields: boolean;
  /** The loop's own condition (`while`, `do…while`, C-style `for`). */
  condition?: Node;
}

/** Reads loop bodies of one file; each loop is read once. */
export class LoopBodyReader {
  private readonly grammar: FlowGrammar | undefined;
  private readonly readsReader: ReadsReader | undefined;
  /** Node types a loop body is searched for. */
  private readonly wanted: string[];
  private readonly bodies = new Map<number, LoopBody>();

  /**
   * Reading a loop skips the `functions` in it (in document order): their code runs when they
   * are called.
   */
  constructor(language: LanguageId, private readonly functions: readonly Node[]) {
    const grammar = flowGrammar(language);
    this.grammar = grammar;
    this.readsReader = grammar && new ReadsReader(grammar);
    this.wanted = grammar
      ? [
          ...Object.keys(grammar.bindings),
          ...Object.keys(grammar.conditionals),
          grammar.awaitType,
          grammar.yieldType,
          grammar.breakType,
          grammar.returnType,
        ]
      : [];
  }

  /** The paths an expression reads (see ReadsReader). */
  paths(node: Node): ReadonlySet<string> {
    return this.readsReader?.paths(node) ?? new Set();
  }

  /** The reads in `node`, with their offsets (see ReadsReader). */
  reads(node: Node): Read[] {
    return this.readsReader?.reads(node) ?? [];
  }

  /** The keyword that makes a loop await each item, to point findings at. */
  asyncKeyword(loop: Loop): Node | undefined {
    return this.grammar?.asyncKeyword(loop.node);
  }

  read(loop: Loop): LoopBody | undefined {
    const { grammar, readsReader } = this;
    if (!grammar || !readsReader) return undefined;
    let body = this.bodies.get(loop.node.id);
    if (!body) {
      body = this.walk(grammar, readsReader, loop);
      this.bodies.set(loop.node.id, body);
    }
    return body;
  }

  private walk(grammar: FlowGrammar, readsReader: ReadsReader, loop: Loop): LoopBody {
    const { startIndex, endIndex } = loop.node;
    const body: LoopBody = {
      loop,
      bindings: [],
      awaits: [],
      exits: [],
      conditions: [],
      yields: false,
      condition: loop.node.childForFieldName('condition') ?? undefined,
    };
    // Not run on every round: the loop's once-only parts and the functions in it.
    const skipped = [...loop.once, ...this.functionsWithin(startIndex, endIndex)];
    const update = loop.node.childForFieldName('increment');
    for (const node of loop.node.descendantsOfType(this.wanted)) {
      const start = node.startIndex;
      if (skipped.some(([s, e]) => start >= s && start < e)) continue;
      const type = node.type;
      const readBinding = grammar.bindings[type];
      if (readBinding) this.addBinding(readsReader, body, node, readBinding, update);
      const choice = grammar.conditionals[type];
      const condition = choice && node.childForFieldName(choice);
      if (condition) body.conditions.push(condition);
      if (type === grammar.awaitType) body.awaits.push(node);
      else if (type === grammar.yieldType) body.yields = true;
      else if (type === grammar.breakType || type === grammar.returnType) {
        const exit = this.exit(grammar, loop.node, node);
        if (exit) body.exits.push(exit);
      }
    }
    return body;
  }

  /** The ranges of the functions that start inside (start, end). */
  private functionsWithin(start: number, end: number): Array<[number, number]> {
    const { functions } = this;
    let low = 0;
    let high = functions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (functions[middle].startIndex <= start) low = middle + 1;
      else high = middle;
    }
    const ranges: Array<[number, number]> = [];
    for (let i = low; i < functions.length && functions[i].startIndex < end; i++) {
      ranges.push([functions[i].startIndex, functions[i].endIndex]);
    }
    return ranges;
  }

  private addBinding(readsReader: ReadsReader, body: LoopBody, node: Node, read: BindingReader, update: Node | null): void {
    const binding = read(node);
    if (!binding) return;
    const inUpdate = !!update && node.startIndex >= update.startIndex && node.endIndex <= update.endIndex;
    body.bindings.push({
      node,
      targets: binding.targets,
      paths: readsReader.written(binding.targets),
      value: binding.value,
      awaitedItem: binding.awaitedItem ?? false,
      at: inUpdate ? body.loop.node.endIndex : (binding.loop?.startIndex ?? node.endIndex),
    });
  }

  /** The exit as seen from `loop`, or undefined when it leaves an inner loop or `switch` instead. */
  private exit(grammar: FlowGrammar, loop: Node, exit: Node): Exit | undefined {
    const label = exit.type === grammar.breakType ? exit.childForFieldName('label')?.text : undefined;
    const guards: Node[] = [];
    let unconditional = true;
    for (let n = exit.parent; n && n.id !== loop.id; n = n.parent) {
      if (exit.type === grammar.breakType) {
        if (label === undefined && grammar.breakTargets.has(n.type)) return undefined;
        if (label !== undefined && n.type === grammar.labeledType && n.childForFieldName('label')?.text === label) return undefined;
      }
      if (grammar.plainBlocks.has(n.type)) continue;
      unconditional = false;
      const guard = guardOf(n);
      if (guard) guards.push(guard);
    }
    return { node: exit, guards, unconditional };
  }
}

/** The part of a statement that decides whether the code inside it runs. */
function guardOf(node: Node): Node | undefined {
  if (node.type === 'try_statement') return node.childForFieldName('body') ?? undefined;
  return (
    node.childForFieldName('condition') ??
    node.childForFieldName('subject') ??
    (node.type.startsWith('switch') ? node.childForFieldName('value') : null) ??
    (node.type.startsWith('for') ? node.childForFieldName('right') : null) ??
    undefined
  );
}
