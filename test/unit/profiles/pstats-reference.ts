/**
 * Python's own pstats module as the reference for the pstats importer: runs `python3` live to
 * load a file with `pstats.Stats` and print, per function, the calls, tottime and cumtime it
 * holds, with the "in N seconds" total (total_tt) and the function call count it prints.
 */
import { python3, runTool } from './reference-tool';

export interface PstatsRow {
  file: string;
  line: number;
  /** The name as pstats prints it; a code object's repr without its address. */
  name: string;
  primitiveCalls: number;
  calls: number;
  tottime: number;
  cumtime: number;
  /** Per caller (name, file and line keyed as the row): calls, and cumtime of those calls (0 when the file has only a count). */
  callers: Array<{ file: string; line: number; name: string; calls: number; cumtime: number }>;
}

export interface PstatsListing {
  /** Seconds: the sum of all tottimes, "in N seconds" in pstats's header. */
  totalTime: number;
  /** "N function calls" in pstats's header. */
  totalCalls: number;
  rows: PstatsRow[];
}

const SCRIPT = `
import json, pstats, re, sys
stats = pstats.Stats(sys.argv[1])
name = lambda n: re.sub(r" at 0x[0-9a-f]+", "", str(n))
# pstats reads a caller's entry as (nc, cc, tt, ct), or a plain count from the profile module.
calls = lambda c: [c[0], c[3]] if isinstance(c, tuple) else [c, 0]
rows = [
    [file, line, name(fn), cc, nc, tt, ct, [[f, l, name(n), *calls(c)] for (f, l, n), c in callers.items()]]
    for (file, line, fn), (cc, nc, tt, ct, callers) in stats.stats.items()
]
json.dump({"total_tt": stats.total_tt, "total_calls": stats.total_calls, "rows": rows}, sys.stdout)
`;

/** Loads a file with Python's pstats; fails with a message saying what to install when Python is missing. */
export function pstatsListing(file: string): PstatsListing {
  const output = runTool(python3("the pstats importer tests compare with Python's pstats module"), ['-c', SCRIPT, file]);
  type Caller = [string, number, string, number, number];
  const data = JSON.parse(output) as { total_tt: number; total_calls: number; rows: Array<[string, number, string, number, number, number, number, Caller[]]> };
  return {
    totalTime: data.total_tt,
    totalCalls: data.total_calls,
    rows: data.rows.map(([file, line, name, primitiveCalls, calls, tottime, cumtime, callers]) => ({
      file,
      line,
      name,
      primitiveCalls,
      calls,
      tottime,
      cumtime,
      callers: callers.map(([file, line, name, calls, cumtime]) => ({ file, line, name, calls, cumtime })),
    })),
  };
}
