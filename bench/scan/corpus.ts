/**
 * The benchmark corpus: per language, at least TARGET_BYTES of real code sampled from the sources,
 * filtered exactly as Hotpath filters a workspace (size limit, minified or binary content,
 * excluded folders), copied into the cache so every tool reads the same files. A manifest makes
 * the next run reuse the copy.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_EXCLUDE, DEFAULTS } from '../../server/src/settings';
import { GrammarId, grammarForPath, LANGUAGES, LanguageId } from '../../server/src/syntax/languages';
import { excluder } from '../../server/src/workspace/discover';
import { decodeSource } from '../../server/src/workspace/source-text';
import { ensureNpmPackages, sourceFolder } from './corpus-install';
import { NpmSource, Source, SOURCES, TARGET_BYTES, WORKSPACE_BYTES } from './corpus-sources';
import { formatMb, note } from './measure';

export interface CorpusFile {
  /** Absolute path of the copy in the cache. */
  path: string;
  /** Path relative to the language's folder, starting with the source's name. */
  rel: string;
  grammar: GrammarId;
  bytes: number;
  lines: number;
}

export interface LanguageCorpus {
  language: LanguageId;
  dir: string;
  files: CorpusFile[];
  bytes: number;
}

export interface Corpus {
  languages: LanguageCorpus[];
  /** A folder of about WORKSPACE_BYTES mixing every language (hard links to the files above). */
  workspace: { dir: string; files: number; bytes: number };
}

/** What a manifest records of a file. */
export type CorpusEntry = Omit<CorpusFile, 'path'>;

/** What a cache of sampled files records, so that a later run reuses the copies. */
export interface FilesManifest {
  recipe: string;
  languages: Partial<Record<LanguageId, CorpusEntry[]>>;
}

interface Manifest extends FilesManifest {
  workspace: { files: string[]; bytes: number };
}

/** Changes whenever a change to the sources or the filters would change the corpus. */
export const CORPUS_RECIPE = JSON.stringify({ version: 1, SOURCES, TARGET_BYTES, WORKSPACE_BYTES, maxFileSizeKb: DEFAULTS.maxFileSizeKb, exclude: DEFAULT_EXCLUDE });

const MAX_BYTES = DEFAULTS.maxFileSizeKb * 1024;
const isExcluded = excluder(DEFAULT_EXCLUDE);

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** A stable pseudo-random order, so a sample spreads over all of a source's folders. */
function shuffleKey(rel: string): string {
  return createHash('sha1').update(rel).digest('hex');
}

/** Every file under `folder` with a grammar of `language`, with its path under the source's name. */
function candidates(source: Source, folder: string, language: LanguageId): Array<{ from: string; rel: string; grammar: GrammarId }> {
  const found: Array<{ from: string; rel: string; grammar: GrammarId }> = [];
  const skipDirs = new Set(source.kind === 'folder' ? (source.skipDirs ?? []) : []);
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const from = path.join(dir, entry.name);
      const rel = `${source.name}/${path.relative(folder, from).split(path.sep).join('/')}`;
      if (entry.isDirectory()) {
        // Packages' own dependencies belong to other packages (or to none of the sources).
        if (entry.name !== 'node_modules' && !skipDirs.has(entry.name) && !isExcluded(rel, true)) pending.push(from);
        continue;
      }
      if (!entry.isFile() && !(entry.isSymbolicLink() && fs.statSync(from, { throwIfNoEntry: false })?.isFile())) continue;
      const grammar = grammarForPath(entry.name);
      if (grammar?.language === language && !isExcluded(rel, false)) found.push({ from, rel, grammar: grammar.id });
    }
  }
  return found;
}

/** A file of the pool that Hotpath would scan, read once. */
export interface PoolFile {
  rel: string;
  grammar: GrammarId;
  content: Buffer;
  lines: number;
}

/**
 * One language's files in the fixed shuffled order, filtered as Hotpath filters a workspace and
 * without duplicates. The scan corpus is the start of this sequence; bench:precision continues it.
 */
export function* poolFiles(language: LanguageId, cacheDir: string): Generator<PoolFile> {
  const pool = SOURCES[language]
    .flatMap((source) => candidates(source, sourceFolder(source, cacheDir), language))
    .map((c) => ({ ...c, key: shuffleKey(c.rel) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const seen = new Set<string>();
  for (const { from, rel, grammar } of pool) {
    const content = fs.readFileSync(from);
    const decoded = decodeSource(content, MAX_BYTES);
    if ('skipped' in decoded) continue;
    // Packages ship the same module more than once (an ESM and a CommonJS copy): keep one.
    const digest = createHash('sha1').update(content).digest('hex');
    if (seen.has(digest)) continue;
    seen.add(digest);
    yield { rel, grammar, content, lines: countLines(decoded.text) };
  }
}

/** Copies a pool file into `dir` under its path; what a manifest records of it. */
export function copyPoolFile(file: PoolFile, dir: string): CorpusEntry {
  const to = path.join(dir, file.rel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, file.content);
  return { rel: file.rel, grammar: file.grammar, bytes: file.content.length, lines: file.lines };
}

/** Samples, filters and copies one language's files into `dir`. */
function buildLanguage(language: LanguageId, dir: string, cacheDir: string): CorpusEntry[] {
  const taken: CorpusEntry[] = [];
  let total = 0;
  for (const file of poolFiles(language, cacheDir)) {
    taken.push(copyPoolFile(file, dir));
    total += file.content.length;
    if (total >= TARGET_BYTES) break;
  }
  if (total < TARGET_BYTES) {
    throw new Error(`the ${language} sources hold only ${formatMb(total)} of usable code; ${formatMb(TARGET_BYTES)} are needed (add a source in corpus-sources.ts)`);
  }
  return taken;
}

/** Hard-links about WORKSPACE_BYTES of files, an equal share from each language, into `dir`. */
function buildWorkspace(languages: readonly LanguageCorpus[], dir: string): Manifest['workspace'] {
  const share = WORKSPACE_BYTES / languages.length;
  const files: string[] = [];
  let bytes = 0;
  for (const corpus of languages) {
    let taken = 0;
    for (const file of corpus.files) {
      if (taken >= share) break;
      const rel = `${corpus.language}/${file.rel}`;
      const to = path.join(dir, rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      try {
        fs.linkSync(file.path, to);
      } catch {
        fs.copyFileSync(file.path, to);
      }
      files.push(rel);
      taken += file.bytes;
    }
    bytes += taken;
  }
  return { files, bytes };
}

/** The manifest in `file` when it was written by the same `recipe`, else undefined. */
export function readManifest<M extends FilesManifest>(file: string, recipe: string): M | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as M;
    return manifest.recipe === recipe ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** A language's files as a manifest records them, copied under `filesDir/<language>`. */
export function languageCorpus(language: LanguageId, entries: readonly CorpusEntry[], filesDir: string): LanguageCorpus {
  const dir = path.join(filesDir, language);
  const files = entries.map((f) => ({ ...f, path: path.join(dir, f.rel) }));
  return { language, dir, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}

function toCorpus(manifest: Manifest, filesDir: string, workspaceDir: string): Corpus {
  const languages = LANGUAGES.map((language) => languageCorpus(language, manifest.languages[language] ?? [], filesDir));
  return { languages, workspace: { dir: workspaceDir, files: manifest.workspace.files.length, bytes: manifest.workspace.bytes } };
}

/** True when every file the manifest lists is in place with its size. */
export function intact(corpus: LanguageCorpus): boolean {
  return corpus.files.every((f) => fs.statSync(f.path, { throwIfNoEntry: false })?.size === f.bytes);
}

/** Installs the npm packages the sources name, when they are not in the cache yet. */
export function ensureCorpusNpm(cacheDir: string): void {
  const npm = Object.values(SOURCES).flatMap((sources) => sources.filter((s): s is NpmSource => s.kind === 'npm'));
  ensureNpmPackages(path.join(cacheDir, 'npm'), npm);
}

/** The corpus under `cacheDir`, gathered on the first run and reused after. */
export function gatherCorpus(cacheDir: string): Corpus {
  const filesDir = path.join(cacheDir, 'files');
  const workspaceDir = path.join(cacheDir, 'workspace');
  const manifestFile = path.join(cacheDir, 'manifest.json');
  const cached = readManifest<Manifest>(manifestFile, CORPUS_RECIPE);
  if (cached) {
    const corpus = toCorpus(cached, filesDir, workspaceDir);
    if (corpus.languages.every(intact) && fs.existsSync(workspaceDir)) return corpus;
  }
  note('gathering the corpus (once; later runs reuse it)');
  fs.rmSync(filesDir, { recursive: true, force: true });
  fs.rmSync(workspaceDir, { recursive: true, force: true });
  fs.rmSync(manifestFile, { force: true });
  ensureCorpusNpm(cacheDir);
  const manifest: Manifest = { recipe: CORPUS_RECIPE, languages: {}, workspace: { files: [], bytes: 0 } };
  for (const language of LANGUAGES) {
    const files = buildLanguage(language, path.join(filesDir, language), cacheDir);
    manifest.languages[language] = files;
    note(`${language}: ${files.length} files`);
  }
  manifest.workspace = buildWorkspace(toCorpus(manifest, filesDir, workspaceDir).languages, workspaceDir);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return toCorpus(manifest, filesDir, workspaceDir);
}
