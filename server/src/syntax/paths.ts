/**
 * Dotted paths of expressions (`self.session.query`, `User.objects.filter().first`), the form in
 * which call patterns are written. Each dialect says how one node of its grammar reads.
 */
import type { Node } from 'web-tree-sitter';

/** One step of reading a path: a leaf ends it; otherwise read `inner` and append `suffix`. */
export type PathStep = { leaf: string } | { inner: Node | null; suffix: string };

const MAX_STEPS = 24;

export function dottedPath(node: Node | null, read: (node: Node) => PathStep): string {
  const suffixes: string[] = [];
  let current = node;
  for (let steps = 0; current; steps++) {
    if (steps === MAX_STEPS) {
      suffixes.push('…');
      break;
    }
    const step = read(current);
    if ('leaf' in step) {
      suffixes.push(step.leaf);
      break;
    }
    suffixes.push(step.suffix);
    current = step.inner;
  }
  return suffixes.reverse().join('');
}

/** Names and dots only, each name starting with a letter, `_` or `$`: `self.session.query`. */
const PLAIN_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * The path of an expression written as plain names and dots, read from its text: one call into
 * the parser's WASM for the text instead of several per segment. Undefined when the text is not
 * that plain, or when one of its names is in `words`: the language's keywords and literals
 * (`true`, `None`, `import.meta`, `Foo.class`) that dottedPath reads differently, as `?`. Call
 * paths of every call in a loop are read, and this made reading them 2-3 times faster.
 */
export function plainPath(node: Node | null, words: ReadonlySet<string>): string | undefined {
  const text = node?.text;
  if (!text || !PLAIN_PATH.test(text)) return undefined;
  const names = text.split('.');
  return names.length < MAX_STEPS && !names.some((name) => words.has(name)) ? text : undefined;
}

/** The last segment of a dotted path: `query` in `session.query`. */
export function lastSegment(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? path : path.slice(dot + 1);
}

/** A path shortened for messages, keeping its end: `…filter().first`. */
export function shortPath(path: string, max = 40): string {
  return path.length <= max ? path : `…${path.slice(path.length - max + 1)}`;
}
