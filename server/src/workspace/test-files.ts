/**
 * Test code: findings there are hints by default. A loop of queries in a test is what the test
 * does, or runs against a fake; blocking in an async test is often the point of the test; a Go
 * `Example` shows one way on purpose. The precision review found every false positive of the
 * N+1 and blocking rules on the real-code corpus in such code. The editor shows hints as faint
 * dots, not in the Problems panel; `hotpath.testFiles: "report"` (the CLI's `--test-files report`)
 * reports them like any other finding, and a profile that measured the test hot raises them again.
 */
import type { Finding } from '../findings';

export type TestFilesMode = 'hint' | 'report';
export const TEST_FILES_MODES: readonly TestFilesMode[] = ['hint', 'report'];

/** Folders whose files are tests or their fixtures, across the languages' conventions. */
const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', 'testdata', 'spec', 'specs', 'e2e']);

/** `test_x.py`, `x_test.py`, `conftest.py`, `x.test.ts`, `x.spec.jsx`, `x_test.go`, `XTest.java`, `XTests.java`, `XIT.java`. */
const TEST_NAMES = /^(?:test_[^/]*\.py|[^/]+_test\.(?:py|go)|conftest\.py|[^/]+\.(?:test|spec)\.[cm]?[jt]sx?|[^/]+(?:Test|Tests|IT)\.java)$/;

/**
 * True when a file is test code, from its path relative to the workspace folder (or the folder
 * scanned): a path outside it would read the user's own folders (`/home/me/test/app/…`).
 */
export function isTestFile(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  const name = parts.pop() ?? '';
  return TEST_NAMES.test(name) || parts.some((part) => TEST_FOLDERS.has(part));
}

/** The findings of a file with those of test code lowered to hints (errors stay: a user set them so). */
export function inTestFiles(findings: readonly Finding[], relativePath: string | undefined, mode: TestFilesMode): Finding[] {
  if (mode === 'report' || relativePath === undefined || !isTestFile(relativePath)) return [...findings];
  return findings.map((finding) => (finding.severity === 'error' || finding.severity === 'hint' ? finding : { ...finding, severity: 'hint' }));
}
