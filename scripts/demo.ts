/**
 * The main job on a fresh machine (`npm run demo`, after `npm run build`): the command line scans
 * the bundled examples, then the language server scans the same folder on its own, without any
 * file open, and we print what it published and what hovering a finding shows.
 * Exits non-zero when either face finds nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { BUNDLED_SERVER, LspSession } from './lsp-session';

const root = path.resolve(__dirname, '..', '..');
const examples = path.join(root, 'examples');
const cli = path.join(root, 'dist', 'cli.js');
const SCAN_TIMEOUT_MS = 60_000;

function heading(text: string): void {
  console.log(`\n== ${text}\n`);
}

function fail(message: string): never {
  console.error(`\ndemo failed: ${message}`);
  process.exit(1);
}

/** Part one: `hotpath scan examples`, its output shown as a user would see it. */
function runCli(): void {
  heading('hotpath scan examples');
  const run = spawnSync(process.execPath, [cli, 'scan', 'examples'], { cwd: root, stdio: 'inherit' });
  // Exit status 1 means findings at or above --fail-on; 2 means the scan itself failed.
  if (run.status !== 0 && run.status !== 1) fail(`"hotpath scan examples" exited with status ${run.status ?? run.signal}`);
}

function formatFinding(file: string, d: Diagnostic): string {
  const where = `${path.relative(root, file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
  return `${where} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`;
}

/** Part two: the language server on the same folder, over stdio, with no file open. */
async function runServer(): Promise<void> {
  heading(`language server (node ${path.relative(root, BUNDLED_SERVER)} --stdio) on examples/, no file open`);
  const session = new LspSession({ settings: { hotpath: {} }, timeoutMs: SCAN_TIMEOUT_MS });
  try {
    const started = Date.now();
    await session.initialize([examples]);
    const status = await session.waitForScan();
    const published = session
      .allDiagnostics()
      .map((p) => ({ file: fileURLToPath(p.uri), diagnostics: p.diagnostics }))
      .sort((a, b) => a.file.localeCompare(b.file));
    for (const { file, diagnostics } of published) for (const d of diagnostics) console.log(formatFinding(file, d));
    console.log(
      `\nThe server published ${status.findings} findings in ${published.length} files ` +
        `(${status.files} files scanned, ${status.skipped} skipped) ${Date.now() - started} ms after start.`,
    );
    if (published.length === 0) fail(`the language server published no diagnostics for examples/.\nServer log:\n${session.logs().join('\n')}\n${session.stderr}`);

    // Hover the first N+1 (or else the first finding), after opening its file as a user would.
    const target = published.find((p) => p.diagnostics.some((d) => d.code === 'n-plus-one-query')) ?? published[0];
    const finding = target.diagnostics.find((d) => d.code === 'n-plus-one-query') ?? target.diagnostics[0];
    const uri = await session.open(target.file);
    const hover = await session.hover(uri, finding.range.start);
    heading(`hover at ${formatFinding(target.file, finding).split(' ')[0]}`);
    if (!hover) fail('the server answered the hover over a finding with nothing');
    console.log((hover.contents as MarkupContent).value);
    await session.shutdown();
  } catch (error) {
    session.kill();
    throw error;
  }
}

async function main(): Promise<void> {
  for (const file of [cli, BUNDLED_SERVER]) if (!fs.existsSync(file)) fail(`${path.relative(root, file)} is missing: run "npm run build" first`);
  runCli();
  await runServer();
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
