/**
 * The .cpuprofile importer stays close to the cost of JSON.parse alone on a large profile (the
 * goal is within 2x for a 100 MB file; this test allows 4x, best of three, so that a busy test
 * machine does not fail it). The profile is the recorded one grown to about 15 MB: its samples
 * repeated, and thousands of extra nodes with line ticks.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { v8CpuProfileImporter } from '../../../server/src/profiles/importers/v8-cpuprofile';
import { toInput } from '../../../server/src/profiles/load';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';

interface Node {
  id: number;
  callFrame: Record<string, unknown>;
  children?: number[];
  hitCount?: number;
  positionTicks?: Array<{ line: number; ticks: number }>;
}

function grownProfile(): Buffer {
  const profile = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'profiles', 'v8', 'recorded-app.cpuprofile'), 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
    endTime: number;
  };
  let next = Math.max(...profile.nodes.map((node) => node.id)) + 1;
  const root = profile.nodes[0];
  const added: Node[] = [];
  for (let i = 0; i < 20000; i++) {
    const parent = i < 50 ? root : added[(i * 7919) % added.length];
    const node: Node = {
      id: next++,
      callFrame: { functionName: `fn${i % 3000}`, scriptId: '9', url: `file:///srv/app/src/module${i % 200}.js`, lineNumber: i % 700, columnNumber: 4 },
      hitCount: 2,
      positionTicks: [{ line: (i % 700) + 2, ticks: 1 }, { line: (i % 700) + 3, ticks: 1 }],
    };
    (parent.children ??= []).push(node.id);
    added.push(node);
  }
  for (const node of added) profile.nodes.push(node);
  const samples = [...profile.samples];
  const deltas = [...profile.timeDeltas];
  for (const node of added) samples.push(node.id, node.id), deltas.push(250, 250);
  while (samples.length < 1_500_000) for (let i = 0; i < profile.samples.length; i++) samples.push(profile.samples[i]), deltas.push(profile.timeDeltas[i]);
  return Buffer.from(JSON.stringify({ ...profile, samples, timeDeltas: deltas }));
}

test('a 15 MB .cpuprofile imports within 4x the time of JSON.parse alone', (t) => {
  const bytes = grownProfile();
  let parse = Infinity;
  let full = Infinity;
  for (let round = 0; round < 3; round++) {
    let started = performance.now();
    JSON.parse(bytes.toString('utf8'));
    parse = Math.min(parse, performance.now() - started);
    started = performance.now();
    const profile = v8CpuProfileImporter.read(toInput('grown.cpuprofile', bytes));
    full = Math.min(full, performance.now() - started);
    assert.ok(computeStats(profile, 0).grand >= 1_500_000);
  }
  t.diagnostic(`${(bytes.length / 1e6).toFixed(1)} MB: decode + JSON.parse ${parse.toFixed(0)} ms, full import ${full.toFixed(0)} ms (${(full / parse).toFixed(2)}x)`);
  assert.ok(full <= 4 * parse, `import took ${full.toFixed(0)} ms, JSON.parse ${parse.toFixed(0)} ms`);
});
