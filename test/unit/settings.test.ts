import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, enabledGlobs, readSettings } from '../../server/src/settings';

test('missing settings give the defaults with no problems', () => {
  assert.deepEqual(readSettings(undefined), { settings: DEFAULTS, problems: [] });
  assert.deepEqual(readSettings({}), { settings: DEFAULTS, problems: [] });
});

test('valid settings are read', () => {
  const { settings, problems } = readSettings({
    scope: 'openFiles',
    exclude: ['build/**'],
    maxFileSizeKb: 10,
    rules: { 'n-plus-one-query': 'error', 'await-in-loop': 'off' },
    ioCalls: ['api.*', { pattern: '**.repo.load', kind: 'database', languages: ['python', 'cobol'] }],
  });
  assert.deepEqual(problems, []);
  assert.equal(settings.scope, 'openFiles');
  assert.deepEqual(settings.exclude, ['build/**']);
  assert.equal(settings.maxFileSizeKb, 10);
  assert.deepEqual(settings.analysis.rules, { 'n-plus-one-query': 'error', 'await-in-loop': 'off' });
  assert.deepEqual(settings.analysis.ioCalls, [
    { pattern: 'api.*', kind: 'io', languages: undefined },
    { pattern: '**.repo.load', kind: 'database', languages: ['python'] },
  ]);
});

test('each wrong value is named, and replaced by its default', () => {
  const { settings, problems } = readSettings({
    scope: 'everything',
    exclude: 'build',
    maxFileSizeKb: -1,
    rules: { 'no-such-rule': 'off', 'n-plus-one-query': 'loud' },
    ioCalls: [42, { pattern: 'x', kind: 'telepathy' }, '*a*a*a*'],
  });
  assert.deepEqual(problems, [
    'hotpath.scope: "everything" is not workspace or openFiles',
    'hotpath.maxFileSizeKb: "-1" is not a positive number',
    'hotpath.rules: no rule is named "no-such-rule"',
    'hotpath.rules.n-plus-one-query: "loud" is not one of error, warning, info, hint, off, default',
    'hotpath.ioCalls[0]: expected a pattern string or { "pattern": "…", "kind": "…" }',
    'hotpath.ioCalls[1]: kind "telepathy" is not one of database, http, cache, rpc, io',
    'hotpath.ioCalls[2]: a segment has more than 2 "*" wildcards',
    'hotpath.exclude must be a list of strings; using the default',
  ]);
  assert.deepEqual(settings, DEFAULTS);
});

test('files.exclude turns on the globs mapped to true', () => {
  assert.deepEqual(enabledGlobs({ '**/.git': true, '**/build': false, '**/gen': true }), ['**/.git', '**/gen']);
  assert.deepEqual(enabledGlobs('nonsense'), []);
});
