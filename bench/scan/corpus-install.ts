/**
 * Puts the corpus sources on disk: Debian packages through apt-get, npm packages into the corpus
 * cache, zips unpacked into the cache. Each step checks first and does nothing when it is done.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NpmSource, Source } from './corpus-sources';
import { note } from './measure';

function isInstalled(aptPackage: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', aptPackage], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed');
  } catch {
    return false;
  }
}

export function ensureAptPackages(packages: readonly string[]): void {
  const missing = [...new Set(packages)].filter((p) => !isInstalled(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`the corpus needs the Debian packages ${missing.join(' ')}: run "sudo apt-get install ${missing.join(' ')}" and try again`);
  }
  note(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  execFileSync('apt-get', ['update', '-q', ...lockWait], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...lockWait, ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function installedVersion(dir: string, name: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Installs the pinned npm packages into `dir` (a package of its own, apart from the project's). */
export function ensureNpmPackages(dir: string, sources: readonly NpmSource[]): void {
  if (sources.every((s) => installedVersion(dir, s.name) === s.version)) return;
  fs.mkdirSync(dir, { recursive: true });
  const dependencies = Object.fromEntries(sources.map((s) => [s.name, s.version]));
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'hotpath-bench-corpus', private: true, dependencies }, null, 2)}\n`);
  note(`installing ${sources.length} npm packages into ${dir}`);
  // Peer dependencies are left out: only the packages' own files are read, never run.
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', '--no-package-lock'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const wrong = sources.filter((s) => installedVersion(dir, s.name) !== s.version);
  if (wrong.length > 0) throw new Error(`npm did not install ${wrong.map((s) => `${s.name}@${s.version}`).join(', ')}`);
}

/** Unpacks the `.java` files of a zip once; a marker file records which zip was unpacked. */
function ensureUnzipped(zip: string, into: string): void {
  const stat = fs.statSync(zip);
  const marker = path.join(into, '.unpacked-from');
  const stamp = `${zip} ${stat.size} ${stat.mtimeMs}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === stamp) return;
  fs.rmSync(into, { recursive: true, force: true });
  fs.mkdirSync(into, { recursive: true });
  note(`unpacking ${zip}`);
  execFileSync('unzip', ['-q', '-o', zip, '*.java', '-d', into], { stdio: ['ignore', 'ignore', 'inherit'] });
  fs.writeFileSync(marker, stamp);
}

function firstExisting(candidates: readonly string[], what: string): string {
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`${what}: none of ${candidates.join(', ')} exists after installing its packages`);
  return found;
}

/** The folder holding a source's files, after installing what it needs. */
export function sourceFolder(source: Source, cacheDir: string): string {
  switch (source.kind) {
    case 'folder':
      ensureAptPackages(source.aptPackages);
      return firstExisting(source.roots, source.name);
    case 'zip': {
      ensureAptPackages(source.aptPackages);
      const into = path.join(cacheDir, 'unpacked', source.name);
      ensureUnzipped(fs.realpathSync(firstExisting(source.zips, source.name)), into);
      return into;
    }
    case 'npm':
      return path.join(cacheDir, 'npm', 'node_modules', source.name);
  }
}
