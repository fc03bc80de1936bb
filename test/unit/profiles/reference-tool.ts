/**
 * Running a reference tool live for a test: its output, or an error that says what to install
 * when it is missing (a missing tool fails the test; it is never skipped).
 */
import { spawnSync } from 'node:child_process';

export interface ReferenceTool {
  /** The command: `python3`, `callgrind_annotate`… */
  command: string;
  /** What the tests compare with it, for the message when it is missing. */
  purpose: string;
  /** How to install it. */
  install: string;
}

/** Runs the tool with `args` (from `cwd`) and returns what it printed; throws when it is missing or fails. */
export function runTool(tool: ReferenceTool, args: string[], cwd?: string): string {
  const result = spawnSync(tool.command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`\`${tool.command}\` is not on PATH; ${tool.purpose}: ${tool.install}`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool.command} ${args.join(' ').slice(0, 200)} failed (exit ${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Python 3, for the pstats and marshal tests. */
export function python3(purpose: string): ReferenceTool {
  return { command: 'python3', purpose, install: 'install Python 3 (Debian: apt-get install python3, or run scripts/setup-test-machine.sh)' };
}
