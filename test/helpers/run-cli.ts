/**
 * Runs `hotpath` (dist/cli.js) or a shell step as CI would, and gives back its exit status and
 * output. A run that does not end within the time limit is killed and fails its test with what it
 * printed, instead of holding the suite until the CI's own limit.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { distDir, repoRoot } from './paths';

export interface CommandRun {
  /** The exit status; null when the command was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
}

const TIME_LIMIT_MS = 120_000;
const MAX_OUTPUT = 64 * 1024 * 1024;

export const cliPath = path.join(distDir, 'cli.js');

export function runCommand(command: string, args: string[], cwd: string): CommandRun {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT, timeout: TIME_LIMIT_MS, killSignal: 'SIGKILL' });
  const stopped = result.error ? `\n[${path.basename(command)} ${args.join(' ')}: ${result.error.message}${result.signal ? `, killed with ${result.signal}` : ''}]` : '';
  return { code: result.status, stdout: result.stdout ?? '', stderr: (result.stderr ?? '') + stopped };
}

/** `hotpath ARGS` run in `cwd` (the repository by default). */
export function runCli(args: string[], cwd = repoRoot): CommandRun {
  return runCommand(process.execPath, [cliPath, ...args], cwd);
}
