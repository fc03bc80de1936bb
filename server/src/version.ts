/** Hotpath's own install folder and version, found from wherever this code runs (bundle or compiled sources). */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findPackageRoot(start: string): { root: string; version: string } {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'hotpath') return { root: dir, version: manifest.version ?? '0.0.0' };
    } catch {
      // No manifest here: keep walking up.
    }
    if (path.dirname(dir) === dir) return { root: start, version: '0.0.0' };
  }
}

const found = findPackageRoot(__dirname);

/** The folder holding Hotpath's package.json (the extension folder, or the repository). */
export const PACKAGE_ROOT = found.root;
export const VERSION = found.version;
