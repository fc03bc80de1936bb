/**
 * The packaged extension as a user gets it: `npm run package` builds hotpath.vsix, code-server
 * (the real VS Code workbench) installs it, and Chromium does what a person would do in a copy
 * of examples/: the findings flow (findings-flow.ts: the Problems panel, squiggles and hovers in a
 * Python and a TypeScript file) and the profile flow (profile-flow.ts: importing the examples'
 * profile from F1 and seeing its figures on the code) and the console flow (console-flow.ts:
 * asking the console what to fix first and opening the file its answer links to), the walkthrough,
 * and the console's transcript coming back after the window reloads. Then the
 * extension host log must be clean and the extension's activation quick.
 *
 * Needs what scripts/setup-test-machine.sh installs. Scratch state (VS Code's user data with its
 * logs, Chromium's config folder, and a screenshot of each step) is kept in .test-work/e2e/last-run/
 * for a look after a failure. With HOTPATH_UPDATE_SCREENSHOTS=1 (`npm run screenshots`) the
 * README's screenshots are written to docs/images/ as well.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { examplesDir, repoRoot } from '../helpers/paths';
import { openBrowser, type OpenBrowser } from './browser';
import { assertCodeServerInstalled, installExtension, makeCodeServerDirs, startCodeServer, type CodeServerDirs, type RunningCodeServer } from './code-server';
import { errorEntries, extensionChannelLogs, extensionHostLogs } from './extension-host-logs';
import { consoleFlow, consoleReloadFlow } from './console-flow';
import { findingsFlow } from './findings-flow';
import { profileImportFlow } from './profile-flow';
import { walkthroughFlow } from './walkthrough-flow';
import { screenshotsIn } from './screenshots';
import { openWorkbench, runCommand, STEP_TIMEOUT_MS, statusBarItem } from './workbench';
import type { WorkbenchUnderTest } from './workbench-under-test';
import { zipEntries } from './zip-entries';

const EXTENSION_ID = 'hotpath.hotpath';
const vsix = path.join(repoRoot, 'hotpath.vsix');
const runDir = path.join(repoRoot, '.test-work', 'e2e', 'last-run');
const MAX_VSIX_BYTES = 10 * 1024 * 1024;
/** The most the extension may cost VS Code at activation (loading its code and calling activate). */
const ACTIVATION_TARGET_MS = 100;

/** What the .vsix may hold (paths inside it; vsce renames LICENSE, README and CHANGELOG). */
const ALLOWED_IN_VSIX = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|LICENSE\.txt|changelog\.md)$/,
  /^extension\/dist\/[^/]+\.js$/,
  /^extension\/dist\/wasm\/.+$/,
  /^extension\/docs\/rules\/.+$/,
  // The page that diagnostics of findings without a Hotpath rule link to (server/src/diagnostics.ts).
  /^extension\/docs\/profiles\.md$/,
  /^extension\/media\/.+$/,
  // The example workspace the walkthrough opens (client/src/commands/open-example.ts).
  /^extension\/examples\/.+$/,
  /^extension\/syntaxes\/.+$/,
];
/** What the extension cannot run without. */
const REQUIRED_IN_VSIX = [
  'extension/package.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/dist/extension.js',
  'extension/dist/hotpath-client.js',
  'extension/dist/server.js',
  'extension/dist/scan-worker.js',
  'extension/dist/console-webview.js',
  'extension/dist/wasm/web-tree-sitter.wasm',
  'extension/dist/wasm/tree-sitter-python.wasm',
  'extension/examples/javascript/report.js',
  'extension/examples/profiles/report.cpuprofile',
];

function runPackageScript(): void {
  const result = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, `"npm run package" failed:\n${result.stdout}\n${result.stderr}`);
  assert.ok(fs.existsSync(vsix), `"npm run package" did not write ${vsix}`);
}

describe('hotpath.vsix in VS Code (code-server and Chromium)', { timeout: 10 * 60_000 }, () => {
  let workspace: string;
  let dirs: CodeServerDirs;
  let server: RunningCodeServer | undefined;
  let browser: OpenBrowser | undefined;

  /** The page, once the workbench test has opened it; a later test cannot go on without it. */
  const page = (): Page => {
    assert.ok(browser, 'the workbench was not opened: see the first failing test above');
    return browser.page;
  };
  const workbench: WorkbenchUnderTest = { page, workspace: () => workspace, screenshots: screenshotsIn(runDir) };

  before(() => {
    assertCodeServerInstalled();
    fs.rmSync(runDir, { recursive: true, force: true });
    dirs = makeCodeServerDirs(runDir);
    workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-workspace-')), 'examples');
    fs.cpSync(examplesDir, workspace, { recursive: true });
    runPackageScript();
  });

  after(async () => {
    // Everything started is stopped, whichever test failed.
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (workspace) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
    if (browser && browser.consoleLines.length > 0) fs.writeFileSync(path.join(runDir, 'browser-console.log'), `${browser.consoleLines.join('\n')}\n`);
  });

  it('packages only what the extension runs, in less than 10 MB', () => {
    const entries = zipEntries(vsix);
    const names = entries.map((entry) => entry.name);
    assert.deepEqual(names.filter((name) => name.includes('node_modules/')), [], 'the .vsix holds node_modules');
    assert.deepEqual(names.filter((name) => !ALLOWED_IN_VSIX.some((allowed) => allowed.test(name))), [], 'the .vsix holds files outside the allow-list');
    assert.deepEqual(REQUIRED_IN_VSIX.filter((name) => !names.includes(name)), [], 'the .vsix lacks files the extension needs');
    const size = fs.statSync(vsix).size;
    assert.ok(size < MAX_VSIX_BYTES, `hotpath.vsix is ${(size / 1024 / 1024).toFixed(1)} MB`);
  });

  it('installs with code-server --install-extension', async () => {
    const output = await installExtension(vsix, dirs);
    assert.match(output, /successfully installed/, output);
    assert.ok(
      fs.readdirSync(dirs.extensions).some((name) => name.startsWith(`${EXTENSION_ID}-`)),
      `no ${EXTENSION_ID} folder in ${dirs.extensions}`,
    );
  });

  it('opens the workbench on a copy of examples/, where Hotpath scans the workspace', async (t) => {
    server = await startCodeServer(workspace, dirs);
    browser = await openBrowser(path.join(runDir, 'chromium-home'));
    const started = Date.now();
    await openWorkbench(page(), server.url, workspace);
    t.diagnostic(`Workbench drawn ${Date.now() - started} ms after the page was asked for`);
    // The status bar item says how many findings the scan found once it has finished.
    const status = statusBarItem(page(), `${EXTENSION_ID}.hotpath.status`).filter({ hasText: /Hotpath: \d+ findings?/ });
    await status.waitFor({ timeout: STEP_TIMEOUT_MS });
    t.diagnostic(`"${await status.innerText()}" in the status bar ${Date.now() - started} ms after the page was asked for`);
  });

  findingsFlow(workbench);
  profileImportFlow(workbench);
  consoleFlow(workbench);
  walkthroughFlow(workbench);
  consoleReloadFlow(workbench);

  it('activates without errors in the extension host log, and reports its activation time', async (t) => {
    // VS Code shows each extension's activation time (loading its code and calling activate) in
    // Developer: Show Running Extensions. The list draws only the rows in view, so it is scrolled
    // until Hotpath's row is drawn. The time is reported (the target is under 100 ms), not
    // asserted: this machine is shared and its times drift.
    await runCommand(page(), 'Developer: Show Running Extensions');
    const list = page().locator('.runtime-extensions-editor .monaco-list');
    await list.waitFor({ timeout: STEP_TIMEOUT_MS });
    const row = list.locator('.monaco-list-row', { hasText: 'Hotpath' });
    await list.hover();
    for (let scrolled = 0; (await row.count()) === 0 && scrolled < 60; scrolled++) await page().mouse.wheel(0, 280);
    const activation = row.locator('.activation-time');
    await activation.filter({ hasText: /\d+\s*ms/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
    const measured = await activation.innerText();
    t.diagnostic(`Hotpath's activation as VS Code measured it: ${measured} (target: under ${ACTIVATION_TARGET_MS} ms)`);
    assert.match(measured, /^(Startup )?Activation: \d+\s*ms$/);

    const hostLogs = extensionHostLogs(dirs.userData);
    assert.ok(hostLogs.length > 0, `no extension host log under ${path.join(dirs.userData, 'logs')}`);
    const hostText = hostLogs.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const activated = new RegExp(`_doActivateExtension ${EXTENSION_ID.replace('.', '\\.')}, .*activationEvent: '([^']+)'`).exec(hostText);
    assert.ok(activated, `the extension host log does not show ${EXTENSION_ID} activated`);
    t.diagnostic(`Activated by ${activated[1]}`);
    // Entries of ours name the extension id, or the folder it is installed in (`hotpath.hotpath-0.1.0`).
    const ours = (entry: string) => entry.includes(EXTENSION_ID);
    assert.deepEqual(errorEntries(hostLogs).filter(ours), [], 'the extension host logged errors from Hotpath');

    const channelLogs = extensionChannelLogs(dirs.userData, EXTENSION_ID);
    assert.ok(channelLogs.length > 0, `no log of Hotpath's output channel under ${path.join(dirs.userData, 'logs')}`);
    assert.deepEqual(errorEntries(channelLogs), [], 'the Hotpath log has errors');
    const scanned = /Scanned \d+ files in \d+ ms[^\n]*/.exec(channelLogs.map((file) => fs.readFileSync(file, 'utf8')).join('\n'));
    if (scanned) t.diagnostic(scanned[0]);
  });
});
