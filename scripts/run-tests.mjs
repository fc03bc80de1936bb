#!/usr/bin/env node
// Runs every test suite in order with Node's test runner, streams their output, and ends with one
// line per suite and a total. A suite whose compiled tests are missing, or that runs no test,
// fails: nothing is skipped in silence. Expects `npm run build` to have compiled out/ and dist/.
// Usage: node scripts/run-tests.mjs [suite...]   (all suites when none is named)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The suites, in the order they run: each is a folder of compiled *.test.js files. */
const SUITES = [
  { name: 'unit', dir: 'out/test/unit' },
  { name: 'lsp', dir: 'out/test/lsp' },
  { name: 'nvim', dir: 'out/test/nvim' },
  { name: 'cli', dir: 'out/test/cli' },
  // The extension-host suite (test/vscode/suite), run inside code-server.
  { name: 'vscode', dir: 'out/test/vscode/in-code-server' },
  { name: 'e2e', dir: 'out/test/e2e' },
];
/** A suite still running after this long is stopped and fails. */
const SUITE_TIME_LIMIT_MS = 20 * 60_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The counts in the closing lines of Node's spec reporter (`ℹ pass 12`). */
const COUNT_LINE = /^ℹ (tests|pass|fail|cancelled|skipped|todo) (\d+)\s*$/;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.test.js'));
}

/** Runs one suite, streaming its output, and resolves to its result. */
function runSuite(suite) {
  const dir = path.join(root, suite.dir);
  const started = Date.now();
  if (testFiles(dir).length === 0) {
    const why = fs.existsSync(dir) ? `${suite.dir} holds no *.test.js files` : `${suite.dir} does not exist`;
    const reason = `${why} (are its sources missing, or left out of test/tsconfig.json?)`;
    console.log(`✖ ${reason}`);
    return Promise.resolve({ ...suite, ok: false, reason, seconds: 0 });
  }
  return new Promise((resolve) => {
    // A process group of its own, so that a suite stopped at its time limit takes its children along.
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const counts = {};
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = COUNT_LINE.exec(line.replace(ANSI, '').trim());
        if (match) counts[match[1]] = Number(match[2]);
      }
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, 'SIGTERM');
    }, SUITE_TIME_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      let reason;
      if (timedOut) reason = `stopped after ${SUITE_TIME_LIMIT_MS / 60_000} minutes`;
      else if (code !== 0) reason = `exit code ${code}`;
      else if (!counts.tests) reason = 'ran no test';
      resolve({ ...suite, ok: reason === undefined, reason, counts, seconds });
    });
  });
}

function summaryLine(result) {
  const c = result.counts ?? {};
  const tests = c.tests === undefined ? '' : `${c.pass ?? 0}/${c.tests} tests passed${c.skipped ? `, ${c.skipped} skipped` : ''}${c.todo ? `, ${c.todo} todo` : ''}`;
  const parts = [tests, result.reason, `${result.seconds.toFixed(1)} s`].filter(Boolean);
  return `${result.ok ? 'passed' : 'FAILED'}  ${result.name.padEnd(6)}  ${parts.join('; ')}`;
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SUITES.some((suite) => suite.name === name));
if (unknown.length > 0) {
  console.error(`Unknown suite ${unknown.join(', ')}; the suites are ${SUITES.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}
const results = [];
for (const suite of SUITES.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n=== ${suite.name}: ${suite.dir} ===`);
  results.push(await runSuite(suite));
}
const failed = results.filter((r) => !r.ok).length;
console.log('\n=== summary ===');
for (const result of results) console.log(summaryLine(result));
// The closing line, in the form CI reads: "<word>: N passed, M failed".
console.log(`suites: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
