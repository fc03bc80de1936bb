/**
 * Function names are profile data, which anyone can write: a profile whose names are markup
 * (`<img src=x onerror=alert(1)>`, `</script>`) reaches the flame graph's tooltip and screen-reader
 * text as exactly those characters, to be set as text, and never reaches the page's HTML, whose
 * content security policy allows only the one bundled script with a fresh nonce.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameSentence, frameText } from '../../../client/webview/flame-graph/describe';
import { parseToFlameGraph } from '../../../client/webview/flame-graph/messages';
import { flameGraphHtml } from '../../../client/src/flame-graph/html';
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
  // What the server sends survives the page's checks unchanged, through JSON as postMessage carries it.
  const shown = parseToFlameGraph(JSON.parse(JSON.stringify({ type: 'show', data: answer })));
  assert.ok(shown?.type === 'show');
  const data = shown.data;
  const outer = data.nodes.func.findIndex((f) => data.functions[f].name === IMG);
  const inner = data.nodes.func.findIndex((f) => data.functions[f].name === SCRIPT);
  assert.deepEqual(frameText(data, outer), { title: IMG, lines: ['Total: 4 ms (100.0%)', 'Self: 1 ms (25.0%)', 'unknown code'] });
  assert.deepEqual(frameText(data, inner), { title: SCRIPT, lines: ['Total: 3 ms (75.0%)', 'Self: 3 ms (75.0%)', 'the runtime'] });
  assert.equal(frameSentence(data, inner), `${SCRIPT}. Total: 3 ms (75.0%). Self: 3 ms (75.0%). the runtime.`);
  assert.deepEqual(frameText(data, 0), { title: `${IMG}.cpuprofile`, lines: ['Total: 4 ms (100.0%)', `cpu in ${IMG}.cpuprofile`] });
});

test('the page is a fixed shell: one script, allowed by a fresh nonce, no inline code, nothing from the profile', () => {
  const resources = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', script: 'https://x/dist/webview/flame-graph.js', style: 'https://x/media/flame-graph.css' };
  const first = flameGraphHtml(resources);
  const second = flameGraphHtml(resources);
  const nonceOf = (html: string) => /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(html)?.[1];
  const nonce = nonceOf(first);
  assert.ok(nonce && nonce.length >= 24, 'the nonce carries at least 128 bits');
  assert.notEqual(nonceOf(second), nonce, 'each render has its own nonce');
  assert.match(first, /content="default-src 'none'; img-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; script-src 'nonce-[^']+'; font-src [^"]+"/);
  assert.deepEqual([...first.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), [`<script nonce="${nonce}" src="https://x/dist/webview/flame-graph.js">`]);
  assert.doesNotMatch(first, /\son[a-z]+=/i, 'an inline event handler');
  assert.doesNotMatch(first, /<style|style=/, 'inline styles');
});
