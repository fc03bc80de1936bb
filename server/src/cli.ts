#!/usr/bin/env node
/**
 * The `hotpath` command line: the language server's engine for CI and terminals.
 */
import { RULES } from './rules';
import { runAsk } from './cli/ask-command';
import { runCompare } from './cli/compare-command';
import { runProfile } from './cli/profile-command';
import { runScan, CliIo } from './cli/scan-command';
import { USAGE, UsageError } from './cli/usage';

async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan':
      return runScan(rest, io);
    case 'profile':
      return runProfile(rest, io);
    case 'compare':
      return runCompare(rest, io);
    case 'ask':
      return runAsk(rest, io);
    case 'rules':
      io.stdout(RULES.map((r) => `${r.meta.id.padEnd(26)} ${r.meta.severity.padEnd(8)} ${r.meta.title}`).join('\n') + '\n');
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(`${USAGE}\n`);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

const io: CliIo = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      io.stderr(`hotpath: ${error.message}\nRun "hotpath help" for usage.\n`);
    } else {
      io.stderr(`hotpath: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
