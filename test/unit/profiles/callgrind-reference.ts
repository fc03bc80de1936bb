/**
 * Valgrind's own readers as the reference for the callgrind importer: runs `callgrind_annotate`
 * (self, and `--inclusive=yes`) or `cg_annotate` live and reads the count each prints per
 * `file:function`, with the program total it calls 100%.
 */
import { runTool } from './reference-tool';

const INSTALL = 'install valgrind (Debian: apt-get install valgrind, or run scripts/setup-test-machine.sh)';

/**
 * One annotate listing: counts per function, keyed `function @ file` (the tools print
 * `file:function`; the function first reads better in tables), recursion levels such as `fib'2`
 * apart. `???` stands for an unknown file, as the tools print it.
 */
export interface Annotation {
  /** PROGRAM TOTALS: what the tool calls 100%. */
  programTotal: number;
  counts: Map<string, number>;
}

/**
 * Runs an annotate tool from `/` (so it strips no folder from file names) showing `events`, and
 * reads its function table: one listing per event.
 */
export function annotate(tool: 'callgrind_annotate' | 'cg_annotate', file: string, events: string[], inclusive = false): Map<string, Annotation> {
  // cg_annotate lists only functions above its threshold (0 at the lowest) of the first event.
  const args = [`--show=${events.join(',')}`, `--sort=${events.join(',')}`, '--auto=no', tool === 'cg_annotate' ? '--threshold=0' : '--threshold=100'];
  if (inclusive) args.push('--inclusive=yes');
  const output = runTool({ command: tool, purpose: 'the callgrind importer tests compare with it', install: INSTALL }, [...args, file], '/');
  return readAnnotation(output, events, `${tool} ${file}`);
}

/** One column per event: a count (`.` for none) and, unless it is zero, its percentage. */
function rowPattern(columns: number): RegExp {
  return new RegExp(`^\\s*${'([\\d,]+|\\.)(?: \\(\\s*[\\d.]+%\\))?\\s+'.repeat(columns)}`);
}

const count = (text: string): number => (text === '.' ? 0 : Number(text.replace(/,/g, '')));

function readAnnotation(text: string, events: string[], what: string): Map<string, Annotation> {
  const lines = text.split('\n');
  const row = rowPattern(events.length);
  const totals = lines.map((line) => (line.endsWith('PROGRAM TOTALS') ? row.exec(line) : null)).find((match) => match);
  const header = lines.findIndex((line) => line.endsWith(' file:function'));
  if (!totals || header < 0) throw new Error(`${what} printed no function table:\n${text.slice(0, 2000)}`);
  const listings = new Map(events.map((event, i) => [event, { programTotal: count(totals[i + 1]), counts: new Map<string, number>() }]));
  for (const line of lines.slice(header + 2)) {
    const match = row.exec(line);
    if (!match) continue;
    // The object follows in brackets for a function's own file, not for code inlined from another.
    const printed = line.slice(match[0].length).replace(/ \[(\/[^\]]*|\?\?\?)\]$/, '');
    const colon = printed.indexOf(':');
    const name = `${printed.slice(colon + 1)} @ ${printed.slice(0, colon)}`;
    events.forEach((event, i) => {
      const counts = listings.get(event)!.counts;
      counts.set(name, (counts.get(name) ?? 0) + count(match[i + 1]));
    });
  }
  return listings;
}

/** A `function @ file` key without callgrind's recursion level suffix: `fib'2` is `fib`. */
export function withoutLevel(key: string): string {
  return key.replace(/'\d+(?= @ )/, '');
}
