/**
 * Pairs the functions of two profiles: the same name, in the same file however each machine
 * recorded its path (`/home/ci/work/app/src/db.py` and `/srv/app/src/db.py`, a module path and an
 * absolute one, a URL and a path). Line numbers are never compared: code moves.
 */
import type { FunctionGroup } from './function-groups';

/** How sure a pairing is: the same workspace file beats any recorded path. */
const SAME_WORKSPACE_FILE = 1e6;
/** A function whose profile recorded no file pairs by name alone, after those with files. */
const NAME_ONLY = 0.5;

function segments(file: string): string[] {
  return file.split('/').filter(Boolean);
}

/** How many trailing path segments two recorded files share. */
export function commonSuffix(a: string, b: string): number {
  const x = segments(a);
  const y = segments(b);
  let shared = 0;
  while (shared < x.length && shared < y.length && x[x.length - 1 - shared] === y[y.length - 1 - shared]) shared++;
  return shared;
}

/** How well two functions of the same name pair, or 0 when they are not the same function. */
function pairScore(base: FunctionGroup, current: FunctionGroup): number {
  if (base.workspaceFile && current.workspaceFile) return base.workspaceFile === current.workspaceFile ? SAME_WORKSPACE_FILE : 0;
  if (!base.file || !current.file) return NAME_ONLY;
  return commonSuffix(base.file, current.file);
}

/**
 * Pairs base and current groups one to one, best pairings first. Returns, per current group, the
 * base group it pairs with (or -1).
 */
export function matchFunctions(base: readonly FunctionGroup[], current: readonly FunctionGroup[]): Int32Array {
  const baseByName = new Map<string, number[]>();
  base.forEach((g, i) => {
    const list = baseByName.get(g.name);
    if (list) list.push(i);
    else baseByName.set(g.name, [i]);
  });
  const candidates: Array<{ b: number; c: number; score: number }> = [];
  current.forEach((g, c) => {
    for (const b of baseByName.get(g.name) ?? []) {
      const score = pairScore(base[b], g);
      if (score > 0) candidates.push({ b, c, score });
    }
  });
  candidates.sort((x, y) => y.score - x.score || x.c - y.c || x.b - y.b);
  const pairOf = new Int32Array(current.length).fill(-1);
  const taken = new Uint8Array(base.length);
  for (const { b, c } of candidates) {
    if (pairOf[c] >= 0 || taken[b]) continue;
    pairOf[c] = b;
    taken[b] = 1;
  }
  return pairOf;
}
