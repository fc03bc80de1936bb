/**
 * The SARIF importer on logs no tool would write: random JSON, and real-looking logs with random
 * values in every field. It must either import or refuse with a SarifError naming the file;
 * whatever it imports lies inside the workspace, with positions an editor accepts.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { importSarif } from '../../../server/src/sarif/import';
import { parseSarifBytes } from '../../../server/src/sarif/read-log';
import { SarifError } from '../../../server/src/sarif/sarif-error';

const ROOT = path.resolve('/workspace/project');
const MAX = 2 ** 31 - 1;

/** Imports, or checks the refusal; returns the import when there is one. */
function tryImport(raw: unknown) {
  try {
    return importSarif('fuzz.sarif', raw, { roots: [ROOT], exists: () => true });
  } catch (error) {
    assert.ok(error instanceof SarifError, `threw ${String(error)}`);
    assert.ok(error.message.startsWith('fuzz.sarif: '), error.message);
    return undefined;
  }
}

const anyValue = fc.oneof(fc.jsonValue(), fc.constant('__proto__'), fc.constant('constructor'), fc.string({ maxLength: 30 }), fc.integer(), fc.double());
/** Mostly the expected shape, sometimes anything at all. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 5 }, { arbitrary: anyValue, weight: 1 });
const uri = fc.oneof(
  fc.constantFrom('src/app.js', '../x', '/etc/passwd', 'file:///etc/passwd', 'file:///workspace/project/a.py', 'C:\\x', 'https://e.x/y', '%2e%2e/x', ''),
  fc.string({ maxLength: 20 }),
);
const region = fc.record({ startLine: maybe(fc.integer({ min: -5, max: 2 ** 40 })), startColumn: maybe(fc.integer()), endLine: maybe(fc.integer()), endColumn: maybe(fc.integer()) }, { requiredKeys: [] });
const location = fc.record({ physicalLocation: maybe(fc.record({ artifactLocation: maybe(fc.record({ uri: maybe(uri), uriBaseId: maybe(fc.constantFrom('SRC', 'LOOP', 'X')), index: maybe(fc.integer({ min: -1, max: 3 })) }, { requiredKeys: ['uri'] })), region: maybe(region) }, { requiredKeys: ['artifactLocation'] })), message: maybe(fc.record({ text: anyValue })) }, { requiredKeys: ['physicalLocation'] });
const result = fc.record(
  {
    ruleId: anyValue,
    ruleIndex: anyValue,
    rule: maybe(fc.record({ id: anyValue, index: anyValue, toolComponent: maybe(fc.record({ index: anyValue })) }, { requiredKeys: [] })),
    level: maybe(fc.constantFrom('error', 'warning', 'note', 'none', 'fatal')),
    kind: maybe(fc.constantFrom('fail', 'pass', 'open', 'review', 'informational', 'notApplicable')),
    message: maybe(fc.record({ text: anyValue, id: anyValue, arguments: maybe(fc.array(anyValue, { maxLength: 3 })) }, { requiredKeys: [] })),
    locations: maybe(fc.array(maybe(location), { maxLength: 3 })),
    relatedLocations: maybe(fc.array(maybe(location), { maxLength: 3 })),
    codeFlows: maybe(fc.array(fc.record({ threadFlows: maybe(fc.array(fc.record({ locations: maybe(fc.array(fc.record({ location: maybe(location) }), { maxLength: 3 })) }), { maxLength: 2 })) }), { maxLength: 2 })),
    suppressions: maybe(fc.array(fc.record({ status: maybe(fc.constantFrom('accepted', 'underReview', 'rejected')) }, { requiredKeys: [] }), { maxLength: 2 })),
    baselineState: maybe(fc.constantFrom('new', 'absent', 'unchanged')),
  },
  { requiredKeys: ['locations'] },
);
const run = fc.record(
  {
    tool: maybe(fc.record({ driver: maybe(fc.record({ name: anyValue, rules: maybe(fc.array(maybe(fc.record({ id: anyValue, messageStrings: anyValue, helpUri: anyValue, defaultConfiguration: anyValue }, { requiredKeys: [] })), { maxLength: 3 })), globalMessageStrings: anyValue }, { requiredKeys: [] })), extensions: anyValue }, { requiredKeys: [] })),
    originalUriBaseIds: maybe(fc.record({ SRC: maybe(fc.record({ uri: maybe(uri), uriBaseId: anyValue }, { requiredKeys: [] })), LOOP: fc.constant({ uri: 'x/', uriBaseId: 'LOOP' }) }, { requiredKeys: [] })),
    artifacts: maybe(fc.array(fc.record({ location: maybe(fc.record({ uri: maybe(uri) }, { requiredKeys: [] })) }, { requiredKeys: [] }), { maxLength: 3 })),
    columnKind: maybe(fc.constantFrom('utf16CodeUnits', 'unicodeCodePoints')),
    results: maybe(fc.array(maybe(result), { maxLength: 5 })),
  },
  { requiredKeys: ['results'] },
);
const version = fc.oneof({ arbitrary: fc.constant('2.1.0'), weight: 8 }, { arbitrary: fc.constantFrom('1.0.0', '2.0.0', '2.1.0-rtm.5'), weight: 1 }, { arbitrary: anyValue, weight: 1 });
const log = fc.record({ version, runs: maybe(fc.array(maybe(run), { maxLength: 3 })) }, { requiredKeys: ['version', 'runs'] });

/** Checks one import; returns how many results it kept. */
function checkImport(raw: unknown): number {
  const imported = tryImport(raw);
  if (!imported) return 0;
  for (const { file, finding } of imported.results) {
    assert.ok(file.startsWith(ROOT + path.sep), `${file} is outside the workspace`);
    for (const r of finding.related) if (r.file !== undefined) assert.ok(r.file.startsWith(ROOT + path.sep), `${r.file} is outside the workspace`);
    for (const r of [finding, ...finding.related]) {
      for (const p of [r.range.start, r.range.end]) assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line <= MAX && p.character >= 0 && p.character <= MAX, JSON.stringify(p));
    }
    assert.equal(typeof finding.message, 'string');
    assert.equal(typeof finding.ruleId, 'string');
    assert.ok(finding.related.length <= 50);
  }
  return imported.results.length;
}

describe('SARIF import under random input', () => {
  it('never throws anything but a SarifError on random JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => void tryImport(raw)), { numRuns: 500 });
  });

  it('imports only workspace files with valid positions from logs with random fields', () => {
    let kept = 0;
    fc.assert(
      fc.property(log, (raw) => {
        kept += checkImport(raw);
      }),
      { numRuns: 1000 },
    );
    // The logs are random but not hopeless: many results must come through, or the check proves nothing.
    assert.ok(kept > 100, `only ${kept} results were imported from 1000 logs`);
  });

  it('refuses random bytes with a SarifError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          void checkImport(parseSarifBytes('fuzz.sarif', bytes));
        } catch (error) {
          assert.ok(error instanceof SarifError, `threw ${String(error)}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
