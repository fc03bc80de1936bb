/**
 * The words the editor shows for a comparison with a baseline (Hotspots view items, the
 * command's notification), as a user reads them.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { baselineText, changeFigures } from '../../../client/src/profiles/baseline-text';

test('a changed function reads as its shares before and after and the change in points', () => {
  assert.equal(changeFigures({ kind: 'regression', name: 'lookup', before: 14.16, after: 47.07, delta: 32.91 }), '14.2% → 47.1% self · +32.9 pts');
  assert.equal(changeFigures({ kind: 'removed', name: 'memeqbody', before: 10.51, delta: -10.51 }), '10.5% → — self · −10.5 pts');
  assert.equal(changeFigures({ kind: 'new', name: 'render', after: 50, delta: 50 }), '— → 50.0% self · +50.0 pts');
});

test('the comparison reads as one sentence, or says why there is none', () => {
  assert.equal(
    baselineText({ name: 'base.pprof', path: '/p/base.pprof', current: 'current.pprof', rating: 'regressed', counts: '1 regression, 2 removed hotspots' }),
    'current.pprof against base.pprof: regressed — 1 regression, 2 removed hotspots',
  );
  assert.equal(baselineText({ name: 'base.pprof', path: '/p/base.pprof', problem: 'no profile is shown to compare with the baseline' }), 'Not compared with base.pprof: no profile is shown to compare with the baseline');
});
