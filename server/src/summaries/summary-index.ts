/**
 * The workspace index of function summaries: each file's summary (file-summary.ts), combined to
 * answer "does this function do I/O, directly or through the functions it calls, and through
 * which chain?". Files are added, replaced and removed one at a time; each change names the files
 * whose cross-file findings may change with it, from what their resolution read last time, so an
 * edit never re-reads the workspace.
 */
import * as path from 'node:path';
import type { Finding, Severity } from '../findings';
import { Chain, ChainLink, nPlusOneThroughCall } from '../rules/n-plus-one-through-call';
import type { LanguageId } from '../syntax/languages';
import type { FileSummary } from './file-summary';
import type { Linker } from '../findings-store';
import { GoModules } from './go-modules';
import { resolveGo } from './resolve/go';
import { resolveJava } from './resolve/java';
import { resolveJavaScript } from './resolve/javascript';
import type { CallResolver, FunctionRef, Lookup } from './resolve/lookup';
import { resolvePython } from './resolve/python';

/** How many functions a chain may go through, the one the loop calls included. */
export const MAX_CHAIN_DEPTH = 3;
/** At most this many functions are visited looking for one loop call's chain. */
const MAX_VISITED = 400;

const RESOLVERS: Record<LanguageId, CallResolver> = {
  python: resolvePython,
  javascript: resolveJavaScript,
  typescript: resolveJavaScript,
  go: resolveGo,
  java: resolveJava,
};

/** What a file's resolution may read: a file, the Go files of a folder, a Java class. */
const fileKey = (file: string) => `file:${file}`;
const goKey = (dir: string) => `go:${dir}`;
const javaKey = (qualified: string) => `java:${qualified}`;
const implementersKey = (qualified: string) => `implements:${qualified}`;

/**
 * Java: the classes of a summary with the qualified names of what they extend or implement, as
 * the file's imports and package read them (a name that may come from a wildcard import counts
 * for each such package: only a real interface's name is ever looked up).
 */
function javaSupertypes(summary: FileSummary): Array<{ name: string; supertype: string }> {
  if (summary.language !== 'java') return [];
  const found: Array<{ name: string; supertype: string }> = [];
  for (const cls of summary.classFacts ?? []) {
    if (cls.isInterface) continue;
    for (const base of cls.bases) {
      const imported = summary.imports.find((b) => b.local === base);
      const packages = imported ? [imported.module] : [summary.packageName ?? '', ...summary.imports.filter((b) => b.name === '*').map((b) => b.module)];
      for (const pkg of packages) found.push({ name: cls.name, supertype: pkg ? `${pkg}.${base}` : base });
    }
  }
  return found;
}

/** The keys a summary answers for: a change to it changes what readers of these keys saw. */
function keysOf(file: string, summary: FileSummary | undefined): string[] {
  const keys = [fileKey(file)];
  if (!summary) return keys;
  if (summary.language === 'go') keys.push(goKey(path.dirname(file)));
  for (const name of summary.classes ?? []) keys.push(javaKey(summary.packageName ? `${summary.packageName}.${name}` : name));
  for (const { supertype } of javaSupertypes(summary)) keys.push(implementersKey(supertype));
  return keys;
}

export class SummaryIndex implements Linker {
  private readonly scanned = new Map<string, FileSummary>();
  private readonly open = new Map<string, FileSummary>();
  private readonly goDirs = new Map<string, Set<string>>();
  private readonly javaClasses = new Map<string, string>();
  /** Java: qualified supertype → the classes that extend or implement it. */
  private readonly implementers = new Map<string, Array<{ file: string; name: string }>>();
  /** Key → files whose last resolution read it. */
  private readonly readers = new Map<string, Set<string>>();
  /** File → keys its last resolution read. */
  private readonly reads = new Map<string, Set<string>>();

  /** `severity` gives n-plus-one-through-call's severity under the current settings, undefined when it is off. */
  constructor(
    private readonly severity: () => Severity | undefined,
    private readonly goModules = new GoModules(),
  ) {}

  /** The file's summary from the last scan (undefined when it is gone); returns the files whose findings may change. */
  setScanned(file: string, summary: FileSummary | undefined): string[] {
    return this.replace(file, () => (summary ? this.scanned.set(file, summary) : this.scanned.delete(file)));
  }

  /** The summary of the file's open document, which wins over the scanned one (undefined when closed). */
  setOpen(file: string, summary: FileSummary | undefined): string[] {
    return this.replace(file, () => (summary ? this.open.set(file, summary) : this.open.delete(file)));
  }

  /** Every file with a summary. */
  files(): string[] {
    return [...new Set([...this.scanned.keys(), ...this.open.keys()])];
  }

  /** A go.mod changed (created, edited, deleted): module paths are read again; returns the Go files whose findings may change. */
  goModulesChanged(): string[] {
    this.goModules.clear();
    return [...this.reads.keys()].filter((file) => this.summary(file)?.language === 'go');
  }

  /** The cross-file findings of a file: calls in loops to functions whose chain reaches I/O. */
  findings(file: string): Finding[] {
    const severity = this.severity();
    const keys = new Set<string>([fileKey(file)]);
    const findings: Finding[] = [];
    const summary = this.summary(file);
    const lookup = this.lookup(keys);
    try {
      for (const call of summary && severity ? summary.loopCalls : []) {
        const target = RESOLVERS[summary!.language](file, summary!, call, call.inFunction, lookup);
        const chain = target && this.chainFrom(target, lookup);
        if (chain) findings.push(nPlusOneThroughCall.finding(file, call, chain, severity!));
      }
    } finally {
      this.setReads(file, keys);
    }
    return findings;
  }

  /** The chain from the function a loop call reaches to the nearest I/O call, at most MAX_CHAIN_DEPTH functions long. */
  private chainFrom(start: FunctionRef, lookup: Lookup): Chain | undefined {
    // Breadth first: the shortest chain is found, and a function met twice (a cycle) is not
    // visited again.
    type Step = { ref: FunctionRef; links: ChainLink[] };
    let level: Step[] = [{ ref: start, links: [] }];
    const visited = new Set<FunctionRef['fn']>([start.fn]);
    for (let depth = 1; depth <= MAX_CHAIN_DEPTH && level.length > 0; depth++) {
      const next: Step[] = [];
      for (const { ref, links } of level) {
        const { file, fn } = ref;
        if (fn.io) return { links: [...links, { file, fn, call: fn.io }], io: fn.io };
        if (depth === MAX_CHAIN_DEPTH) continue;
        const summary = lookup.summary(file);
        if (!summary) continue;
        for (const call of fn.calls) {
          const callee = RESOLVERS[summary.language](file, summary, call, fn, lookup);
          if (!callee || visited.has(callee.fn) || visited.size >= MAX_VISITED) continue;
          visited.add(callee.fn);
          next.push({ ref: callee, links: [...links, { file, fn, call }] });
        }
      }
      level = next;
    }
    return undefined;
  }

  private summary(file: string): FileSummary | undefined {
    return this.open.get(file) ?? this.scanned.get(file);
  }

  /** The index as resolvers see it, with every key read added to `keys`. */
  private lookup(keys: Set<string>): Lookup {
    return {
      summary: (file) => {
        keys.add(fileKey(file));
        return this.summary(file);
      },
      goFiles: (dir) => {
        keys.add(goKey(dir));
        return [...(this.goDirs.get(dir) ?? [])].sort();
      },
      javaClass: (qualified) => {
        keys.add(javaKey(qualified));
        return this.javaClasses.get(qualified);
      },
      javaImplementers: (qualified) => {
        keys.add(implementersKey(qualified));
        return this.implementers.get(qualified) ?? [];
      },
      goModule: (dir) => this.goModules.of(dir),
    };
  }

  private setReads(file: string, keys: Set<string>): void {
    for (const key of this.reads.get(file) ?? []) this.readers.get(key)?.delete(file);
    this.reads.set(file, keys);
    for (const key of keys) {
      let files = this.readers.get(key);
      if (!files) this.readers.set(key, (files = new Set()));
      files.add(file);
    }
  }

  private updateImplementers(file: string, before: FileSummary | undefined, after: FileSummary | undefined): void {
    for (const { supertype } of before ? javaSupertypes(before) : []) {
      const left = (this.implementers.get(supertype) ?? []).filter((c) => c.file !== file);
      if (left.length > 0) this.implementers.set(supertype, left);
      else this.implementers.delete(supertype);
    }
    for (const { name, supertype } of after ? javaSupertypes(after) : []) {
      const list = this.implementers.get(supertype) ?? [];
      if (!list.some((c) => c.file === file && c.name === name)) list.push({ file, name });
      this.implementers.set(supertype, list);
    }
  }

  private replace(file: string, change: () => void): string[] {
    const before = this.summary(file);
    change();
    const after = this.summary(file);
    if (before === after) return [];
    for (const key of keysOf(file, before)) {
      if (key.startsWith('java:') && this.javaClasses.get(key.slice(5)) === file) this.javaClasses.delete(key.slice(5));
    }
    for (const key of keysOf(file, after)) if (key.startsWith('java:')) this.javaClasses.set(key.slice(5), file);
    this.updateImplementers(file, before, after);
    const dir = path.dirname(file);
    const goFiles = this.goDirs.get(dir);
    if (after?.language === 'go') {
      if (goFiles) goFiles.add(file);
      else this.goDirs.set(dir, new Set([file]));
    } else if (goFiles?.delete(file) && goFiles.size === 0) this.goDirs.delete(dir);
    const affected = new Set<string>([file]);
    for (const key of [...keysOf(file, before), ...keysOf(file, after)]) for (const reader of this.readers.get(key) ?? []) affected.add(reader);
    if (!after) {
      this.setReads(file, new Set());
      this.reads.delete(file);
    }
    return [...affected];
  }
}
