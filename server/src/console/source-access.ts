/**
 * The console's view of source files: their text, their functions and, for rewrites, their
 * syntax trees. Grammars load asynchronously, so the builders of a model load the parsers first
 * (loadParsers); after that every read is synchronous and the engine stays a plain function.
 */
import type { Parser, Tree } from 'web-tree-sitter';
import { listFunctions, SourceFunction } from '../syntax/functions';
import { GrammarId, grammarForPath } from '../syntax/languages';
import { parserFor } from '../syntax/parsers';

export interface SourceAccess {
  /** The file's current text (the editor's, when it is open), or undefined when it cannot be read. */
  text(file: string): string | undefined;
  /** The file's functions with their line spans; empty when it cannot be parsed. */
  functions(file: string): readonly SourceFunction[];
  /** Runs `use` over the file's syntax tree, freed afterwards; undefined when it cannot be parsed. */
  withTree<T>(file: string, use: (tree: Tree, grammar: GrammarId) => T): T | undefined;
}

/** Parsed functions kept between questions, keyed by file, valid while the text is the same. */
export type FunctionCache = Map<string, { text: string; functions: SourceFunction[] }>;

/** Beyond this many files the cache starts again, so it cannot grow with the workspace. */
const CACHE_LIMIT = 500;

/** Loads the parsers of the grammars these files need; a grammar that fails to load is left out. */
export async function loadParsers(files: Iterable<string>): Promise<Map<GrammarId, Parser>> {
  const needed = new Set<GrammarId>();
  for (const file of files) {
    const grammar = grammarForPath(file);
    if (grammar) needed.add(grammar.id);
  }
  const parsers = new Map<GrammarId, Parser>();
  await Promise.all(
    [...needed].map((id) =>
      parserFor(id).then(
        (parser) => void parsers.set(id, parser),
        () => undefined,
      ),
    ),
  );
  return parsers;
}

export function createSourceAccess(
  read: (file: string) => string | undefined,
  parsers: ReadonlyMap<GrammarId, Parser>,
  cache: FunctionCache = new Map(),
): SourceAccess {
  const texts = new Map<string, string | undefined>();
  const text = (file: string) => {
    if (!texts.has(file)) texts.set(file, read(file));
    return texts.get(file);
  };
  function withTree<T>(file: string, use: (tree: Tree, grammar: GrammarId) => T): T | undefined {
    const grammar = grammarForPath(file);
    const parser = grammar && parsers.get(grammar.id);
    const source = text(file);
    if (!grammar || !parser || source === undefined) return undefined;
    const tree = parser.parse(source);
    if (!tree) return undefined;
    try {
      return use(tree, grammar.id);
    } finally {
      tree.delete();
    }
  }
  return {
    text,
    withTree,
    functions(file) {
      const source = text(file);
      if (source === undefined) return [];
      const cached = cache.get(file);
      if (cached?.text === source) return cached.functions;
      const functions = withTree(file, (tree, grammar) => listFunctions(tree, grammar)) ?? [];
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(file, { text: source, functions });
      return functions;
    },
  };
}
