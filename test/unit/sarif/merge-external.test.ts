/**
 * Hotpath's findings and other tools' findings of the same file: the same problem reported by
 * an equivalent rule at the same place becomes one finding that names both; anything else stays
 * apart. The table of equivalent rules names only rules Hotpath has.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Range, Severity } from '../../../server/src/findings';
import { ruleById } from '../../../server/src/rules';
import { EQUIVALENT_RULES, equivalentRule } from '../../../server/src/sarif/equivalent-rules';
import { mergeExternal } from '../../../server/src/sarif/merge-external';

function range(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

const ours: Finding = { ruleId: 'await-in-loop', severity: 'info', message: '`await fetch(x)` runs once per item of `xs`', range: range(3, 13, 27), related: [] };

function theirs(tool: string, ruleId: string, at: Range, severity: Severity = 'warning'): Finding {
  return { ruleId, severity, message: `${tool} says so`, range: at, related: [], source: { tool } };
}

describe('merging other tools’ findings', () => {
  it('makes one finding of an equivalent rule at the same place, naming the other tool, with the graver severity', () => {
    const merged = mergeExternal([ours], [theirs('ESLint', 'no-await-in-loop', range(3, 13, 27), 'error')]);
    assert.deepEqual(merged, [{ ...ours, severity: 'error', message: `${ours.message} (also reported by ESLint no-await-in-loop)` }]);
  });

  it('names every tool that reported it, once each, however their ranges cover the place', () => {
    const merged = mergeExternal(
      [ours],
      [
        theirs('oxlint', 'eslint(no-await-in-loop)', range(3, 13, 18)), // `await` only
        theirs('Biome', 'lint/performance/noAwaitInLoops', range(3, 13, 27)),
        theirs('Biome', 'lint/performance/noAwaitInLoops', range(3, 13, 27)),
        theirs('ESLint', 'no-await-in-loop', range(3, 0, 2 ** 31 - 1)), // the whole line
      ],
    );
    assert.equal(merged.length, 1);
    assert.equal(merged[0].message, `${ours.message} (also reported by oxlint eslint(no-await-in-loop), Biome lint/performance/noAwaitInLoops, ESLint no-await-in-loop)`);
    assert.equal(merged[0].severity, 'warning');
  });

  it('keeps apart what is elsewhere, of another rule, or of a tool the table does not know', () => {
    const elsewhere = theirs('ESLint', 'no-await-in-loop', range(4, 13, 27));
    const sameLineApart = theirs('ESLint', 'no-await-in-loop', range(3, 30, 40));
    const otherRule = theirs('ESLint', 'no-console', range(3, 13, 27));
    const unknownTool = theirs('SomeLinter', 'no-await-in-loop', range(3, 13, 27));
    const merged = mergeExternal([ours], [elsewhere, sameLineApart, otherRule, unknownTool]);
    assert.equal(merged.length, 5);
    assert.equal(merged.find((f) => !f.source)?.message, ours.message);
  });

  it('drops Hotpath’s own results re-imported from a log it wrote, without naming itself', () => {
    const merged = mergeExternal([ours], [theirs('Hotpath', 'await-in-loop', range(3, 13, 27), 'info')]);
    assert.deepEqual(merged, [ours]);
  });

  it('matches tool names as logs spell them, whatever their case', () => {
    assert.equal(equivalentRule('eslint', 'no-await-in-loop'), 'await-in-loop');
    assert.equal(equivalentRule('Ruff', 'ASYNC251'), 'blocking-call-in-async');
    assert.equal(equivalentRule('Ruff', 'PERF401'), undefined, 'a rule of another kind');
  });

  it('lists equivalents only of rules Hotpath has', () => {
    for (const { ours: id } of EQUIVALENT_RULES) assert.ok(ruleById(id), `equivalent-rules.ts names "${id}", which is no Hotpath rule`);
  });
});
