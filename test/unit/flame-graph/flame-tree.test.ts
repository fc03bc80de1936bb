/**
 * The flame graph's tree (hotpath/flameGraph) on real profiles of several formats: it accounts for
 * the whole profile, every node's total is its self value plus its children's, subtrees are runs
 * of indexes with the hottest child first, functions of the workspace carry their file, and the
 * cap merges cold call paths into "(other)" nodes and says so.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { FlameGraphData } from '../../../server/src/protocol';
import { buildFlameTree, OTHER_NAME } from '../../../server/src/profiles/flame-tree';
import { readProfile } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { PathMapper } from '../../../server/src/profiles/paths';
import { computeStats } from '../../../server/src/profiles/stats';
import { examplesDir, fixturesDir } from '../../helpers/paths';

const PROFILES = [
  path.join(examplesDir, 'profiles', 'report.cpuprofile'),
  path.join(fixturesDir, 'profiles', 'speedscope', 'go_bench_cpu.pprof.speedscope.json'),
  path.join(fixturesDir, 'profiles', 'trace', 'node-app.trace.json'),
  path.join(fixturesDir, 'profiles', 'v8', 'recorded-app.cpuprofile'),
  path.join(fixturesDir, 'profiles', 'pprof', 'bench_cpu.pprof'),
  path.join(fixturesDir, 'profiles', 'pprof', 'cmd_heap.pprof'),
  path.join(fixturesDir, 'profiles', 'folded', 'ledger.folded.txt'),
  path.join(fixturesDir, 'profiles', 'perf-script', 'ledger.perf.script.txt'),
  path.join(fixturesDir, 'profiles', 'jfr', 'app.jfr.gz'),
];

function load(file: string): Profile {
  return readProfile(file, fs.readFileSync(file));
}

const noMapping = new PathMapper([]);

function flame(profile: Profile, options: { cap?: number; sampleType?: number; mapper?: PathMapper } = {}): FlameGraphData {
  const mapper = options.mapper ?? noMapping;
  const data = buildFlameTree(profile, { name: path.basename(profile.source), map: (fn) => mapper.map(fn), uriOf: (f) => pathToFileURL(f).href, ...options });
  assert.ok(!('problem' in data), 'problem' in data ? data.problem : '');
  return data;
}

/** Checks the invariants every drawable tree keeps, and gives the children of each node. */
function checkShape(data: FlameGraphData): number[][] {
  const { parent, self, total } = data.nodes;
  const size = parent.length;
  const children: number[][] = Array.from({ length: size }, () => []);
  assert.equal(parent[0], -1);
  for (let node = 1; node < size; node++) {
    assert.ok(parent[node] >= 0 && parent[node] < node, `node ${node} comes before its parent ${parent[node]}`);
    children[parent[node]].push(node);
  }
  // Depth first: a node's subtree is the run of indexes that follows it.
  const end = new Array<number>(size).fill(0);
  for (let node = size - 1; node >= 0; node--) {
    end[node] = Math.max(end[node], node + 1);
    if (parent[node] >= 0) end[parent[node]] = Math.max(end[parent[node]], end[node]);
  }
  for (let node = 0; node < size; node++) {
    let sum = self[node];
    let expected = node + 1;
    for (const child of children[node]) {
      sum += total[child];
      assert.equal(child, expected, `the subtree of ${node} is not one run of indexes`);
      expected = end[child];
    }
    assert.ok(Math.abs(total[node] - sum) <= 1e-6 * Math.max(1, total[node]), `node ${node}: total ${total[node]} is not self + children (${sum})`);
    const totals = children[node].map((c) => total[c]);
    const others = children[node].filter((c) => data.functions[data.nodes.func[c]].name === OTHER_NAME);
    const named = totals.slice(0, totals.length - others.length);
    assert.deepEqual(named, [...named].sort((a, b) => b - a), `the children of ${node} are not hottest first`);
  }
  return children;
}

for (const file of PROFILES) {
  test(`the flame tree of ${path.basename(file)} accounts for the whole profile, node by node`, () => {
    const profile = load(file);
    for (let sampleType = 0; sampleType < profile.sampleTypes.length; sampleType++) {
      const data = flame(profile, { sampleType });
      assert.equal(data.merged, undefined, 'a small profile is sent whole');
      const grand = computeStats(profile, sampleType).grand;
      assert.ok(Math.abs(data.nodes.total[0] - grand) <= 1e-6 * Math.max(1, grand), `root ${data.nodes.total[0]} ≠ profile total ${grand}`);
      assert.equal(data.sampleType, profile.sampleTypes[sampleType].type);
      checkShape(data);
    }
  });
}

test('calls of one function from different lines of its caller are one frame; workspace functions carry their file and line', () => {
  const profile = load(path.join(examplesDir, 'profiles', 'report.cpuprofile'));
  const report = path.join(examplesDir, 'javascript', 'report.js');
  const data = flame(profile, { mapper: new PathMapper([report]) });
  const children = checkShape(data);
  for (const list of children) {
    const funcs = list.map((c) => data.nodes.func[c]);
    assert.equal(new Set(funcs).size, funcs.length, 'two siblings share a function');
  }
  const loadCustomers = data.functions.find((fn) => fn.name === 'loadCustomers');
  assert.ok(loadCustomers);
  assert.equal(loadCustomers.origin, 'ours');
  assert.equal(loadCustomers.uri, pathToFileURL(report).href);
  const line = fs.readFileSync(report, 'utf8').split('\n').findIndex((l) => l.includes('function loadCustomers'));
  assert.equal(loadCustomers.line, line);
  assert.equal(data.functions[0].name, 'report.cpuprofile', 'the root is named after the profile');
  for (const fn of data.functions) if (fn.origin !== 'ours') assert.equal(fn.uri, undefined, `${fn.name} is not ours but has a file to open`);
});

test('beyond the cap, cold call paths are merged into "(other)" nodes, and the answer says how many', () => {
  const profile = load(path.join(fixturesDir, 'profiles', 'pprof', 'bench_cpu.pprof'));
  const whole = flame(profile);
  const cap = 40;
  assert.ok(whole.nodes.parent.length > cap, `the fixture has only ${whole.nodes.parent.length} nodes`);
  const capped = flame(profile, { cap });
  assert.ok(capped.nodes.parent.length <= cap, `${capped.nodes.parent.length} nodes sent, more than the cap of ${cap}`);
  assert.equal(capped.nodes.total[0], whole.nodes.total[0], 'merging lost value');
  checkShape(capped);
  assert.ok(capped.merged);
  const others = capped.nodes.func.filter((f) => capped.functions[f].name === OTHER_NAME).length;
  assert.ok(others > 0);
  // Every node of the whole tree is either sent or counted as merged.
  assert.equal(capped.nodes.parent.length - others + capped.merged.nodes, whole.nodes.parent.length);
  assert.match(capped.merged.note, new RegExp(`^${capped.merged.nodes.toLocaleString('en-US')} of ${(whole.nodes.parent.length - 1).toLocaleString('en-US')} call paths, each under .+, are merged into "\\(other\\)" nodes to keep the graph under 40 nodes\\.$`));
});

test('a profile without call stacks answers why there is no flame graph', () => {
  const profile = load(path.join(fixturesDir, 'profiles', 'callgrind', 'ledger.callgrind.out'));
  const answer = buildFlameTree(profile, { name: 'ledger.callgrind.out', map: (fn) => noMapping.map(fn), uriOf: (f) => f });
  assert.deepEqual(answer, { problem: 'ledger.callgrind.out (callgrind) records costs per function and call, not whole call stacks, so it has no flame graph.' });
  const pstats = load(path.join(examplesDir, 'profiles', 'shop.prof'));
  assert.match((buildFlameTree(pstats, { name: 'shop.prof', map: (fn) => noMapping.map(fn), uriOf: (f) => f }) as { problem: string }).problem, /^shop\.prof \(pstats\) records costs per function/);
  const v8 = load(path.join(examplesDir, 'profiles', 'report.cpuprofile'));
  assert.deepEqual(buildFlameTree(v8, { name: 'report.cpuprofile', sampleType: 7, map: (fn) => noMapping.map(fn), uriOf: (f) => f }), { problem: 'report.cpuprofile has no sample type #7' });
});
