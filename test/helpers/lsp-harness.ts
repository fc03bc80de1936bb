/**
 * What the LSP tests share: temporary workspaces, the planted-N+1 fixtures, picking one rule's
 * diagnostics out of what the server publishes, and the proof that a server still works.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspSession, positionOf, SessionOptions, startSession } from '../../scripts/lsp-session';
import { fixturesDir, repoRoot } from './paths';

export const N_PLUS_ONE = 'n-plus-one-query';

/** The text of a file in test/fixtures/lsp/. */
export function lspFixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir, 'lsp', name), 'utf8');
}

/** The planted N+1 every test can rely on, and the message the rule gives for it. */
export const ORDERS_PY = lspFixture('orders.py');
export const ORDERS_MESSAGE = 'Database query `session.query()` runs once per item of `orders` (`for` loop at line 6)';

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** A new folder under the system's temp folder holding `files`; its real path. */
export function makeWorkspace(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-lsp-')));
  writeFiles(dir, files);
  return dir;
}

/**
 * A workspace holding the Go program whose profiles and benchmark runs the project records
 * (scripts/record-profiles/programs/go); gives the folder and the path of its exprcalc/eval.go.
 */
export function makeGoProgramWorkspace(): { dir: string; evalGo: string } {
  const dir = makeWorkspace();
  fs.cpSync(path.join(repoRoot, 'scripts', 'record-profiles', 'programs', 'go'), path.join(dir, 'go'), { recursive: true });
  return { dir, evalGo: path.join(dir, 'go', 'exprcalc', 'eval.go') };
}

export function removeWorkspace(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** The diagnostics of one rule (others are being written and may come and go). */
export function findingsOf(params: PublishDiagnosticsParams | undefined, code = N_PLUS_ONE): Diagnostic[] {
  return (params?.diagnostics ?? []).filter((d) => d.code === code);
}

/** Ends a session politely, or kills it when it no longer answers. */
export async function endSession(session: LspSession | undefined): Promise<void> {
  if (!session) return;
  try {
    assert.equal(await session.shutdown(5000), 0, 'the server should exit with status 0 after shutdown');
  } finally {
    session.kill();
  }
}

/** Starts the bundled server on a folder and waits for its first workspace scan to end. */
export async function startScanned(dir: string, options: SessionOptions = { settings: { hotpath: {} } }): Promise<LspSession> {
  const session = startSession(options);
  await session.initialize([dir]);
  await session.waitForScan();
  return session;
}

/** Ends the session and deletes its folder. */
export async function tearDown(session: LspSession | undefined, dir: string | undefined): Promise<void> {
  try {
    await endSession(session);
  } finally {
    removeWorkspace(dir);
  }
}

let probes = 0;

/**
 * Proves the server still works: a new unsaved document with an N+1 gets its finding, a hover on
 * it answers, and the server has not exited.
 */
export async function assertStillServing(session: LspSession): Promise<void> {
  const uri = await session.open(`untitled:probe-${++probes}.py`, ORDERS_PY, 'python');
  const params = await session.waitForDiagnostics(uri, (p) => findingsOf(p).length > 0);
  assert.equal(findingsOf(params)[0].message, ORDERS_MESSAGE);
  const hover = await session.hover(uri, positionOf(ORDERS_PY, 'query(Customer)'));
  assert.ok(hover, 'the server should answer a hover on the probe finding');
  await session.close(uri);
  assert.deepEqual(session.eventsOf('exit'), [], 'the server should still be running');
}
