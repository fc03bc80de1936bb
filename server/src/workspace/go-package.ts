/**
 * The other files of a Go file's package, whose package-level names it shares: the `.go` files
 * of the same folder with the same `package` clause. An external test package (`package
 * shop_test`) is another package; internal test files (`package shop` in `x_test.go`) count, as
 * `go test` compiles them with the package, where a name declared twice does not build. An open
 * document's text wins over the file on disk; a file that cannot be read is left out.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readSource } from './source-text';

/** The package a Go file declares: `shop` in `package shop`, after any comments. */
export function goPackageName(text: string): string | undefined {
  return /^[ \t]*package[ \t]+([A-Za-z_]\w*)/m.exec(text)?.[1];
}

/**
 * The texts of the other files of the package of `file`, whose text is `text`. `open` gives the
 * text of the documents open in the editor, by path.
 */
export async function goPackageTexts(file: string, text: string, open: ReadonlyMap<string, string>, maxBytes: number): Promise<string[]> {
  const name = goPackageName(text);
  if (name === undefined) return [];
  const dir = path.dirname(file);
  const files = new Set<string>();
  for (const other of open.keys()) if (path.dirname(other) === dir) files.add(other);
  try {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) if (entry.isFile()) files.add(path.join(dir, entry.name));
  } catch {
    // The folder is gone or unreadable: the open documents are all there is to go by.
  }
  const texts: string[] = [];
  for (const other of [...files].sort()) {
    if (other === file || !other.endsWith('.go')) continue;
    const source = open.get(other) ?? (await readSource(other, maxBytes).then((read) => ('text' in read ? read.text : undefined)));
    if (source !== undefined && goPackageName(source) === name) texts.push(source);
  }
  return texts;
}
