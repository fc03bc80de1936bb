/**
 * Methods found through classes: a method a class declares, or else one of its bases declares
 * (their bases first, in the order written, as Python's and Java's lookups mostly go). Each
 * language says how a base's name leads to the class it stands for; a base that leads nowhere
 * in the workspace ends that line of the search.
 */
import type { ClassFact, FileSummary } from '../file-summary';
import { FunctionRef, method } from './lookup';

/** A class of the workspace: the file that declares it, its summary and its name. */
export interface ClassRef {
  file: string;
  summary: FileSummary;
  name: string;
}

/** The class a base written in `from` stands for. */
export type BaseResolver = (from: ClassRef, base: string) => ClassRef | undefined;

/** How many classes up an inheritance chain a method is looked for. */
const MAX_BASES = 8;

/** The declaration of a class in a file's summary. */
export function classFactOf(ref: ClassRef): ClassFact | undefined {
  return ref.summary.classFacts?.find((c) => c.name === ref.name);
}

/** The class `name` if the file declares it. */
export function classIn(file: string, summary: FileSummary | undefined, name: string): ClassRef | undefined {
  return summary?.classFacts?.some((c) => c.name === name) ? { file, summary, name } : undefined;
}

/** The method `name` of a class or of the nearest of its bases that declares one. */
export function methodOf(start: ClassRef, name: string, baseOf: BaseResolver): FunctionRef | undefined {
  const seen = new Set<string>();
  const queue: ClassRef[] = [start];
  while (queue.length > 0 && seen.size < MAX_BASES) {
    const cls = queue.shift()!;
    const key = `${cls.file}\0${cls.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = method(cls.file, cls.summary, cls.name, name);
    if (found) return found;
    for (const base of classFactOf(cls)?.bases ?? []) {
      const resolved = baseOf(cls, base);
      if (resolved) queue.push(resolved);
    }
  }
  return undefined;
}
