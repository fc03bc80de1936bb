/**
 * More code for the languages whose scan corpus yields too few findings to review: the files that
 * follow the scan corpus in the same shuffled pool (scan/corpus.ts), until the two together hold
 * PRECISION_TARGET_BYTES or the pool ends. They are copied to bench/.corpus/precision/<language>/
 * with a manifest of their own that later runs reuse; the scan corpus, and so every figure of
 * bench:scan, stays as it is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  copyPoolFile,
  CORPUS_RECIPE,
  CorpusEntry,
  ensureCorpusNpm,
  FilesManifest,
  intact,
  LanguageCorpus,
  languageCorpus,
  poolFiles,
  readManifest,
} from '../scan/corpus';
import { TARGET_BYTES } from '../scan/corpus-sources';
import { formatMb, note } from '../scan/measure';

/** The scan corpus and the files past it hold this much together, when the pool has it. */
export const PRECISION_TARGET_BYTES = 3 * TARGET_BYTES;

/** Changes whenever the scan corpus or the target would change which files follow it. */
const RECIPE = JSON.stringify({ corpus: CORPUS_RECIPE, target: PRECISION_TARGET_BYTES });

/** The files past `scan` (the scan corpus of its language), gathered once under `cacheDir/precision`. */
export function filesPastScanCorpus(scan: LanguageCorpus, cacheDir: string): LanguageCorpus {
  const root = path.join(cacheDir, 'precision');
  const manifestFile = path.join(root, 'manifest.json');
  const manifest = readManifest<FilesManifest>(manifestFile, RECIPE) ?? { recipe: RECIPE, languages: {} };
  const cached = manifest.languages[scan.language];
  if (cached) {
    const corpus = languageCorpus(scan.language, cached, root);
    if (intact(corpus)) return corpus;
  }
  const dir = path.join(root, scan.language);
  note(`${scan.language}: copying the files past the scan corpus, up to ${formatMb(PRECISION_TARGET_BYTES)} in all, to ${dir} (once; later runs reuse them)`);
  fs.rmSync(dir, { recursive: true, force: true });
  ensureCorpusNpm(cacheDir);
  // Skipped by path: the scan corpus is the start of the pool, less any file the system installed
  // into a source folder after it was gathered.
  const inScanCorpus = new Set(scan.files.map((f) => f.rel));
  const taken: CorpusEntry[] = [];
  let total = scan.bytes;
  for (const file of poolFiles(scan.language, cacheDir)) {
    if (inScanCorpus.has(file.rel)) continue;
    taken.push(copyPoolFile(file, dir));
    total += file.content.length;
    if (total >= PRECISION_TARGET_BYTES) break;
  }
  manifest.languages[scan.language] = taken;
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return languageCorpus(scan.language, taken, root);
}
