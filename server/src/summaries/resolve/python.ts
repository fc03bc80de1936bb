/**
 * Python calls: a function of the same module, a method through `self`, and functions of
 * modules imported with `import` or `from … import` (relative imports and packages included).
 * A module is looked for beside the importing file and in the folders above it, as Python finds
 * a script's own modules.
 */
import * as path from 'node:path';
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

/** The function `name` of a module: the first file the module can be decides. */
function moduleFunction(from: string, module: string, name: string, lookup: Lookup): FunctionRef | undefined {
  for (const file of moduleFiles(from, module)) {
    const summary = lookup.summary(file);
    if (summary) return topLevel(file, summary, name);
  }
  return undefined;
}

/** `.` + `db` is `.db`, `shop` + `db` is `shop.db`. */
function submodule(module: string, name: string): string {
  return module.endsWith('.') ? module + name : `${module}.${name}`;
}

export const resolvePython: CallResolver = (file, summary, call, caller, lookup) => {
  const parts = call.path.split('.');
  const last = parts[parts.length - 1];
  if (parts.length === 2 && caller?.owner && parts[0] === caller.selfName) {
    const fn = summary.functions.find((f) => f.name === last && f.owner === caller.owner);
    return fn && { file, fn };
  }
  const bound = binding(summary, parts[0]);
  if (parts.length === 1) {
    if (!bound) return topLevel(file, summary, last);
    return bound.name ? moduleFunction(file, bound.module, bound.name, lookup) : undefined;
  }
  if (!bound) return undefined;
  if (!bound.name) return moduleFunction(file, [bound.module, ...parts.slice(1, -1)].join('.'), last, lookup);
  // `from . import db` then `db.fetch()`: the imported name is a module.
  return parts.length === 2 ? moduleFunction(file, submodule(bound.module, bound.name), last, lookup) : undefined;
};
