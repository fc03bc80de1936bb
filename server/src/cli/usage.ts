/** Errors the command line reports with exit status 2: bad usage or unreadable input. */
export class UsageError extends Error {}

/** Runs an argument parser (node:util's parseArgs), turning what it refuses into a usage error. */
export function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export const USAGE = `Usage: hotpath <command> [options]

Commands:
  scan [paths...]   Report predicted performance problems in source files.
                    --format text|json|sarif   output format (default: text)
                    --rule ID                  run only this rule (repeatable)
                    --exclude GLOB             skip matching files (repeatable)
                    --test-files hint|report   findings in test files are hints, or
                                               reported like the others (default: hint)
                    --fail-on error|warning|info|hint|never
                                               exit 1 when a finding is at least this
                                               severe (default: error)
                    --verbose                  list skipped files and why
                    --profile FILE             apply a profile's heat: findings in hot
                                               functions become warnings with the share
                    --sarif-in FILE            merge another tool's SARIF 2.1.0 results
                                               (repeatable); the same problem reported
                                               by both becomes one finding
  profile FILE      The functions a profile measured, by self value.
                    --top N                    how many (default: 20)
                    --sample-type T            a sample type by name or index
                    --format text|json         output format (default: text)
                    --root DIR                 the workspace the paths map to (default: .)
  ask QUESTION      Answer a question about the code's performance from its findings
                    and profiles ("what should I fix first?", "why is f slow?").
                    --profile FILE             a profile to answer from (repeatable;
                                               the last one is active)
                    --baseline FILE            a profile to compare the active one with
                    --bench-base FILE|DIR      benchmark results of the base run, and
                    --bench-current FILE|DIR   of the current run ("which benchmarks
                                               got slower?")
                    --sarif-in FILE            another tool's SARIF results (repeatable)
                    --root DIR                 the workspace to scan (default: .)
                    --at FILE:LINE[:COL]       the cursor, for questions about "this"
                    --format text|json         output format (default: text)
  compare BASE CURRENT
                    Compare two profiles of the same kind (any formats), or two sets
                    of benchmark results (go test -bench output, pytest-benchmark
                    JSON, vitest bench reports; a folder holds one file per run).
                    --format text|json|markdown
                                               output format (default: text); markdown
                                               reads as a pull-request comment
                    --sample-type T            the sample type compared, in both profiles
                    --threshold N              a change counts past N: points of self
                                               share for profiles (default: 5), percent
                                               for benchmarks (default: 2, with p < 0.05)
                    --new-threshold PCT        a function in one profile only counts above
                                               PCT percent (default: 1)
                    --warn-on N                print a warning for a regression past N
                    --fail-on N                exit 1 for a regression past N
                    --root DIR                 the workspace the paths map to (default: .)
                    --base-profile FILE --current-profile FILE
                                               with benchmarks: the profiles of both runs,
                                               to list the changes under each regression
  rules             List the rules.
  help              Show this help.

Exit status: 0 done, 1 a finding or a regression reached --fail-on, 2 bad usage or
unreadable input.`;
