/**
 * JavaScript and TypeScript calls: a function of the same module, a method through `this` (in the
 * class or the classes it extends), a method of an object made from a class of the workspace
 * (`const r = new Repo()`, `this.repo = new Repo()`, TypeScript's `private repo: Repo`) or
 * returned by a factory (`const repo = makeRepo(db)`), methods of
 * objects a module exports (`export const repo = { find() {} }`, `module.exports = { find() {} }`),
 * and functions of relative modules imported with `import` or `require` (with the extensions and
 * index files Node and TypeScript try). Packages from node_modules are not followed.
 */
import * as path from 'node:path';
import type { FileSummary } from '../file-summary';
import { BaseResolver, ClassRef, classIn, methodOf } from './classes';
import { binding, CallResolver, FunctionRef, Lookup, method, topLevel } from './lookup';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

function moduleFiles(from: string, specifier: string): string[] {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return [];
  const base = path.resolve(path.dirname(from), specifier);
  const files = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  // TypeScript imports `./db.js` from the source `./db.ts`.
  const compiled = /\.(m|c)?js$/.exec(base);
  if (compiled) files.push(...['.ts', '.tsx'].map((e) => base.slice(0, -compiled[0].length) + (compiled[1] ? `.${compiled[1]}ts` : e)));
  return files;
}

/** The file a module specifier stands for: the first of its candidates the index has. */
function moduleSummary(from: string, specifier: string, lookup: Lookup): { file: string; summary: FileSummary } | undefined {
  for (const file of moduleFiles(from, specifier)) {
    const summary = lookup.summary(file);
    if (summary) return { file, summary };
  }
  return undefined;
}

/**
 * A member of a module: a function it declares, or a method of the object it exports whole
 * (`module.exports = { find() {} }`, and `export default { … }` for a default import).
 */
function moduleFunction(from: string, specifier: string, name: string | undefined, lookup: Lookup, exported = ['module.exports']): FunctionRef | undefined {
  const found = moduleSummary(from, specifier, lookup);
  if (!found) return undefined;
  const { file, summary } = found;
  // A default import of a CommonJS module (`import db from './db'`) is its `module.exports`.
  const own = topLevel(file, summary, name === 'default' ? (summary.defaultExport ?? '') : (name ?? ''));
  if (own || name === undefined) return own;
  for (const owner of exported) {
    const fn = method(file, summary, owner, name);
    if (fn) return fn;
  }
  return undefined;
}

/** The class a name (or `module.Name`) stands for in a file: declared there, or imported. */
function classAt(file: string, summary: FileSummary, written: string, lookup: Lookup): ClassRef | undefined {
  const parts = written.split('.');
  if (parts.length === 1) {
    const own = classIn(file, summary, written);
    if (own) return own;
  }
  const bound = binding(summary, parts[0]);
  if (!bound || parts.length > 2) return undefined;
  const module = moduleSummary(file, bound.module, lookup);
  if (!module) return undefined;
  const name = parts.length === 2 ? (bound.name ? undefined : parts[1]) : bound.name === 'default' ? module.summary.defaultExport : bound.name;
  return name ? classIn(module.file, module.summary, name) : undefined;
}

const baseIn =
  (lookup: Lookup): BaseResolver =>
  (from, base) =>
    classAt(from.file, from.summary, base, lookup);

/** The function a plain name calls: one of the module's, or an imported one. */
function functionNamed(file: string, summary: FileSummary, name: string, lookup: Lookup): FunctionRef | undefined {
  const bound = binding(summary, name);
  // A module called as a function (`const lookup = require('./lookup'); lookup(id)`) is its default export.
  return bound ? moduleFunction(file, bound.module, bound.name ?? 'default', lookup) : topLevel(file, summary, name);
}

/** A method of what a variable was made from: a class (`Repo`) or the object a factory returned (`makeRepo()`). */
function madeMethod(file: string, summary: FileSummary, made: string, name: string, lookup: Lookup): FunctionRef | undefined {
  if (made.endsWith('()')) {
    const factory = functionNamed(file, summary, made.slice(0, -2), lookup);
    if (!factory) return undefined;
    return method(factory.file, lookup.summary(factory.file), `${factory.fn.name}()`, name);
  }
  const cls = classAt(file, summary, made, lookup);
  return cls && methodOf(cls, name, baseIn(lookup));
}

/** `repo.find()` after `import { repo } from './repo'`: an object literal the module exports, or an object it made. */
function exportedObjectMethod(from: string, specifier: string, object: string, name: string, lookup: Lookup): FunctionRef | undefined {
  const found = moduleSummary(from, specifier, lookup);
  if (!found) return undefined;
  const made = found.summary.instances?.find((i) => i.name === object)?.type;
  return method(found.file, found.summary, object, name) ?? (made ? madeMethod(found.file, found.summary, made, name, lookup) : undefined);
}

export const resolveJavaScript: CallResolver = (file, summary, call, caller, lookup) => {
  const parts = call.path.split('.');
  if (parts.length === 2 && parts[0] === 'this' && caller?.owner) {
    return methodOf(classIn(file, summary, caller.owner) ?? { file, summary, name: caller.owner }, parts[1], baseIn(lookup));
  }
  // A variable made from a class or a factory shadows an import of the same name; `this.repo`
  // has the class of the attribute.
  const made = call.receiverType ? madeMethod(file, summary, call.receiverType, parts[parts.length - 1], lookup) : undefined;
  if (made) return made;
  if (parts.length === 1) return functionNamed(file, summary, parts[0], lookup);
  if (parts.length !== 2) return undefined;
  const bound = binding(summary, parts[0]);
  // `db.fetch()` after `import * as db`, `const db = require('./db')` or a default import of CommonJS.
  if (bound && !bound.name) return moduleFunction(file, bound.module, parts[1], lookup);
  if (bound?.name === 'default') return moduleFunction(file, bound.module, parts[1], lookup, ['default', 'module.exports']);
  if (bound) return exportedObjectMethod(file, bound.module, bound.name!, parts[1], lookup);
  // An object literal of this module: `const repo = { find() {} }` at module level.
  return method(file, summary, parts[0], parts[1]);
};
