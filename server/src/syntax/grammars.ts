/**
 * Loads web-tree-sitter and the grammar wasm files, once per thread.
 *
 * In the bundle the wasm files sit in `wasm/` beside the server script (see scripts/build.mjs);
 * when running from compiled sources they are found in node_modules. HOTPATH_WASM_DIR points
 * elsewhere (a test of what a user sees when an install is damaged uses it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { GRAMMARS, GrammarId, grammarInfo } from './languages';

const bundledWasmDir = process.env.HOTPATH_WASM_DIR ?? path.join(__dirname, 'wasm');

function wasmPath(pkg: string, file: string): string {
  const bundled = path.join(bundledWasmDir, file);
  if (fs.existsSync(bundled)) return bundled;
  return require.resolve(`${pkg}/${file}`);
}

let init: Promise<void> | undefined;
const languages = new Map<GrammarId, Promise<Language>>();

export function initParser(): Promise<void> {
  init ??= Parser.init({
    locateFile: (name: string) => wasmPath('web-tree-sitter', name),
  });
  return init;
}

/** The grammar's Language; rejects with a message naming the grammar when it cannot load. */
export function loadLanguage(id: GrammarId): Promise<Language> {
  let pending = languages.get(id);
  if (!pending) {
    const info = grammarInfo(id);
    pending = initParser()
      .then(() => Language.load(wasmPath(info.package, info.wasm)))
      .catch((error: unknown) => {
        const reason = error instanceof Error && error.message ? error.message : String(error) || 'unknown error';
        throw new Error(`the ${id} grammar (${info.package}/${info.wasm}) failed to load: ${reason}`);
      });
    languages.set(id, pending);
  }
  return pending;
}

/** Loads every grammar; returns the ones that failed, with their reasons. */
export async function loadAllLanguages(): Promise<Map<GrammarId, string>> {
  const failures = new Map<GrammarId, string>();
  await Promise.all(
    GRAMMARS.map((g) =>
      loadLanguage(g.id).catch((error: Error) => {
        failures.set(g.id, error.message);
      }),
    ),
  );
  return failures;
}
