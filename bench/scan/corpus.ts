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

interface Manifest {
  recipe: string;
  languages: Record<string, Array<Omit<CorpusFile, 'path'>>>;
  workspace: { files: string[]; bytes: number };
}

/** Changes whenever a change to the sources or the filters would change the corpus. */
const RECIPE = JSON.stringify({ version: 1, SOURCES, TARGET_BYTES, WORKSPACE_BYTES, maxFileSizeKb: DEFAULTS.maxFileSizeKb, exclude: DEFAULT_EXCLUDE });

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

/** Samples, filters and copies one language's files into `dir`. */
function buildLanguage(language: LanguageId, dir: string, cacheDir: string): Array<Omit<CorpusFile, 'path'>> {
  const pool = SOURCES[language]
    .flatMap((source) => candidates(source, sourceFolder(source, cacheDir), language))
    .map((c) => ({ ...c, key: shuffleKey(c.rel) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const seen = new Set<string>();
  const taken: Array<Omit<CorpusFile, 'path'>> = [];
  let total = 0;
  for (const { from, rel, grammar } of pool) {
    if (total >= TARGET_BYTES) break;
    const bytes = fs.readFileSync(from);
    const decoded = decodeSource(bytes, MAX_BYTES);
    if ('skipped' in decoded) continue;
    // Packages ship the same module more than once (an ESM and a CommonJS copy): keep one.
    const digest = createHash('sha1').update(bytes).digest('hex');
    if (seen.has(digest)) continue;
    seen.add(digest);
    const to = path.join(dir, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, bytes);
    taken.push({ rel, grammar, bytes: bytes.length, lines: countLines(decoded.text) });
    total += bytes.length;
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

function readManifest(file: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    return manifest.recipe === RECIPE ? manifest : undefined;
  } catch {
    return undefined;
  }
}

function toCorpus(manifest: Manifest, filesDir: string, workspaceDir: string): Corpus {
  const languages = LANGUAGES.map((language) => {
    const dir = path.join(filesDir, language);
    const files = manifest.languages[language].map((f) => ({ ...f, path: path.join(dir, f.rel) }));
    return { language, dir, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
  });
  return { languages, workspace: { dir: workspaceDir, files: manifest.workspace.files.length, bytes: manifest.workspace.bytes } };
}

/** True when every file the manifest lists is in place with its size. */
function intact(corpus: Corpus): boolean {
  const sized = (file: string, bytes: number) => fs.statSync(file, { throwIfNoEntry: false })?.size === bytes;
  return corpus.languages.every((l) => l.files.every((f) => sized(f.path, f.bytes)));
}

/** The corpus under `cacheDir`, gathered on the first run and reused after. */
export function gatherCorpus(cacheDir: string): Corpus {
  const filesDir = path.join(cacheDir, 'files');
  const workspaceDir = path.join(cacheDir, 'workspace');
  const manifestFile = path.join(cacheDir, 'manifest.json');
  const cached = readManifest(manifestFile);
  if (cached) {
    const corpus = toCorpus(cached, filesDir, workspaceDir);
    if (intact(corpus) && fs.existsSync(workspaceDir)) return corpus;
  }
  note('gathering the corpus (once; later runs reuse it)');
  fs.rmSync(filesDir, { recursive: true, force: true });
  fs.rmSync(workspaceDir, { recursive: true, force: true });
  fs.rmSync(manifestFile, { force: true });
  const npm = Object.values(SOURCES).flatMap((sources) => sources.filter((s): s is NpmSource => s.kind === 'npm'));
  ensureNpmPackages(path.join(cacheDir, 'npm'), npm);
  const manifest: Manifest = { recipe: RECIPE, languages: {}, workspace: { files: [], bytes: 0 } };
  for (const language of LANGUAGES) {
    manifest.languages[language] = buildLanguage(language, path.join(filesDir, language), cacheDir);
    note(`${language}: ${manifest.languages[language].length} files`);
  }
  manifest.workspace = buildWorkspace(toCorpus(manifest, filesDir, workspaceDir).languages, workspaceDir);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return toCorpus(manifest, filesDir, workspaceDir);
}
