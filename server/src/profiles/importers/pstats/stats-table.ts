/**
 * The table a cProfile/pstats file holds, read from its marshal object and checked: a dict from
 * (file, line, function name) to (primitive calls, total calls, tottime, cumtime, callers), where
 * callers maps each caller's key to (total calls, primitive calls, tottime, cumtime) of the calls
 * from there (note the order: total calls first, as cProfile writes them and pstats reads them),
 * or to a plain call count in files the pure-Python `profile` module wrote.
 */
import { MarshalCode, MarshalDict, MarshalValue } from './marshal';

export interface FunctionKey {
  file: string;
  line: number;
  name: string;
}

export interface CallerStats {
  caller: FunctionKey;
  /** All calls from this caller, recursive ones included. */
  calls: number;
  /** Inclusive seconds of the calls from this caller (0 when the file gives only a count). */
  cumtime: number;
}

export interface FunctionStats {
  key: FunctionKey;
  primitiveCalls: number;
  calls: number;
  tottime: number;
  cumtime: number;
  callers: CallerStats[];
}

/** A problem with the table's shape; the importer adds the file's name. */
export class StatsShapeError extends Error {}

function isCount(value: MarshalValue): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isSeconds(value: MarshalValue): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function describe(key: FunctionKey): string {
  return `${key.file}:${key.line}(${key.name})`;
}

/**
 * A key's function name. The pure-Python `profile` module keys the code it was asked to run by
 * the code object itself; its name is then what Python's repr says, without the address.
 */
function functionName(value: MarshalValue): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof MarshalCode) return `<code object ${value.name}, file ${JSON.stringify(value.filename)}, line ${value.firstLine}>`;
  return undefined;
}

function functionKey(value: MarshalValue, where: string): FunctionKey {
  if (!Array.isArray(value) || value.length !== 3) throw new StatsShapeError(`${where}: a key is not a (file, line, name) tuple`);
  const [file, line] = value;
  const name = functionName(value[2]);
  if (typeof file !== 'string' || typeof name !== 'string' || !isCount(line) || line > 2 ** 31 - 1) {
    throw new StatsShapeError(`${where}: a key is not a (file, line, name) tuple`);
  }
  return { file, line, name };
}

/**
 * Reads the table. `workLimit` bounds the caller entries visited: a file whose dicts are shared
 * through references could otherwise make a small file cost quadratic time.
 */
export function readStatsTable(top: MarshalValue, workLimit: number): FunctionStats[] {
  if (!(top instanceof MarshalDict)) throw new StatsShapeError('the statistics are not a dict');
  // Python keeps the last of duplicate keys; so does this Map.
  const table = new Map<string, FunctionStats>();
  let work = 0;
  for (const [rawKey, rawValue] of top.entries) {
    const key = functionKey(rawKey, 'the statistics');
    if (!Array.isArray(rawValue) || rawValue.length !== 5) {
      throw new StatsShapeError(`${describe(key)}: the statistics are not a (calls, calls, tottime, cumtime, callers) tuple`);
    }
    const [primitiveCalls, calls, tottime, cumtime, rawCallers] = rawValue;
    if (!isCount(primitiveCalls) || !isCount(calls) || !isSeconds(tottime) || !isSeconds(cumtime) || !(rawCallers instanceof MarshalDict)) {
      throw new StatsShapeError(`${describe(key)}: the statistics are not a (calls, calls, tottime, cumtime, callers) tuple`);
    }
    work += rawCallers.entries.length + 1;
    if (work > workLimit) throw new StatsShapeError('the same caller tables are referred to over and over: the file is damaged');
    const callers = rawCallers.entries.map(([callerKey, value]) => callerStats(key, callerKey, value));
    table.set(`${key.file}\u0000${key.line}\u0000${key.name}`, { key, primitiveCalls, calls, tottime, cumtime, callers });
  }
  return [...table.values()];
}

function callerStats(callee: FunctionKey, rawKey: MarshalValue, value: MarshalValue): CallerStats {
  const caller = functionKey(rawKey, `${describe(callee)}'s callers`);
  if (isCount(value)) return { caller, calls: value, cumtime: 0 };
  if (Array.isArray(value) && value.length === 4) {
    const [calls, primitiveCalls, tottime, cumtime] = value;
    if (isCount(calls) && isCount(primitiveCalls) && isSeconds(tottime) && isSeconds(cumtime)) return { caller, calls, cumtime };
  }
  throw new StatsShapeError(`${describe(callee)}: the calls from ${describe(caller)} are not a (calls, calls, tottime, cumtime) tuple`);
}
