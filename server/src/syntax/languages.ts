/**
 * The languages Hotpath reads: how files and editor language ids map to grammars.
 */
import * as path from 'node:path';

/** A grammar we parse with. TSX is TypeScript with JSX, a grammar of its own. */
export type GrammarId = 'python' | 'javascript' | 'typescript' | 'tsx' | 'go' | 'java';

/** A language as rules and users see it (TSX files are TypeScript). */
export type LanguageId = 'python' | 'javascript' | 'typescript' | 'go' | 'java';

export const LANGUAGES: readonly LanguageId[] = ['python', 'javascript', 'typescript', 'go', 'java'];

export interface GrammarInfo {
  id: GrammarId;
  language: LanguageId;
  /** npm package that ships the grammar's wasm, and the wasm's file name in it. */
  package: string;
  wasm: string;
  extensions: readonly string[];
  /** Editor language ids (LSP `languageId`) that use this grammar. */
  editorIds: readonly string[];
  /** The token that starts a line comment. */
  lineComment: string;
}

export const GRAMMARS: readonly GrammarInfo[] = [
  {
    id: 'python',
    language: 'python',
    package: 'tree-sitter-python',
    wasm: 'tree-sitter-python.wasm',
    extensions: ['.py', '.pyi'],
    editorIds: ['python'],
    lineComment: '#',
  },
  {
    id: 'javascript',
    language: 'javascript',
    package: 'tree-sitter-javascript',
    wasm: 'tree-sitter-javascript.wasm',
    extensions: ['.js', '.jsx', '.mjs', '.cjs'],
    editorIds: ['javascript', 'javascriptreact'],
    lineComment: '//',
  },
  {
    id: 'typescript',
    language: 'typescript',
    package: 'tree-sitter-typescript',
    wasm: 'tree-sitter-typescript.wasm',
    extensions: ['.ts', '.mts', '.cts'],
    editorIds: ['typescript'],
    lineComment: '//',
  },
  {
    id: 'tsx',
    language: 'typescript',
    package: 'tree-sitter-typescript',
    wasm: 'tree-sitter-tsx.wasm',
    extensions: ['.tsx'],
    editorIds: ['typescriptreact'],
    lineComment: '//',
  },
  {
    id: 'go',
    language: 'go',
    package: 'tree-sitter-go',
    wasm: 'tree-sitter-go.wasm',
    extensions: ['.go'],
    editorIds: ['go'],
    lineComment: '//',
  },
  {
    id: 'java',
    language: 'java',
    package: 'tree-sitter-java',
    wasm: 'tree-sitter-java.wasm',
    extensions: ['.java'],
    editorIds: ['java'],
    lineComment: '//',
  },
];

const byExtension = new Map(GRAMMARS.flatMap((g) => g.extensions.map((e) => [e, g] as const)));
const byEditorId = new Map(GRAMMARS.flatMap((g) => g.editorIds.map((e) => [e, g] as const)));
const byId = new Map(GRAMMARS.map((g) => [g.id, g] as const));

export function grammarForPath(file: string): GrammarInfo | undefined {
  // `.d.ts` files declare types and hold no code that runs.
  if (file.endsWith('.d.ts') || file.endsWith('.d.mts') || file.endsWith('.d.cts')) return undefined;
  return byExtension.get(path.extname(file).toLowerCase());
}

/** The grammar for an editor language id, falling back to the file's extension. */
export function grammarForDocument(editorId: string, file: string): GrammarInfo | undefined {
  return byEditorId.get(editorId) ?? grammarForPath(file);
}

export function grammarInfo(id: GrammarId): GrammarInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`unknown grammar ${id}`);
  return info;
}

export const SOURCE_EXTENSIONS: readonly string[] = [...byExtension.keys()];
