/**
 * The "vscode" suite of scripts/run-tests.mjs: runs the extension-host suite (test/vscode/suite)
 * in code-server and reports each of its tests as a subtest, so that the summary counts them and
 * a failing one fails the run. Mocha's own report is printed as it comes, indented.
 *
 * Needs what scripts/setup-test-machine.sh installs and a build (npm run build). code-server's
 * user data, with the extension host's logs, and what the extension host printed
 * (extension-host-output.log) are kept in .test-work/vscode/last-run/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../helpers/paths';
import { runSuiteInCodeServer } from '../runners/code-server';
import { RESULT_PREFIX } from '../suite/test-results';

const workDir = path.join(repoRoot, '.test-work', 'vscode', 'last-run');

test('the extension-host suite in code-server', { timeout: 15 * 60_000 }, async (t) => {
  const run = await runSuiteInCodeServer(workDir, (line) => {
    if (!line.includes(RESULT_PREFIX)) process.stdout.write(`    │ ${line}\n`);
  });
  fs.writeFileSync(path.join(workDir, 'extension-host-output.log'), run.output);
  for (const result of run.results) {
    await t.test(result.title, () => {
      if (!result.passed) throw new Error(result.error ?? 'failed without an error message');
    });
  }
  assert.ok(run.results.length > 0, `the suite reported no test; the extension host printed:\n${run.output}`);
  assert.equal(run.exitCode, 0, `the extension host exited with ${run.exitCode}`);
});
