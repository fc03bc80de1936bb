/**
 * Whether the rounds of a loop depend on each other through what they await: the loops where
 * waiting for one round before starting the next is the point, not an accident.
 */
import type { Node } from 'web-tree-sitter';
import type { Loop } from '../syntax/facts';
import type { Binding, LoopBody, LoopBodyReader } from '../syntax/loop-body';
import { overlaps } from '../syntax/reads';

interface Verdict {
  body: LoopBody;
  /** Every path a round writes. */
  rebound: string[];
  /** True when the whole loop must run round after round (see `sequential`). */
  sequential: boolean;
}

/** Loops without an iterable: their rounds differ only by what they write. */
const COUNTED_OR_OPEN: ReadonlySet<string> = new Set(['for', 'while', 'do']);

function meets(reads: ReadonlySet<string>, written: readonly string[]): boolean {
  for (const read of reads) if (written.some((path) => overlaps(read, path))) return true;
  return false;
}

function contains(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

export class LoopDependence {
  private readonly verdicts = new Map<number, Verdict>();

  /** `isPacing` tells awaits that wait on purpose (`await sleep(ms)`) from awaits of work. */
  constructor(
    private readonly reader: LoopBodyReader,
    private readonly isPacing: (awaitNode: Node) => boolean,
  ) {}

  /**
   * True when `expression`, awaited on every round of `loop`, could be started for all rounds
   * at once: no round needs what an earlier round awaited.
   */
  independent(loop: Loop, expression: Node): boolean {
    const verdict = this.verdict(loop);
    if (!verdict || verdict.sequential) return false;
    // Without an iterable, the same call with the same arguments on every round polls or
    // consumes a source; only work on something the round changes is per-item work.
    return !COUNTED_OR_OPEN.has(loop.kind) || meets(this.reader.paths(expression), verdict.rebound);
  }

  private verdict(loop: Loop): Verdict | undefined {
    let verdict = this.verdicts.get(loop.node.id);
    if (!verdict) {
      const body = this.reader.read(loop);
      if (!body) return undefined;
      const rebound = body.bindings.flatMap((b) => b.paths);
      verdict = { body, rebound, sequential: this.sequential(body, rebound) };
      this.verdicts.set(loop.node.id, verdict);
    }
    return verdict;
  }

  /**
   * The loop as a whole waits on purpose when its awaits depend on what an earlier round
   * awaited (a cursor, an offset, the last error), when it decides whether to go on from what it
   * awaited (polling, retries, paging until an empty page, trying mirrors until one answers),
   * when it stops in its first round, yields each item to a consumer, or paces itself with a
   * sleep; and, without an iterable, when it takes each round's item from an await
   * (`msg = await queue.get()`).
   */
  private sequential(body: LoopBody, rebound: readonly string[]): boolean {
    const tainted = this.awaitedBindings(body);
    const awaited = tainted.flatMap((b) => b.paths);
    const usesAwaited = (node: Node): boolean => body.awaits.some((a) => contains(node, a)) || meets(this.reader.paths(node), awaited);
    if (body.condition && usesAwaited(body.condition)) return true;
    if (body.exits.some((e) => e.unconditional || e.guards.some(usesAwaited))) return true;
    if (body.yields || body.awaits.some(this.isPacing)) return true;
    if (this.carried(body, tainted)) return true;
    if (!COUNTED_OR_OPEN.has(body.loop.kind)) return false;
    const fixedSource = (a: Node): boolean => !meets(this.reader.paths(a), rebound);
    return body.bindings.some(({ value }) => value && body.awaits.some((a) => contains(value, a) && fixedSource(a)));
  }

  /**
   * True when an await, or a condition written before an await (which may decide whether it
   * runs), reads what an earlier round wrote from an await: a round reads it before the round
   * writes it anew. Accumulating results (`if key not in seen: …` after the await) does not count.
   */
  private carried(body: LoopBody, tainted: readonly Binding[]): boolean {
    if (tainted.length === 0 || body.awaits.length === 0) return false;
    const lastAwait = body.awaits[body.awaits.length - 1].startIndex;
    const deciding = [...body.awaits, ...body.conditions.filter((c) => c.startIndex < lastAwait)];
    const reads = deciding.flatMap((node) => this.reader.reads(node));
    return tainted.some((b) => reads.some((r) => r.at < b.at && b.paths.some((path) => overlaps(r.path, path))));
  }

  /** The writes whose value comes, directly or through other writes, from an await in the loop. */
  private awaitedBindings(body: LoopBody): Binding[] {
    const tainted: Binding[] = [];
    const awaited: string[] = [];
    const pending = [...body.bindings];
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = pending.length - 1; i >= 0; i--) {
        const b = pending[i];
        const value = b.value;
        const fromAwait =
          b.awaitedItem || (!!value && (body.awaits.some((a) => contains(value, a)) || meets(this.reader.paths(value), awaited)));
        if (!fromAwait) continue;
        tainted.push(b);
        awaited.push(...b.paths);
        pending.splice(i, 1);
        changed = true;
      }
    }
    return tainted;
  }
}
