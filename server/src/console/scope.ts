/**
 * Where a question looks: the files, folders or language it names, or the editor's file for
 * "this file". Everything else in the workspace is out of scope.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grammarForPath, LanguageId } from '../syntax/languages';
import { displayPath } from './draft';
import { code, text } from './markdown';
import type { AskContext, ConsoleModel } from './model';
import type { Subjects } from './question/subjects';

export const LANGUAGE_TITLES: Readonly<Record<LanguageId, string>> = {
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  go: 'Go',
  java: 'Java',
};

export interface Scope {
  /** True for a file in scope. */
  has(file: string): boolean;
  /** " in `python/shop/orders.py`" (markdown), or '' for the whole workspace. */
  described: string;
  whole: boolean;
}

/** The file of the editor's context, when it is a file on disk. */
export function contextFile(context: AskContext | undefined): string | undefined {
  if (!context?.uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(context.uri);
  } catch {
    return undefined;
  }
}

function within(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export function scopeOf(model: ConsoleModel, subjects: Subjects, context?: AskContext): Scope {
  const thisFile = subjects.thisFile ? contextFile(context) : undefined;
  const files = thisFile ? [...subjects.files, thisFile] : subjects.files;
  const { folders, language } = subjects;
  const parts = [
    ...files.map((f) => code(displayPath(model, f))),
    ...folders.map((f) => `${code(`${displayPath(model, f)}/`)}`),
    ...(language ? [`${text(LANGUAGE_TITLES[language])} code`] : []),
  ];
  const whole = files.length === 0 && folders.length === 0 && !language;
  return {
    whole,
    described: whole ? '' : ` in ${parts.join(', ')}`,
    has(file) {
      if (whole) return true;
      if (files.includes(file) || folders.some((f) => within(f, file))) return true;
      return language !== undefined && files.length === 0 && folders.length === 0 && grammarForPath(file)?.language === language;
    },
  };
}
