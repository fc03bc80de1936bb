/**
 * The benchmarks a question names ("is BenchmarkParse slower?", "did test_report regress?"):
 * a loaded benchmark's full name or the function name it stands for, as a whole word, in any case.
 * Names that look like a benchmark but match none loaded are kept, so the answer can say so.
 */
import { benchmarkFunctionName } from '../../benchmarks/profile-link';

export interface NamedBenchmarks {
  /** Names of loaded benchmarks the question mentions. */
  found: string[];
  /** Words of the form `BenchmarkXxx` that match no loaded benchmark. */
  missing: string[];
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentions(question: string, key: string): boolean {
  return key !== '' && new RegExp(`(^|[^\\w$])${escape(key)}($|[^\\w$])`).test(question);
}

export function namedBenchmarks(question: string, names: readonly string[]): NamedBenchmarks {
  const asked = question.toLowerCase();
  const found = [...new Set(names)].filter((name) => mentions(asked, name.toLowerCase()) || mentions(asked, benchmarkFunctionName(name).toLowerCase()));
  const taken = new Set(found.flatMap((name) => [name.toLowerCase(), benchmarkFunctionName(name).toLowerCase()]));
  const missing = [...new Set(question.match(/\bBenchmark[A-Z0-9_]\w*/g) ?? [])].filter((word) => !taken.has(word.toLowerCase()));
  return { found, missing };
}
