/**
 * Python calls: a function of the same module, a method through `self` (in the class or its
 * bases), a method of an object made from a class of the workspace (`repo = UserRepo(db)` in the
 * same function, or a module's `users = UserRepo()` imported elsewhere) or kept in an attribute
 * (`self.repo = UserRepo()`, then `self.repo.get()`), and functions of modules
 * imported with `import` or `from … import` (relative imports and packages included).
 * A module is looked for beside the importing file and in the folders above it, as Python finds
 * a script's own modules.
 */
import * as path from 'node:path';
import type { FileSummary } from '../file-summary';
import { BaseResolver, ClassRef, classIn, methodOf } from './classes';
import { binding, CallResolver, FunctionRef, Lookup, topLevel } from './lookup';

/** How far up from the importing file an absolute import is looked for. */
const MAX_LEVELS = 8;

/** The files a module may be: `shop/db.py` or `shop/db/__init__.py`, relative to each candidate root. */
function moduleFiles(from: string, module: string): string[] {
  const dots = /^\.*/.exec(module)![0].length;
  const parts = module.slice(dots).split('.').filter(Boolean);
  const candidates = (root: string) =>
    parts.length === 0 ? [path.join(root, '__init__.py')] : [`${path.join(root, ...parts)}.py`, path.join(root, ...parts, '__init__.py')];
  let dir = path.dirname(from);
  if (dots > 0) {
    for (let i = 1; i < dots; i++) dir = path.dirname(dir);
    return candidates(dir);
  }
  const files: string[] = [];
  for (let level = 0; level < MAX_LEVELS; level++) {
    files.push(...candidates(dir));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return files;
}

/** The file a module is: the first of its candidates the index has. */
function moduleSummary(from: string, module: string, lookup: Lookup): { file: string; summary: FileSummary } | undefined {
  for (const file of moduleFiles(from, module)) {
    const summary = lookup.summary(file);
    if (summary) return { file, summary };
  }
  return undefined;
}

/** The function `name` of a module. */
function moduleFunction(from: string, module: string, name: string, lookup: Lookup): FunctionRef | undefined {
  const found = moduleSummary(from, module, lookup);
  return found && topLevel(found.file, found.summary, name);
}

/** How many imports a class name is followed through (a package's `__init__.py` re-exporting it). */
const MAX_REEXPORTS = 3;

/** The class a name or dotted path stands for in a file: declared there, or imported. */
function classAt(file: string, summary: FileSummary, written: string, lookup: Lookup, depth = 0): ClassRef | undefined {
  const parts = written.split('.');
  const last = parts[parts.length - 1];
  if (parts.length === 1) {
    const own = classIn(file, summary, last);
    if (own) return own;
  }
  const bound = binding(summary, parts[0]);
  if (!bound || depth >= MAX_REEXPORTS) return undefined;
  if (parts.length === 1) {
    const module = bound.name && moduleSummary(file, bound.module, lookup);
    return module ? classAt(module.file, module.summary, bound.name!, lookup, depth + 1) : undefined;
  }
  const module = bound.name ? [submodule(bound.module, bound.name), ...parts.slice(1, -1)].join('.') : [bound.module, ...parts.slice(1, -1)].join('.');
  const found = moduleSummary(file, module, lookup);
  return found && classIn(found.file, found.summary, last);
}

/** A base class is read as its own file reads it. */
const baseIn =
  (lookup: Lookup): BaseResolver =>
  (from, base) =>
    classAt(from.file, from.summary, base, lookup);

/** `users.get()` after `from .repo import users`, where repo.py has `users = UserRepo()`. */
function importedInstance(file: string, module: string, name: string, method: string, lookup: Lookup): FunctionRef | undefined {
  const found = moduleSummary(file, module, lookup);
  const type = found?.summary.instances?.find((i) => i.name === name)?.type;
  const cls = type && classAt(found.file, found.summary, type, lookup);
  return cls ? methodOf(cls, method, baseIn(lookup)) : undefined;
}

/** `.` + `db` is `.db`, `shop` + `db` is `shop.db`. */
function submodule(module: string, name: string): string {
  return module.endsWith('.') ? module + name : `${module}.${name}`;
}

export const resolvePython: CallResolver = (file, summary, call, caller, lookup) => {
  const parts = call.path.split('.');
  const last = parts[parts.length - 1];
  if (parts.length === 2 && caller?.owner && parts[0] === caller.selfName) {
    return methodOf(classIn(file, summary, caller.owner) ?? { file, summary, name: caller.owner }, last, baseIn(lookup));
  }
  // A variable made from a class: the variable shadows an import of the same name.
  const made = call.receiverType && classAt(file, summary, call.receiverType, lookup);
  if (made) return methodOf(made, last, baseIn(lookup));
  const bound = binding(summary, parts[0]);
  if (parts.length === 1) {
    if (!bound) return topLevel(file, summary, last);
    return bound.name ? moduleFunction(file, bound.module, bound.name, lookup) : undefined;
  }
  if (!bound) return undefined;
  if (!bound.name) return moduleFunction(file, [bound.module, ...parts.slice(1, -1)].join('.'), last, lookup);
  // `from . import db` then `db.fetch()`: the imported name is a module, or an object of one.
  if (parts.length !== 2) return undefined;
  return moduleFunction(file, submodule(bound.module, bound.name), last, lookup) ?? importedInstance(file, bound.module, bound.name, last, lookup);
};
