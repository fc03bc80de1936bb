/**
 * The extension-host suite's entry point: VS Code loads this file in the extension host named by
 * `extensionTestsPath` (with @vscode/test-electron, or through code-server's workbench URL) and
 * calls `run()`. It runs every `*.test.js` file next to it with mocha and rejects when a test
 * fails, which makes the extension host exit with a non-zero code.
 *
 * Besides mocha's own report, each finished test is printed as one result line (test-results.ts),
 * so that a runner that only sees the output can report the tests one by one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { resultLine, type TestResult } from './test-results';

/** How long one test may wait for the editor (diagnostics after a scan, a profile import). */
const TEST_TIMEOUT_MS = 120_000;

function report(result: TestResult): void {
  console.log(resultLine(result));
}

export async function run(): Promise<void> {
  // Reporters print through Base.consoleLog with format strings; formatted here, each line reaches
  // a runner that only receives the extension host's log messages as written.
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => console.log(format(...data));
  // No color codes: the output goes to log files and to the runner's console.
  const mocha = new Mocha({ ui: 'bdd', timeout: TEST_TIMEOUT_MS, color: false, forbidOnly: true, forbidPending: true });
  const files = fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}: was the suite compiled (npx tsc -b test/vscode)?`);
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => report({ title: test.fullTitle(), passed: true, durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      report({ title: test.fullTitle(), passed: false, durationMs: test.duration ?? 0, error: message });
    });
  });
  if (failures > 0) throw new Error(`${failures} extension-host test${failures === 1 ? '' : 's'} failed`);
}
