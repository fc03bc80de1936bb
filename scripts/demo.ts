/**
 * The main job on a fresh machine (`npm run demo`, after `npm run build`): the command line scans
 * the bundled examples and reads their sample profile, then the language server scans the same
 * folder on its own, without any file open, and we print what it published and what hovering a
 * finding shows; then it imports the profile and we print the code lenses and the finding the
 * measured heat raised. Exits non-zero when either face finds nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeLens, CodeLensRequest, Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { importProfileRequest } from '../server/src/protocol';
import { BUNDLED_SERVER, LspSession } from './lsp-session';

const root = path.resolve(__dirname, '..', '..');
const examples = path.join(root, 'examples');
const cli = path.join(root, 'dist', 'cli.js');
const SCAN_TIMEOUT_MS = 60_000;
const PROFILE = path.join(examples, 'profiles', 'report.cpuprofile');
const PROFILED = path.join(examples, 'javascript', 'report.js');

function heading(text: string): void {
  console.log(`\n== ${text}\n`);
}

function fail(message: string): never {
  console.error(`\ndemo failed: ${message}`);
  process.exit(1);
}

/** Runs the command line as a user would and shows its output. */
function hotpath(...args: string[]): void {
  heading(`hotpath ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  // Exit status 1 means findings at or above --fail-on; 2 means the command itself failed.
  if (run.status !== 0 && run.status !== 1) fail(`"hotpath ${args.join(' ')}" exited with status ${run.status ?? run.signal}`);
}

/** Part one: the command line on the examples and their sample profile. */
function runCli(): void {
  const profile = path.relative(root, PROFILE);
  hotpath('scan', 'examples');
  hotpath('profile', profile, '--top', '8', '--root', 'examples');
  hotpath('scan', 'examples/javascript', '--profile', profile);
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
    await showProfile(session);
    await session.shutdown();
  } catch (error) {
    session.kill();
    throw error;
  }
}

/** Part three: the sample profile imported into the server, and what it changes on the code. */
async function showProfile(session: LspSession): Promise<void> {
  heading(`import ${path.relative(root, PROFILE)} into the server`);
  const state = await session.connection.sendRequest(importProfileRequest, { path: PROFILE });
  const summary = state.profiles.find((p) => p.id === state.activeId);
  if (!summary) fail('the server imported the profile but made none active');
  console.log(`${summary.name}: ${summary.formatTitle}, total ${summary.total}; mapped ${summary.coverage.mapped} of ${summary.coverage.withFile} functions to this workspace`);
  const uri = await session.open(PROFILED);
  const params = await session.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => String(d.message).includes('this function took')));
  const lenses = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
  const lines = fs.readFileSync(PROFILED, 'utf8').split('\n');
  heading(`code lenses in ${path.relative(root, PROFILED)}`);
  for (const lens of lenses) console.log(`${lens.command?.title}\n    ${lines[lens.range.start.line]}`);
  heading(`diagnostics of ${path.relative(root, PROFILED)} with the profile active`);
  for (const d of params.diagnostics) console.log(formatFinding(PROFILED, d));
}

async function main(): Promise<void> {
  for (const file of [cli, BUNDLED_SERVER]) if (!fs.existsSync(file)) fail(`${path.relative(root, file)} is missing: run "npm run build" first`);
  runCli();
  await runServer();
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
