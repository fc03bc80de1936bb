/**
 * Two measurements over the same files, taken file by file in alternating order (A then B, then
 * B then A), so a change in the machine's speed during the run falls on both alike. The first
 * files are run once untimed: the first parses after a grammar loads compile its WASM.
 */

/** Each side measures one file and returns the milliseconds it counts; `counted` is false while warming up. */
export type Side = (index: number, counted: boolean) => Promise<number> | number;

export interface Alternated {
  aMs: number;
  bMs: number;
}

const WARM_UP_FILES = 20;

export async function alternate(count: number, a: Side, b: Side, warmUp = WARM_UP_FILES): Promise<Alternated> {
  for (let i = 0; i < Math.min(warmUp, count); i++) {
    await a(i, false);
    await b(i, false);
  }
  const result: Alternated = { aMs: 0, bMs: 0 };
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      result.aMs += await a(i, true);
      result.bMs += await b(i, true);
    } else {
      result.bMs += await b(i, true);
      result.aMs += await a(i, true);
    }
  }
  return result;
}
