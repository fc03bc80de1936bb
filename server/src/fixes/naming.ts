/**
 * Names for the variables a rewrite introduces, made from the code's own names (`skus` →
 * `sku_pattern`, `customerId` → `customerIds`) in the language's style, and never one the
 * file already uses.
 */
import type { LanguageId } from '../syntax/languages';

/** The last identifier of an expression: `customerId` in `order.customerId`, `skus` in `self.skus`. */
export function lastName(expression: string): string | undefined {
  return /([A-Za-z_$][\w$]*)\W*$/.exec(expression)?.[1];
}

/** `orders` → `order`, `categories` → `category`; a word not in a plural form stays. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|status|bus|bonus|virus|campus|corpus|is)$/i.test(word)) return word;
  return word.endsWith('s') && word.length > 1 ? word.slice(0, -1) : word;
}

/** `customer_id` → `customer_ids`, `customerId` → `customerIds`. */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
}

/** Joins words in the language's style: snake case in Python, camel case elsewhere. */
export function joinName(language: LanguageId, ...parts: string[]): string {
  const words = parts.flatMap((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_]+/)).filter(Boolean).map((w) => w.toLowerCase());
  if (language === 'python') return words.join('_');
  return words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
}

/** `name`, or `name2`, `name3`… when the file already has `name`. */
export function freshName(source: string, name: string): string {
  const used = (candidate: string) => new RegExp(`(?<![\\w$])${candidate.replace(/\$/g, '\\$')}(?![\\w$])`).test(source);
  if (!used(name)) return name;
  for (let i = 2; ; i++) if (!used(`${name}${i}`)) return `${name}${i}`;
}

/** True when `name` occurs as a whole identifier in `code`. */
export function mentions(code: string, name: string): boolean {
  return new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(code);
}
