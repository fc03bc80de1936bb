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
  rules             List the rules.
  help              Show this help.

Exit status: 0 done, 1 a finding reached --fail-on, 2 bad usage or unreadable input.`;
