/**
 * A private copy of the bundles in dist/: the CLI and the server are run from it, so a build that
 * someone starts during the benchmark (it empties dist/ first) cannot pull them away mid-run, and
 * every figure comes from the build the run started with.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface DistSnapshot {
  cli: string;
  server: string;
  dispose(): void;
}

export function snapshotDist(root: string): DistSnapshot {
  const dist = path.join(root, 'dist');
  for (const bundle of ['cli.js', 'server.js', 'scan-worker.js']) {
    if (!fs.existsSync(path.join(dist, bundle))) throw new Error(`dist/${bundle} is missing: run "npm run build" first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-bench-dist-'));
  fs.cpSync(dist, dir, { recursive: true });
  return {
    cli: path.join(dir, 'cli.js'),
    server: path.join(dir, 'server.js'),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
