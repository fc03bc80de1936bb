/**
 * Which files are test code (their findings are hints by default), by the languages' own
 * conventions, read from the path inside the workspace only.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/findings';
import { inTestFiles, isTestFile } from '../../server/src/workspace/test-files';

const TESTS = [
  'tests/test_orders.py',
  'test_orders.py',
  'app/orders_test.py',
  'conftest.py',
  'Lib/test/support/__init__.py',
  'src/orders.test.ts',
  'src/orders.spec.jsx',
  'src/__tests__/orders.js',
  'web/e2e/login.mts',
  'pkg/orders/orders_test.go',
  'pkg/orders/testdata/gen.go',
  'src/test/java/com/acme/OrderServiceTest.java',
  'src/main/java/com/acme/OrderServiceTests.java',
  'src/main/java/com/acme/OrdersIT.java',
  'spec\\orders.js',
];

const NOT_TESTS = [
  'orders.py',
  'testing/helpers.py',
  'src/testing/testing.go',
  'src/attest.py',
  'src/contest_results.ts',
  'pkg/latest/latest.go',
  'src/main/java/com/acme/TestData.java',
  'src/main/java/com/acme/Testable.java',
  'src/protest.test-utils.ts',
];

const finding = (severity: Finding['severity']): Finding => ({
  ruleId: 'n-plus-one-query',
  severity,
  message: 'm',
  range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } },
  related: [],
});

describe('test files', () => {
  it('tells test files by name and folder', () => {
    assert.deepEqual(TESTS.filter((p) => !isTestFile(p)), []);
    assert.deepEqual(NOT_TESTS.filter((p) => isTestFile(p)), []);
  });

  it("lowers a test file's findings to hints, keeps errors, and leaves other files and the report mode alone", () => {
    const found = [finding('warning'), finding('info'), finding('error'), finding('hint')];
    assert.deepEqual(inTestFiles(found, 'tests/test_orders.py', 'hint').map((f) => f.severity), ['hint', 'hint', 'error', 'hint']);
    assert.deepEqual(inTestFiles(found, 'orders.py', 'hint').map((f) => f.severity), ['warning', 'info', 'error', 'hint']);
    assert.deepEqual(inTestFiles(found, 'tests/test_orders.py', 'report').map((f) => f.severity), ['warning', 'info', 'error', 'hint']);
    assert.deepEqual(inTestFiles(found, undefined, 'hint').map((f) => f.severity), ['warning', 'info', 'error', 'hint']);
  });
});
