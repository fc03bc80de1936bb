/**
 * Go calls: a function of the same package (any file of the folder that declares the same
 * package), a method through the receiver, and exported functions of packages of the same module
 * imported by their path (`example.com/app/store` is the folder `store` under the go.mod that
 * declares `module example.com/app`).
 */
import * as path from 'node:path';
import type { FileSummary } from '../file-summary';
import { binding, CallResolver, FunctionRef, Lookup } from './lookup';

function inPackage(dir: string, packageName: string | undefined, lookup: Lookup, find: (s: FileSummary) => FunctionRef['fn'] | undefined): FunctionRef | undefined {
  for (const file of lookup.goFiles(dir)) {
    const summary = lookup.summary(file);
    if (!summary || (packageName !== undefined && summary.packageName !== packageName)) continue;
    const fn = find(summary);
    if (fn) return { file, fn };
  }
  return undefined;
}

/** The folder of an imported package of the importing file's own module. */
function packageDir(from: string, importPath: string, lookup: Lookup): string | undefined {
  const module = lookup.goModule(path.dirname(from));
  if (!module) return undefined;
  if (importPath === module.path) return module.root;
  return importPath.startsWith(`${module.path}/`) ? path.join(module.root, ...importPath.slice(module.path.length + 1).split('/')) : undefined;
}

export const resolveGo: CallResolver = (file, summary, call, caller, lookup) => {
  const parts = call.path.split('.');
  const dir = path.dirname(file);
  const own = summary.packageName;
  if (parts.length === 1) return inPackage(dir, own, lookup, (s) => s.functions.find((f) => f.name === parts[0] && f.owner === undefined));
  if (parts.length !== 2) return undefined;
  if (caller?.owner && parts[0] === caller.selfName) {
    return inPackage(dir, own, lookup, (s) => s.functions.find((f) => f.name === parts[1] && f.owner === caller.owner));
  }
  const bound = binding(summary, parts[0]);
  const target = bound && packageDir(file, bound.module, lookup);
  return target ? inPackage(target, undefined, lookup, (s) => s.functions.find((f) => f.name === parts[1] && f.owner === undefined)) : undefined;
};
