/**
 * Java calls: a method of the same class, and methods of a class named by the receiver's
 * declared type (or called statically), found in the same file, through the file's imports or in
 * the same package.
 */
import type { FileSummary } from '../file-summary';
import { CallResolver, Lookup, method } from './lookup';

/** The file that declares class `name` as `file` sees it. */
function classFile(file: string, summary: FileSummary, name: string, lookup: Lookup): string | undefined {
  if (summary.classes?.includes(name)) return file;
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

export const resolveJava: CallResolver = (file, summary, call, caller, lookup) => {
  const parts = call.path.split('.');
  const name = parts[parts.length - 1];
  if (parts.length === 1 || (parts.length === 2 && parts[0] === 'this')) {
    return caller?.owner ? method(file, summary, caller.owner, name) : undefined;
  }
  if (!call.receiverType) return undefined;
  const target = classFile(file, summary, call.receiverType, lookup);
  return target ? method(target, lookup.summary(target), call.receiverType, name) : undefined;
};
