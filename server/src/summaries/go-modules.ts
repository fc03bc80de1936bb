/**
 * The Go module a folder belongs to: the nearest go.mod above it and the module path it declares.
 * Read from disk once per folder; a go.mod that cannot be read or declares no module counts as
 * none.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type GoModule = { root: string; path: string } | undefined;

export class GoModules {
  private readonly byDir = new Map<string, GoModule>();

  of(dir: string): GoModule {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let found: GoModule;
    try {
      const text = fs.readFileSync(path.join(dir, 'go.mod'), 'utf8');
      const declared = /^\s*module\s+("?)([^\s"]+)\1\s*$/m.exec(text);
      found = declared ? { root: dir, path: declared[2] } : undefined;
    } catch {
      const up = path.dirname(dir);
      found = up === dir ? undefined : this.of(up);
    }
    this.byDir.set(dir, found);
    return found;
  }

  /** Forgets what was read: a go.mod changed. */
  clear(): void {
    this.byDir.clear();
  }
}
