/**
 * Finds where a measured function is in today's source: by its name (profilers qualify names in
 * their own ways: `inventory.(*Store).FindBySKU`, `Module._load`, `CustomerRepo.find`), then by
 * the line the profile recorded, then by the line the profile measured most.
 */
import type { SourceFunction } from '../syntax/functions';
import type { FunctionHeat, LineHeat } from './heat';

/** The bare name a profiler's qualified name ends with: `FindBySKU`, `_load`, `find`. */
export function shortName(qualified: string): string {
  const cleaned = qualified.replace(/\s*\[.*\]$/, '').replace(/\(.*\)$/, '');
  const parts = cleaned.split(/[.:#/\s]+/).filter((p) => p && !p.startsWith('('));
  return parts[parts.length - 1] ?? cleaned;
}

function distance(fn: SourceFunction, line: number): number {
  return line <= 0 ? 0 : Math.abs(fn.startLine + 1 - line);
}

function contains(fn: SourceFunction, line: number): boolean {
  return line > fn.startLine && line <= fn.endLine + 1;
}

/** The innermost source function containing a 1-based line. */
export function functionAtLine(functions: readonly SourceFunction[], line: number): SourceFunction | undefined {
  let best: SourceFunction | undefined;
  for (const fn of functions) {
    if (contains(fn, line) || fn.startLine + 1 === line) {
      if (!best || fn.endLine - fn.startLine < best.endLine - best.startLine) best = fn;
    }
  }
  return best;
}

export function locateFunction(
  heat: FunctionHeat,
  functions: readonly SourceFunction[],
  lines: readonly LineHeat[] = [],
): SourceFunction | undefined {
  const name = shortName(heat.name);
  const named = functions.filter((f) => f.name === name);
  if (named.length === 1) return named[0];
  if (named.length > 1) {
    if (heat.line > 0) return named.reduce((a, b) => (distance(b, heat.line) < distance(a, heat.line) ? b : a));
    const hottest = [...lines].sort((a, b) => b.self - a.self).find((l) => named.some((f) => contains(f, l.line)));
    return hottest ? named.find((f) => contains(f, hottest.line)) : undefined;
  }
  return heat.line > 0 ? functions.find((f) => f.startLine + 1 === heat.line) : undefined;
}
