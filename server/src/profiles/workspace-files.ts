/**
 * The files a profile's frames may map to: source code of any language a profiler records
 * (C and Rust frames get line heat too), found the way the workspace scan finds files.
 */
import * as path from 'node:path';
import { SOURCE_EXTENSIONS } from '../syntax/languages';
import { walkFiles } from '../workspace/discover';

const CODE_EXTENSIONS = new Set([
  ...SOURCE_EXTENSIONS,
  ...['.c', '.h', '.cc', '.cpp', '.cxx', '.hpp', '.rs', '.rb', '.php', '.cs', '.kt', '.scala', '.swift', '.m', '.mm'],
]);

/** At most this many files are indexed per folder, so a giant folder cannot stall an import. */
const MAX_FILES = 200_000;

export async function codeFiles(folders: readonly string[], exclude: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const folder of folders) {
    let count = 0;
    await walkFiles(folder, { exclude, isCancelled: () => count >= MAX_FILES }, (full, name) => {
      if (CODE_EXTENSIONS.has(path.extname(name).toLowerCase())) {
        files.push(full);
        count++;
      }
    });
  }
  return files;
}
