/**
 * Java calls: a method of the same class or of a superclass in the workspace (`m()`, `this.m()`,
 * `super.m()`), and methods of the class named by the receiver's declared type (or called
 * statically), found in the same file, through the file's imports or in the same package. A call
 * on an interface goes to the one class of the workspace that implements it, when there is
 * exactly one.
 */
import type { FileSummary } from '../file-summary';
import { BaseResolver, ClassRef, classFactOf, methodOf } from './classes';
import { CallResolver, FunctionRef, Lookup } from './lookup';

/** The file that declares class `name` as `file` sees it. */
function classFile(file: string, summary: FileSummary, name: string, lookup: Lookup): string | undefined {
  if (summary.classes?.includes(name) || summary.classFacts?.some((c) => c.name === name)) return file;
  const imported = summary.imports.find((b) => b.local === name);
  if (imported) return lookup.javaClass(`${imported.module}.${name}`);
  const own = lookup.javaClass(summary.packageName ? `${summary.packageName}.${name}` : name);
  if (own) return own;
  for (const wildcard of summary.imports) {
    if (wildcard.name !== '*') continue;
    const found = lookup.javaClass(`${wildcard.module}.${name}`);
    if (found) return found;
  }
  return undefined;
}

function classRef(file: string, summary: FileSummary, name: string, lookup: Lookup): ClassRef | undefined {
  const target = classFile(file, summary, name, lookup);
  const found = target === file ? summary : target && lookup.summary(target);
  return found ? { file: target!, summary: found, name } : undefined;
}

const baseIn =
  (lookup: Lookup): BaseResolver =>
  (from, base) =>
    classRef(from.file, from.summary, base, lookup);

/** The qualified name a class is indexed by. */
function qualified(cls: ClassRef): string {
  return cls.summary.packageName ? `${cls.summary.packageName}.${cls.name}` : cls.name;
}

/** A method called on a class or interface: an interface's one implementation wins over its default method. */
function methodOn(cls: ClassRef, name: string, lookup: Lookup): FunctionRef | undefined {
  if (classFactOf(cls)?.isInterface) {
    const implementers = lookup.javaImplementers(qualified(cls));
    if (implementers.length === 1) {
      const impl = implementers[0];
      const summary = lookup.summary(impl.file);
      const found = summary && methodOf({ file: impl.file, summary, name: impl.name }, name, baseIn(lookup));
      if (found) return found;
    }
  }
  return methodOf(cls, name, baseIn(lookup));
}

export const resolveJava: CallResolver = (file, summary, call, caller, lookup) => {
  const parts = call.path.split('.');
  const name = parts[parts.length - 1];
  const own: ClassRef | undefined = caller?.owner ? { file, summary, name: caller.owner } : undefined;
  if (parts.length === 1 || (parts.length === 2 && parts[0] === 'this')) return own && methodOf(own, name, baseIn(lookup));
  if (parts.length === 2 && parts[0] === 'super') {
    for (const base of (own && classFactOf(own)?.bases) ?? []) {
      const cls = baseIn(lookup)(own!, base);
      const found = cls && methodOf(cls, name, baseIn(lookup));
      if (found) return found;
    }
    return undefined;
  }
  const cls = call.receiverType && classRef(file, summary, call.receiverType, lookup);
  return cls ? methodOn(cls, name, lookup) : undefined;
};
