/** Errors the command line reports with exit status 2: bad usage or unreadable input. */
export class UsageError extends Error {}

export const USAGE = `Usage: hotpath <command> [options]

Commands:
  scan [paths...]   Report predicted performance problems in source files.
                    --format text|json|sarif   output format (default: text)
                    --rule ID                  run only this rule (repeatable)
                    --exclude GLOB             skip matching files (repeatable)
                    --fail-on error|warning|info|hint|never
                                               exit 1 when a finding is at least this
                                               severe (default: error)
                    --verbose                  list skipped files and why
                    --profile FILE             apply a profile's heat: findings in hot
                                               functions become warnings with the share
  profile FILE      The functions a profile measured, by self value.
                    --top N                    how many (default: 20)
                    --sample-type T            a sample type by name or index
                    --format text|json         output format (default: text)
                    --root DIR                 the workspace the paths map to (default: .)
  rules             List the rules.
  help              Show this help.

Exit status: 0 done, 1 a finding reached --fail-on, 2 bad usage or unreadable input.`;
