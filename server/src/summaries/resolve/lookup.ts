/**
 * What a resolver may ask the workspace index. Every question is recorded as something the
 * asking file depends on, so that the file's findings are computed again when the answer changes
 * (a module created where an import looked for it, a function removed from a package).
 */
import type { CallFact, FileSummary, FunctionFact } from '../file-summary';

export interface Lookup {
  /** The summary of a file, if the index has it. */
  summary(file: string): FileSummary | undefined;
  /** The Go files of a folder. */
  goFiles(dir: string): readonly string[];
  /** The file that declares a Java class, by qualified name. */
  javaClass(qualified: string): string | undefined;
  /** The Java classes of the workspace that implement an interface, by its qualified name. */
  javaImplementers(qualified: string): ReadonlyArray<{ file: string; name: string }>;
  /** The Go module (root folder and module path) a folder belongs to. */
  goModule(dir: string): { root: string; path: string } | undefined;
}

/** A function of the workspace: the file it is in and its summary. */
export interface FunctionRef {
  file: string;
  fn: FunctionFact;
}

/** The function a call made inside `caller` (or at a loop of the file) stands for, if the language's rules name one. */
export type CallResolver = (
  file: string,
  summary: FileSummary,
  call: CallFact,
  caller: { owner?: string; selfName?: string } | undefined,
  lookup: Lookup,
) => FunctionRef | undefined;

/** The module-level function of a file with this name. */
export function topLevel(file: string, summary: FileSummary | undefined, name: string): FunctionRef | undefined {
  const fn = summary?.functions.find((f) => f.name === name && f.owner === undefined);
  return fn && { file, fn };
}

/** The method of a class (or Go type) in a file. */
export function method(file: string, summary: FileSummary | undefined, owner: string, name: string): FunctionRef | undefined {
  const fn = summary?.functions.find((f) => f.name === name && f.owner === owner);
  return fn && { file, fn };
}

/** The last import that binds a name. */
export function binding(summary: FileSummary, local: string) {
  for (let i = summary.imports.length - 1; i >= 0; i--) if (summary.imports[i].local === local) return summary.imports[i];
  return undefined;
}
