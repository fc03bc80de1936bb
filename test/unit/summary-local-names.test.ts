/**
 * A JavaScript call by bare name is a call to the module's function of that name unless a
 * parameter or a variable of a function around it binds the name first: such calls stay out of
 * the function summaries (minified code reuses one-letter names in every scope). The text tells
 * where a name could be declared before the scopes are read; these cases must come out the same.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSource } from '../../server/src/analyze';
import { AnalysisConfig } from '../../server/src/rules/config';
import { nPlusOneThroughCall } from '../../server/src/rules/n-plus-one-through-call';

const config = new AnalysisConfig({ rules: {}, ioCalls: [], only: [nPlusOneThroughCall.meta.id] });

/** The paths each named function of the source calls, as its summary records them. */
async function callsOf(source: string): Promise<Record<string, string[]>> {
  const summary = (await analyzeSource(source, 'javascript', config)).summary;
  assert.ok(summary);
  return Object.fromEntries(summary.functions.map((f) => [f.name, f.calls.map((c) => c.path)]));
}

describe('calls by bare name in JavaScript summaries', () => {
  it('records calls to the module function, not to a parameter, a rest parameter or a local variable of the same name', async () => {
    const calls = await callsOf(`function load(id) { return id; }
function direct(ids) { load(1); load(2); }
function param(load) { load(1); }
function rest(...load) { load(1); }
function local(x) { const load = x.fetch; load(1); }
function dotted(api) { api.load; load(1); }
`);
    assert.deepEqual(calls.direct, ['load']);
    assert.deepEqual(calls.param, []);
    assert.deepEqual(calls.rest, []);
    assert.deepEqual(calls.local, []);
    assert.deepEqual(calls.dotted, ['load']);
  });

  it('finds the nearest declaration: a function declared inside shadows a parameter around it, which a closure sees', async () => {
    // A nested function's calls count for the module-level function around it.
    const calls = await callsOf(`function load(id) { return id; }
function outer(load) {
  function inner() {
    function load() {}
    load();
  }
  return inner;
}
function closure(load) {
  return () => load(1);
}
`);
    assert.deepEqual(calls.outer, ['load']);
    assert.deepEqual(calls.closure, []);
  });
});
