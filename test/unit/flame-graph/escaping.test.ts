/**
 * Function names are profile data, which anyone can write: a profile whose names are markup
 * (`<img src=x onerror=alert(1)>`, `</script>`) reaches the flame graph's tooltip and screen-reader
 * text as exactly those characters, to be set as text, carried inside the console's own checked
 * messages; the page's HTML (test/unit/console-webview/page-html.test.ts) never holds profile data.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameSentence, frameText } from '../../../client/webview/flame-graph/describe';
import { checkToWebview } from '../../../client/src/console/messages';
import { buildFlameTree } from '../../../server/src/profiles/flame-tree';
import type { Profile } from '../../../server/src/profiles/model';
import { PathMapper } from '../../../server/src/profiles/paths';
import { TreeBuilder } from '../../../server/src/profiles/tree-builder';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(2)</script>';

function hostileProfile(): Profile {
  const b = new TreeBuilder(1);
  const outer = b.functionId({ name: IMG, file: '/srv/<b>x</b>.js', line: 1 });
  const inner = b.functionId({ name: SCRIPT, file: 'node:internal/"quoted"', line: 2 });
  b.addStack([{ func: outer, line: 0 }, { func: inner, line: 0 }], [3_000_000]);
  b.addStack([{ func: outer, line: 0 }], [1_000_000]);
  return { format: 'test', source: `${IMG}.cpuprofile`, sampleTypes: [{ type: 'cpu', unit: 'nanoseconds' }], defaultSampleType: 0, functions: b.functions, shape: { kind: 'tree', tree: b.build() } };
}

test('markup in function names reaches the tooltip and the screen-reader sentence as the same characters', () => {
  const mapper = new PathMapper([]);
  const answer = buildFlameTree(hostileProfile(), { name: `${IMG}.cpuprofile`, map: (fn) => mapper.map(fn), uriOf: (f) => f });
  assert.ok(!('problem' in answer));
  // What the server sends survives the console page's checks unchanged, through JSON as postMessage carries it.
  const checked = checkToWebview(JSON.parse(JSON.stringify({ type: 'flameGraph', message: { type: 'show', data: answer } })));
  assert.ok(checked.ok && checked.value.type === 'flameGraph' && checked.value.message.type === 'show', JSON.stringify(checked).slice(0, 300));
  const data = checked.value.message.data;
  const outer = data.nodes.func.findIndex((f) => data.functions[f].name === IMG);
  const inner = data.nodes.func.findIndex((f) => data.functions[f].name === SCRIPT);
  assert.deepEqual(frameText(data, outer), { title: IMG, lines: ['Total: 4 ms (100.0%)', 'Self: 1 ms (25.0%)', 'unknown code'] });
  assert.deepEqual(frameText(data, inner), { title: SCRIPT, lines: ['Total: 3 ms (75.0%)', 'Self: 3 ms (75.0%)', 'the runtime'] });
  assert.equal(frameSentence(data, inner), `${SCRIPT}. Total: 3 ms (75.0%). Self: 3 ms (75.0%). the runtime.`);
  assert.deepEqual(frameText(data, 0), { title: `${IMG}.cpuprofile`, lines: ['Total: 4 ms (100.0%)', `cpu in ${IMG}.cpuprofile`] });
});
