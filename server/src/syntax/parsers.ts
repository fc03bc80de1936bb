/**
 * One parser per grammar per thread, created on first use.
 */
import { Parser } from 'web-tree-sitter';
import { loadLanguage } from './grammars';
import type { GrammarId } from './languages';

const parsers = new Map<GrammarId, Promise<Parser>>();

export function parserFor(grammar: GrammarId): Promise<Parser> {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = loadLanguage(grammar).then((language) => {
      const p = new Parser();
      p.setLanguage(language);
      return p;
    });
    // A grammar that failed to load may be retried later (for example after a settings change).
    parser.catch(() => parsers.delete(grammar));
    parsers.set(grammar, parser);
  }
  return parser;
}
