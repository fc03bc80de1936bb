/**
 * Runs the extension-host suite in desktop VS Code with @vscode/test-electron, on a machine that
 * has VS Code or can download it (a contributor's laptop, public CI). CI on our own machines
 * cannot reach VS Code's download servers and runs the same suite in code-server instead
 * (in-code-server/extension-host.test.ts).
 *
 * Usage, after `npm run build`:
 *   node out/test/vscode/runners/electron.js                       downloads VS Code (stable, or
 *                                                                  HOTPATH_VSCODE_VERSION) once
 *   HOTPATH_VSCODE_EXECUTABLE=/usr/share/code/code node out/...     uses a VS Code already there
 * Exits with the extension host's exit code: 0 when every test passed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { examplesDir, repoRoot } from '../../helpers/paths';

const workDir = path.join(repoRoot, '.test-work', 'vscode-electron');

/** The VS Code to run: the one HOTPATH_VSCODE_EXECUTABLE names, or a downloaded one. */
async function vscodeExecutable(): Promise<string> {
  const given = process.env.HOTPATH_VSCODE_EXECUTABLE;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`HOTPATH_VSCODE_EXECUTABLE names ${given}, which does not exist`);
    return given;
  }
  const version = process.env.HOTPATH_VSCODE_VERSION ?? 'stable';
  try {
    return await downloadAndUnzipVSCode({ version, cachePath: path.join(workDir, 'downloads') });
  } catch (error) {
    throw new Error(
      [
        `VS Code ${version} could not be downloaded: ${error instanceof Error ? error.message : String(error)}`,
        'Set HOTPATH_VSCODE_EXECUTABLE to the VS Code executable of this machine (for example /usr/share/code/code,',
        'or "Visual Studio Code.app/Contents/MacOS/Electron" on macOS), or run the same suite in code-server:',
        '  node scripts/run-tests.mjs vscode',
      ].join('\n'),
      { cause: error },
    );
  }
}

async function main(): Promise<number> {
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js does not exist: run "npm run build" first');
  const executable = await vscodeExecutable();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-vscode-electron-'));
  const workspace = path.join(scratch, 'examples');
  fs.cpSync(examplesDir, workspace, { recursive: true });
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      // Only Hotpath runs: other extensions installed on the machine stay out of the test.
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(scratch, 'user-data'), '--extensions-dir', path.join(scratch, 'extensions')],
    });
  } catch (error) {
    if (error instanceof TestRunFailedError) return error.code ?? 1;
    throw error;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
