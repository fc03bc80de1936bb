/**
 * Python cProfile / profile statistics (`python -m cProfile -o out.prof`, pstats.Stats.dump_stats):
 * a marshal dict, read by our own marshal reader (pstats/marshal.ts). Measured per function: total
 * calls, tottime (self) and cumtime (total, which cProfile already counts once per outermost call
 * under recursion), and per caller the calls and cumulative time of the calls from there.
 *
 * Sample types: `time` in nanoseconds (self = tottime, total = cumtime; 100% is the sum of all
 * tottimes, the "in N seconds" pstats prints) and `calls` (self = total = the function's calls).
 * Built-ins, keyed `('~', 0, '<built-in method ...>')` (`('', 0, 'len')` by the pure-Python
 * `profile` module), have no file and the module `builtins`.
 * There is no line-level detail in the format.
 */
import { Importer, ProfileError, ProfileInput } from '../importer';
import type { CallGraph, GraphEdge, Profile, ProfileFunction } from '../model';
import { MarshalError, readMarshal } from './pstats/marshal';
import { FunctionKey, readStatsTable, StatsShapeError } from './pstats/stats-table';

const NANOS_PER_SECOND = 1e9;
const DICT = 0x7b;
const FLAG_REF = 0x80;
const SMALL_TUPLE = 0x29;
const TUPLE = 0x28;

/** A marshal dict (possibly flagged for references) whose first key is a tuple of three. */
function looksLikePstats(bytes: Uint8Array): boolean {
  if (bytes.length < 3 || (bytes[0] & ~FLAG_REF) !== DICT) return false;
  const keyType = bytes[1] & ~FLAG_REF;
  if (keyType === SMALL_TUPLE) return bytes[2] === 3;
  return keyType === TUPLE && bytes.length >= 6 && bytes[2] === 3 && bytes[3] === 0 && bytes[4] === 0 && bytes[5] === 0;
}

class FunctionTable {
  readonly functions: ProfileFunction[] = [];
  private readonly ids = new Map<string, number>();

  id(key: FunctionKey): number {
    const text = `${key.file}\u0000${key.line}\u0000${key.name}`;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.functions.length;
      this.ids.set(text, id);
      // cProfile keys built-ins and C functions ('~', 0, name), the profile module ('', 0, name).
      const builtin = key.file === '~' || key.file === '';
      const fn: ProfileFunction = builtin ? { name: key.name, module: 'builtins' } : { name: key.name, file: key.file };
      if (!builtin && key.line > 0) fn.line = key.line;
      this.functions.push(fn);
    }
    return id;
  }
}

function readPstats(input: ProfileInput): Profile {
  let marshal;
  let stats;
  try {
    marshal = readMarshal(input.bytes);
    stats = readStatsTable(marshal.value, marshal.objects);
  } catch (error) {
    if (error instanceof MarshalError) throw new ProfileError(input.name, `damaged Python marshal data: ${error.message}`);
    if (error instanceof StatsShapeError) throw new ProfileError(input.name, `not cProfile statistics: ${error.message}`);
    throw error;
  }
  const table = new FunctionTable();
  for (const entry of stats) table.id(entry.key);
  const edges: GraphEdge[] = [];
  for (const entry of stats) {
    const callee = table.id(entry.key);
    for (const { caller, calls, cumtime } of entry.callers) {
      edges.push({ caller: table.id(caller), callee, line: 0, values: [cumtime * NANOS_PER_SECOND, calls] });
    }
  }
  const count = table.functions.length;
  const graph: CallGraph = {
    self: [new Float64Array(count), new Float64Array(count)],
    total: [new Float64Array(count), new Float64Array(count)],
    lines: table.functions.map(() => new Map()),
    edges,
  };
  for (const entry of stats) {
    const id = table.id(entry.key);
    graph.self[0][id] = entry.tottime * NANOS_PER_SECOND;
    graph.total[0][id] = entry.cumtime * NANOS_PER_SECOND;
    graph.self[1][id] = graph.total[1][id] = entry.calls;
  }
  return {
    format: 'pstats',
    source: input.name,
    sampleTypes: [
      { type: 'time', unit: 'nanoseconds' },
      { type: 'calls', unit: 'count' },
    ],
    defaultSampleType: 0,
    functions: table.functions,
    shape: { kind: 'graph', graph },
  };
}

export const pstatsImporter: Importer = {
  format: 'pstats',
  title: 'Python cProfile statistics (.prof, .pstats)',
  sniff: (input) => looksLikePstats(input.bytes),
  read: readPstats,
};
