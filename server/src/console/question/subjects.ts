/**
 * What a question is about: functions, files, folders, a language, a line, rules, or "this" (the
 * editor's cursor or selection), resolved against the names the model knows. Names are matched
 * exactly first, then with a typo or two; a code-like word that names nothing is kept as
 * unresolved, so the answer can say so.
 */
import * as path from 'node:path';
import type { LanguageId } from '../../syntax/languages';
import type { ConsoleModel } from '../model';
import { shortName } from '../../profiles/locate';
import { allowedEdits, closest, editDistance, nameKey } from './fuzzy';
import { functionsByKey, NameIndex } from './names';
import { RULE_ALIASES } from './rule-aliases';
import { isContentWord, Word } from './words';

export interface Subjects {
  /** Function names as the model spells them, in the order the question mentions them. */
  functions: string[];
  /** Absolute paths. */
  files: string[];
  folders: string[];
  language?: LanguageId;
  /** 1-based. */
  line?: number;
  rules: string[];
  /** The question names the rule's findings ("n+1 queries") rather than the rule. */
  rulesPlural: boolean;
  /** The question is about the editor's cursor or selection. */
  this: boolean;
  /** … and about its whole file ("this file"). */
  thisFile: boolean;
  /** Code-like words that name nothing the model knows. */
  unresolved: string[];
}

const LANGUAGE_WORDS: Readonly<Record<string, LanguageId>> = {
  python: 'python', py: 'python', javascript: 'javascript', js: 'javascript', node: 'javascript',
  typescript: 'typescript', ts: 'typescript', golang: 'go', java: 'java',
};
const SOURCE_FILE = /\.(py|pyi|js|jsx|mjs|cjs|ts|tsx|mts|cts|go|java|c|cc|cpp|cxx|h|hpp|rs|rb|php|cs|kt|scala|swift)$/i;
const PLACE_WORDS = new Set(['in', 'under', 'inside', 'within', 'from', 'of']);
const FOLDER_WORDS = new Set(['folder', 'directory', 'dir', 'package']);
const NOT_CONTEXT = new Set(['profile', 'workspace', 'project', 'question', 'console', 'tool', 'baseline', 'rule', 'repo', 'repository']);

function resolveFile(model: ConsoleModel, index: NameIndex, typed: string): string[] {
  const wanted = typed.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase();
  const exact: string[] = [];
  for (const [shown, file] of index.files) {
    const lower = shown.toLowerCase();
    if (lower === wanted || lower.endsWith(`/${wanted}`)) exact.push(file);
  }
  if (exact.length > 0) return exact;
  for (const root of model.roots) {
    const candidate = path.resolve(root, typed);
    if (!path.relative(root, candidate).startsWith('..') && model.sources.text(candidate) !== undefined) return [candidate];
  }
  const base = path.posix.basename(wanted);
  const byBase = new Map<string, string[]>();
  for (const [shown, file] of index.files) {
    const key = path.posix.basename(shown).toLowerCase();
    byBase.set(key, [...(byBase.get(key) ?? []), file]);
  }
  return closest(base, byBase.keys()).flatMap((key) => byBase.get(key) ?? []);
}

function resolveFolder(index: NameIndex, typed: string): string[] {
  const wanted = typed.replace(/\/+$/, '').toLowerCase();
  const found: string[] = [];
  for (const [shown, folder] of index.folders) {
    const lower = shown.toLowerCase();
    if (lower === wanted || lower.endsWith(`/${wanted}`)) found.push(folder);
  }
  return found;
}

/** Rules the question names, and the indices of the words that name them. */
function resolveRules(index: NameIndex, words: readonly Word[]): { rules: string[]; plural: boolean; used: Set<number> } {
  const rules: string[] = [];
  const used = new Set<number>();
  let plural = false;
  const add = (id: string) => rules.includes(id) || rules.push(id);
  words.forEach((w, i) => {
    const id = index.rules.get(w.lower);
    if (id) {
      add(id);
      used.add(i);
    } else if (w.lower.includes('-') && w.lower.length >= 8) {
      const near = closest(w.lower, index.rules.keys());
      near.forEach((key) => add(index.rules.get(key)!));
      if (near.length > 0) used.add(i);
    }
  });
  const lower = words.map((w) => w.lower);
  /** Where the phrase starts in the question's words, or -1. */
  const find = (phrase: string) => {
    const parts = phrase.split(' ');
    for (let i = 0; i + parts.length <= lower.length; i++) if (parts.every((p, k) => lower[i + k] === p)) return i;
    return -1;
  };
  for (const [id, aliases] of Object.entries(RULE_ALIASES)) {
    for (const [phrases, many] of [[aliases.plural, true], [aliases.singular, false]] as const) {
      const hit = phrases.map((p) => ({ at: find(p), length: p.split(' ').length })).filter((h) => h.at >= 0).sort((a, b) => b.length - a.length)[0];
      if (!hit) continue;
      add(id);
      plural ||= many;
      for (let k = 0; k < hit.length; k++) used.add(hit.at + k);
      break;
    }
  }
  return { rules, plural, used };
}

/**
 * Function names a word or a run of words stands for: those with the same key (`load_customers`
 * for `loadCustomers`), else within a typo or two; of several, the spellings closest to the words.
 */
function functionsFor(index: NameIndex, typed: string, fuzzy: boolean): string[] {
  const key = nameKey(typed);
  if (key.length < 2) return [];
  let keys = functionsByKey(index, key).length > 0 ? [key] : [];
  if (keys.length === 0 && fuzzy) {
    let best = allowedEdits(key.length) + 1;
    for (const names of index.functions) {
      for (const { key: near, distance } of names.near(key)) {
        if (distance < best) [best, keys] = [distance, [near]];
        else if (distance === best && !keys.includes(near)) keys.push(near);
      }
    }
  }
  const names = keys.flatMap((k) => functionsByKey(index, k));
  const lower = typed.toLowerCase();
  const distance = (name: string) => editDistance(lower, shortName(name).toLowerCase(), Number.MAX_SAFE_INTEGER);
  const closestDistance = Math.min(...names.map(distance));
  return names.filter((n) => distance(n) === closestDistance);
}

function isFileWord(w: Word): boolean {
  const bare = w.raw.replace(/(:\d+)+$/, '');
  return SOURCE_FILE.test(bare) || (bare.includes('/') && !bare.endsWith('/') && /\.\w+$/.test(bare));
}

export function findSubjects(model: ConsoleModel, index: NameIndex, words: readonly Word[], normalized: string): Subjects {
  const subjects: Subjects = { functions: [], files: [], folders: [], rules: [], rulesPlural: false, this: false, thisFile: false, unresolved: [] };
  const { rules, plural, used } = resolveRules(index, words);
  subjects.rules = rules;
  subjects.rulesPlural = plural;
  const lineMatch = /\bline (\d+)\b/.exec(normalized) ?? /\bl(\d+)\b/.exec(normalized);
  if (lineMatch) subjects.line = Number(lineMatch[1]);
  words.forEach((w, i) => {
    if (used.has(i)) return;
    const previous = words[i - 1]?.lower ?? '';
    const next = words[i + 1]?.lower ?? '';
    if (isFileWord(w)) {
      used.add(i);
      const [bare, line] = w.raw.split(':');
      if (line && /^\d+$/.test(line)) subjects.line = Number(line);
      const files = resolveFile(model, index, bare);
      if (files.length === 0) subjects.unresolved.push(bare);
      for (const f of files) if (!subjects.files.includes(f)) subjects.files.push(f);
      return;
    }
    if ((w.lower === 'this' || w.lower === 'current') && next === 'file') subjects.thisFile = true;
    if (((w.lower === 'this' || w.lower === 'here') && !NOT_CONTEXT.has(next)) || ['cursor', 'selection', 'selected'].includes(w.lower)) subjects.this = true;
    const explicitFolder = w.raw.endsWith('/') || FOLDER_WORDS.has(previous) || FOLDER_WORDS.has(next);
    const language = LANGUAGE_WORDS[w.lower] ?? (w.lower === 'go' && (PLACE_WORDS.has(previous) || /^(code|functions?|files?)$/.test(next)) ? 'go' : undefined);
    if (language && !explicitFolder) {
      subjects.language = language;
      used.add(i);
      return;
    }
    if (explicitFolder || PLACE_WORDS.has(previous)) {
      const folders = resolveFolder(index, w.raw);
      if (folders.length > 0) {
        used.add(i);
        for (const f of folders) if (!subjects.folders.includes(f)) subjects.folders.push(f);
        return;
      }
    }
  });
  findFunctions(index, words, used, subjects);
  return subjects;
}

function findFunctions(index: NameIndex, words: readonly Word[], used: ReadonlySet<number>, subjects: Subjects): void {
  const add = (names: string[]) => names.forEach((n) => subjects.functions.includes(n) || subjects.functions.push(n));
  const candidate = (i: number) => !used.has(i) && words[i] !== undefined && (words[i].code || isContentWord(words[i].lower));
  for (let i = 0; i < words.length; i++) {
    if (!candidate(i)) continue;
    const w = words[i];
    // A run of plain words may spell one name: "load customers" for `loadCustomers`.
    if (!w.code) {
      let matched = false;
      for (let length = 3; length >= 2 && !matched; length--) {
        const run = words.slice(i, i + length);
        if (run.length < length || run.some((_, k) => !candidate(i + k) || words[i + k].code)) continue;
        const names = functionsFor(index, run.map((r) => r.lower).join(''), true);
        if (names.length > 0) {
          add(names);
          i += length - 1;
          matched = true;
        }
      }
      if (matched) continue;
    }
    const typed = w.raw.replace(/\(\)$/, '');
    let names = functionsFor(index, typed, w.code || typed.length >= 7);
    if (names.length === 0 && typed.includes('.')) names = functionsFor(index, typed.slice(typed.lastIndexOf('.') + 1), w.code);
    if (names.length > 0) add(names);
    else if (w.code) subjects.unresolved.push(typed);
  }
}

