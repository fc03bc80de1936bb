/**
 * How another tool's finding reads in the editor: a diagnostic named after the tool with its help
 * page, a hover with what the log says of the rule (with nothing in it that loads from the web),
 * and a Hotpath log read back as Hotpath's own.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDiagnostic } from '../../../server/src/diagnostics';
import type { Finding } from '../../../server/src/findings';
import { findingHover } from '../../../server/src/hover';
import { ruleDocUri } from '../../../server/src/rule-docs';

const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };

describe('another tool’s finding in the editor', () => {
  it('is a diagnostic named after the tool, coded with its rule, linked to its help page', () => {
    const finding: Finding = { ruleId: 'no-console', severity: 'warning', message: 'Unexpected console statement.', range, related: [], source: { tool: 'ESLint', helpUri: 'https://eslint.org/docs/latest/rules/no-console' } };
    const diagnostic = toDiagnostic(finding, 'file:///w/a.js');
    assert.equal(diagnostic.source, 'ESLint');
    assert.equal(diagnostic.code, 'no-console');
    assert.deepEqual(diagnostic.codeDescription, { href: 'https://eslint.org/docs/latest/rules/no-console' });
    assert.equal(toDiagnostic({ ...finding, source: { tool: 'ESLint' } }, 'file:///w/a.js').codeDescription, undefined, 'no link when the log gives none');
  });

  it('reads as Hotpath’s own when a Hotpath log is imported, linked to the docs installed here', () => {
    const finding: Finding = { ruleId: 'await-in-loop', severity: 'info', message: 'm', range, related: [], source: { tool: 'Hotpath', helpUri: 'file:///elsewhere/docs/rules/await-in-loop.md' } };
    const diagnostic = toDiagnostic(finding, 'file:///w/a.js');
    assert.equal(diagnostic.source, 'hotpath');
    assert.deepEqual(diagnostic.codeDescription, { href: ruleDocUri('await-in-loop') });
  });

  it('is explained in the hover by the log, without images or HTML that would load anything', () => {
    const finding: Finding = {
      ruleId: 'R1',
      severity: 'warning',
      message: 'Slow <img src="https://tracker.example/pixel.gif"> call.',
      range,
      related: [],
      source: { tool: 'Tool', ruleName: 'SlowCall', description: 'Flags slow calls.', help: 'See ![diagram](https://tracker.example/d.png) and [the docs](https://docs.example/r1).', helpUri: 'https://docs.example/r1' },
    };
    const hover = findingHover(finding, 'javascript');
    assert.equal(hover, '**SlowCall** · `R1` · Tool\n\nSlow  call.\n\nFlags slow calls.\n\nSee diagram and [the docs](https://docs.example/r1).\n\n[Rule documentation](https://docs.example/r1)');
  });
});
