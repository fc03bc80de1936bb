/**
 * The whole command line on a folder: `node cli.js scan --format json --verbose DIR`, timed
 * from start to exit (process start, discovery, reading, worker threads, the JSON report).
 */
import { spawn } from 'node:child_process';
import { now } from './measure';

/** A finding as the JSON report writes it (lines and columns 1-based, the file relative to the folder scanned). */
export interface ReportedFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface CliScan {
  ms: number;
  exitCode: number | null;
  findings: number;
  /** The findings themselves, empty when the report could not be read. */
  reported: ReportedFinding[];
  /** Files the CLI left out, with its reasons (the corpus filter should leave none). */
  skipped: string[];
  /** Rule failures and other errors the CLI printed. */
  errors: string[];
}

/** Runs the CLI bundle `cli` on `dir`. */
export function cliScan(cli: string, dir: string): Promise<CliScan> {
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(process.execPath, [cli, 'scan', '--format', 'json', '--verbose', dir], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const ms = now() - start;
      const lines = Buffer.concat(err).toString('utf8').split('\n').filter((l) => l.trim() !== '');
      let findings = Number.NaN;
      let reported: ReportedFinding[] = [];
      try {
        reported = (JSON.parse(Buffer.concat(out).toString('utf8')) as { findings: ReportedFinding[] }).findings;
        findings = reported.length;
      } catch {
        lines.push('hotpath: the JSON report could not be read');
      }
      const skipped = lines.filter((l) => l.startsWith('hotpath: skipped '));
      const errors = lines.filter((l) => !l.startsWith('hotpath: skipped '));
      resolve({ ms, exitCode, findings, reported, skipped, errors });
    });
  });
}
