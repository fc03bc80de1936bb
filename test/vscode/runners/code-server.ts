/**
 * Runs the extension-host suite inside code-server, the real VS Code workbench served to Chromium,
 * on a machine that cannot download desktop VS Code. code-server has no command line flags for
 * extension tests, but its workbench URL takes them as a payload: the repository as
 * `extensionDevelopmentPath` and the suite's index.js as `extensionTestsPath`, both as
 * `vscode-remote://remote/ABSOLUTE/PATH` URIs. The workbench hands the extension host's output to
 * `window.codeAutomationLog` and its exit code to `window.codeAutomationExit`, which Playwright
 * exposes to this process.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { openBrowser, type OpenBrowser } from '../../e2e/browser';
import { assertCodeServerInstalled, makeCodeServerDirs, startCodeServer, type RunningCodeServer } from '../../e2e/code-server';
import { examplesDir, repoRoot } from '../../helpers/paths';
import { parseResults, type TestResult } from '../suite/test-results';

/** The compiled suite, as tsc -b writes it. */
export const suiteIndex = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
/** The whole suite may take this long before it counts as hung. */
const SUITE_TIME_LIMIT_MS = 10 * 60_000;

export interface SuiteRun {
  /** The extension host's exit code: 0 when every test passed. */
  exitCode: number;
  results: TestResult[];
  /** Everything the extension host printed. */
  output: string;
}

/** A path on the code-server machine (this one) as the workbench names it. */
function remoteUri(file: string): string {
  return `vscode-remote://remote${file.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** A logged message as text: the workbench passes a console call's arguments as an array. */
function logText(message: unknown): string {
  return Array.isArray(message) ? format(...(message as unknown[])) : String(message);
}

function assertBuilt(): void {
  for (const [file, how] of [
    [suiteIndex, 'npx tsc -b'],
    [path.join(repoRoot, 'dist', 'extension.js'), 'npm run build'],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${file} does not exist: run "${how}" first`);
  }
}

/**
 * Opens a fresh copy of examples/ in code-server with the extension loaded from the repository,
 * runs the suite in its extension host, and gives the exit code, the results and the output.
 * `workDir` keeps code-server's user data (with its logs) and Chromium's profile for a look after
 * a run; `onOutput` sees each line the extension host prints as it comes.
 */
export async function runSuiteInCodeServer(workDir: string, onOutput: (line: string) => void = () => undefined): Promise<SuiteRun> {
  assertCodeServerInstalled();
  assertBuilt();
  fs.rmSync(workDir, { recursive: true, force: true });
  const dirs = makeCodeServerDirs(workDir);
  const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-vscode-suite-')), 'examples');
  fs.cpSync(examplesDir, workspace, { recursive: true });
  let server: RunningCodeServer | undefined;
  let browser: OpenBrowser | undefined;
  let output = '';
  try {
    server = await startCodeServer(workspace, dirs);
    browser = await openBrowser(path.join(workDir, 'chromium-home'));
    const { page } = browser;
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
      const text = logText(message);
      output += `${text}\n`;
      for (const line of text.split('\n')) onOutput(line);
    });
    const payload = [
      ['extensionDevelopmentPath', remoteUri(repoRoot)],
      ['extensionTestsPath', remoteUri(suiteIndex)],
    ];
    // A loaded machine can take longer than Playwright's 30 s default to serve the workbench.
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 120_000 });
    const running = server;
    const exitCode = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the extension-host suite did not end within ${SUITE_TIME_LIMIT_MS / 60_000} minutes:\n${output}`)), SUITE_TIME_LIMIT_MS);
      page.once('crash', () => reject(new Error('the workbench page crashed')));
      void running.exited.then(() => reject(new Error(`code-server exited before the suite ended:\n${running.output()}`)));
      exited.then(resolve, reject).finally(() => clearTimeout(timer));
    });
    return { exitCode, results: parseResults(output), output };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
}
