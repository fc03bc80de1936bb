/**
 * JavaScript and TypeScript calls: a function of the same module, a method through `this`, and
 * functions of relative modules imported with `import` or `require` (with the extensions and
 * index files Node and TypeScript try). Packages from node_modules are not followed.
 */
import * as path from 'node:path';
import { binding, CallResolver, FunctionRef, Lookup, topLevel } from './lookup';

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

function moduleFunction(from: string, specifier: string, name: string | undefined, lookup: Lookup): FunctionRef | undefined {
  for (const file of moduleFiles(from, specifier)) {
    const summary = lookup.summary(file);
    if (!summary) continue;
    // A default import of a CommonJS module (`import db from './db'`) is its `module.exports`.
    return topLevel(file, summary, name === 'default' ? (summary.defaultExport ?? '') : (name ?? ''));
  }
  return undefined;
}

export const resolveJavaScript: CallResolver = (file, summary, call, caller, lookup) => {
  const parts = call.path.split('.');
  if (parts.length === 2 && parts[0] === 'this' && caller?.owner) {
    const fn = summary.functions.find((f) => f.name === parts[1] && f.owner === caller.owner);
    return fn && { file, fn };
  }
  const bound = binding(summary, parts[0]);
  // A module called as a function (`const lookup = require('./lookup'); lookup(id)`) is its default export.
  if (parts.length === 1) return bound ? moduleFunction(file, bound.module, bound.name ?? 'default', lookup) : topLevel(file, summary, parts[0]);
  // `db.fetch()` after `import * as db`, `const db = require('./db')` or a default import of CommonJS.
  if (parts.length === 2 && bound && (!bound.name || bound.name === 'default')) return moduleFunction(file, bound.module, parts[1], lookup);
  return undefined;
};
