#!/usr/bin/env node
// Bundles the extension (client), the console webview's script, the language server, its scan worker and the CLI into dist/,
// and copies web-tree-sitter's and the grammars' wasm files to dist/wasm/ with their provenance.
// Usage: node scripts/build.mjs [--watch] [--minify]
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const dist = path.join(root, 'dist');
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/** The wasm files the server loads, by npm package. */
const WASM = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-python', 'tree-sitter-python.wasm'],
  ['tree-sitter-javascript', 'tree-sitter-javascript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
  ['tree-sitter-go', 'tree-sitter-go.wasm'],
  ['tree-sitter-java', 'tree-sitter-java.wasm'],
];

function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
}

function copyWasm() {
  const out = path.join(dist, 'wasm');
  fs.mkdirSync(out, { recursive: true });
  const provenance = WASM.map(([pkg, file]) => {
    const dir = pkg === 'web-tree-sitter' ? path.dirname(require.resolve('web-tree-sitter/web-tree-sitter.wasm')) : packageDir(pkg);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const bytes = fs.readFileSync(path.join(dir, file));
    fs.writeFileSync(path.join(out, file), bytes);
    return { file, package: pkg, version: manifest.version, license: manifest.license, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  fs.writeFileSync(path.join(out, 'PROVENANCE.json'), `${JSON.stringify(provenance, null, 2)}\n`);
}

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  minify,
  logLevel: 'info',
  // The ESM build of web-tree-sitter needs import.meta.url, which a CJS bundle does not have.
  alias: { 'web-tree-sitter': path.join(path.dirname(require.resolve('web-tree-sitter/web-tree-sitter.wasm')), 'web-tree-sitter.cjs') },
};

const builds = [
  // The extension's entry point stays a small file of its own, so that activation is quick; it loads
  // the rest of the client (hotpath-client.js) right after activation.
  { ...shared, entryPoints: { extension: 'client/src/extension.ts', 'hotpath-client': 'client/src/hotpath-client.ts' }, external: ['vscode', './hotpath-client'] },
  {
    ...shared,
    entryPoints: {
      server: 'server/src/server.ts',
      cli: 'server/src/cli.ts',
      'scan-worker': 'server/src/workspace/scan-worker.ts',
      'import-worker': 'server/src/profiles/import-worker.ts',
    },
  },
  // The console webview's script, with its flame graph, for the browser: the page loads it by its nonce (client/src/console/page-html.ts).
  { ...shared, platform: 'browser', format: 'iife', target: 'es2022', alias: {}, entryPoints: { 'console-webview': 'client/webview/console/main.ts' } },
];

fs.rmSync(dist, { recursive: true, force: true });
copyWasm();
if (watch) {
  for (const options of builds) await (await esbuild.context({ ...options, outdir: dist, absWorkingDir: root })).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build({ ...options, outdir: dist, absWorkingDir: root })));
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
}
