/**
 * Progress of the import benchmark, with seconds since the start, on stderr, so that the figures
 * on stdout stay a clean report.
 */
import { now } from '../scan/measure';

export function note(message: string): void {
  process.stderr.write(`[bench:import +${(now() / 1000).toFixed(0)}s] ${message}\n`);
}
