/**
 * The flame graph's messages are checked both ways: the extension acts only on exactly the
 * messages the page may send, and the page draws only a graph whose arrays hold together.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlameGraphData } from '../../../server/src/protocol';
import { parseFromFlameGraph, parseToFlameGraph } from '../../../client/webview/flame-graph/messages';

const graph: FlameGraphData = {
  profile: 'report.cpuprofile',
  sampleType: 'cpu',
  unit: 'nanoseconds',
  totalLabel: '10 ns',
  nodes: { parent: [-1, 0], func: [0, 1], self: [0, 10], total: [10, 10] },
  functions: [
    { name: 'report.cpuprofile', origin: 'unknown' },
    { name: 'loadCustomers', origin: 'ours', uri: 'file:///work/report.js', line: 3 },
  ],
};

function withGraph(change: (g: Record<string, unknown>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(graph)) as Record<string, unknown>;
  change(copy);
  return { type: 'show', data: copy };
}

test('the page may say it is ready and ask to open a function by index, nothing else', () => {
  assert.deepEqual(parseFromFlameGraph({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseFromFlameGraph({ type: 'openSource', func: 1 }), { type: 'openSource', func: 1 });
  const hostile: unknown[] = [
    null,
    undefined,
    'openSource',
    [{ type: 'ready' }],
    { type: 'openSource', func: '1' },
    { type: 'openSource', func: -1 },
    { type: 'openSource', func: 1.5 },
    { type: 'openSource', func: Number.NaN },
    { type: 'openSource', func: 2 ** 60 },
    { type: 'openSource', func: 1, uri: 'file:///etc/passwd' },
    { type: 'openSource', path: '/etc/passwd' },
    { type: 'ready', extra: true },
    { type: 'runCommand', command: 'workbench.action.terminal.new' },
    JSON.parse('{"type":"openSource","func":1,"__proto__":{"polluted":true}}'),
  ];
  for (const message of hostile) assert.equal(parseFromFlameGraph(message), undefined, `accepted ${JSON.stringify(message)}`);
});

test('the page draws a graph whose arrays hold together, and refuses one that does not', () => {
  assert.deepEqual(parseToFlameGraph({ type: 'show', data: graph }), { type: 'show', data: graph });
  assert.deepEqual(parseToFlameGraph({ type: 'empty', reason: 'No profile is shown.' }), { type: 'empty', reason: 'No profile is shown.' });
  const broken: Array<[string, unknown]> = [
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['extra keys', { type: 'show', data: graph, html: '<b>x</b>' }],
    ['a parent after its child', withGraph((g) => ((g.nodes as FlameGraphData['nodes']).parent = [-1, 1]))],
    ['a second root', withGraph((g) => ((g.nodes as FlameGraphData['nodes']).parent = [-1, -1]))],
    ['a function out of range', withGraph((g) => ((g.nodes as FlameGraphData['nodes']).func = [0, 2]))],
    ['arrays of different lengths', withGraph((g) => ((g.nodes as FlameGraphData['nodes']).total = [10]))],
    ['a value that is not a number', withGraph((g) => ((g.nodes as Record<string, unknown>).self = [0, '10']))],
    ['an infinite value', withGraph((g) => ((g.nodes as FlameGraphData['nodes']).total = [10, Infinity]))],
    ['a negative value', withGraph((g) => ((g.nodes as FlameGraphData['nodes']).self = [0, -10]))],
    ['a javascript: link', withGraph((g) => ((g.functions as FlameGraphData['functions'])[1].uri = 'javascript:alert(1)'))],
    ['a command: link', withGraph((g) => ((g.functions as FlameGraphData['functions'])[1].uri = 'command:workbench.action.terminal.new'))],
    ['a name that is not a string', withGraph((g) => ((g.functions as unknown[])[1] = { name: { toString: 1 }, origin: 'ours' }))],
    ['an unknown origin', withGraph((g) => ((g.functions as unknown[])[1] = { name: 'x', origin: 'mine' }))],
    ['an unknown unit', withGraph((g) => (g.unit = 'furlongs'))],
    ['no nodes', withGraph((g) => (g.nodes = { parent: [], func: [], self: [], total: [] }))],
  ];
  for (const [what, message] of broken) assert.equal(parseToFlameGraph(message), undefined, `accepted a graph with ${what}`);
});
