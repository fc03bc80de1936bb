/**
 * How the extension-host suite reports each finished test to a runner that only sees its output:
 * one line starting with RESULT_PREFIX followed by a `TestResult` as JSON.
 */
export const RESULT_PREFIX = 'hotpath-extension-host-test ';

export interface TestResult {
  /** The test's full title, its describe blocks included. */
  title: string;
  passed: boolean;
  durationMs: number;
  /** The failure with its stack, for a failed test. */
  error?: string;
}

export function resultLine(result: TestResult): string {
  return `${RESULT_PREFIX}${JSON.stringify(result)}`;
}

/** The results found in output lines, in order; the prefix may follow a logger's own prefix. */
export function parseResults(output: string): TestResult[] {
  const results: TestResult[] = [];
  for (const line of output.split('\n')) {
    const at = line.indexOf(RESULT_PREFIX);
    if (at >= 0) results.push(JSON.parse(line.slice(at + RESULT_PREFIX.length)) as TestResult);
  }
  return results;
}
