/**
 * What the callgrind importer makes of each feature of the format, on small files written here:
 * name compression, relative and hexadecimal positions, calls and their inclusive costs,
 * recursion levels, inlined code (fi=/fe=), several events and inherited ones, and the errors
 * that name what is wrong.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProfileError } from '../../../server/src/profiles/importer';
import { callgrindImporter } from '../../../server/src/profiles/importers/callgrind';
import { readProfile, toInput } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';

function read(text: string): Profile {
  return readProfile('test.callgrind', new TextEncoder().encode(text));
}

/** Self and total per function name, for one sample type. */
function byName(profile: Profile, sampleType = 0): Record<string, [number, number]> {
  const stats = computeStats(profile, sampleType);
  return Object.fromEntries(profile.functions.map((fn, i) => [`${fn.name}${fn.file ? `@${fn.file}` : ''}`, [stats.self[i], stats.total[i]]]));
}

/** Asserts the importer itself (sniffing aside) refuses the text with a message matching `problem`. */
function refuses(text: string, problem: RegExp): void {
  assert.throws(
    () => callgrindImporter.read(toInput('test.callgrind', new TextEncoder().encode(text))),
    (error: unknown) => error instanceof ProfileError && error.file === 'test.callgrind' && problem.test(error.problem),
  );
}

/** The example of the format's documentation, with name compression. */
const SPEC_EXAMPLE = `# callgrind format
events: Instructions

fl=(1) file1.c
fn=(1) main
16 20
cfn=(2) func1
calls=1 50
16 400
cfi=(2) file2.c
cfn=(3) func2
calls=3 20
16 400

fn=(2)
51 100
cfi=(2)
cfn=(3)
calls=2 20
51 300

fl=(2)
fn=(3)
20 700
`;

describe('callgrind format', () => {
  test("the documentation's example: self from cost lines, totals from the calls' inclusive costs", () => {
    const profile = read(SPEC_EXAMPLE);
    assert.equal(profile.format, 'callgrind');
    assert.deepEqual(profile.sampleTypes, [{ type: 'Instructions', unit: 'count' }]);
    assert.deepEqual(byName(profile), { 'main@file1.c': [20, 820], 'func1@file1.c': [100, 400], 'func2@file2.c': [700, 700] });
    const stats = computeStats(profile);
    const [main, func1, func2] = [0, 1, 2];
    assert.equal(stats.grand, 820);
    assert.deepEqual([...stats.callees[main]!], [[func1, 400], [func2, 400]]);
    assert.deepEqual([...stats.callers[func2]!], [[main, 400], [func1, 300]]);
    assert.deepEqual([...stats.lines[func2]!], [[20, 700]]);
    // A call's target position is where the called function starts.
    assert.equal(profile.functions[func1].line, 50);
    assert.equal(profile.functions[func2].line, 20);
    assert.equal(profile.functions[main].line, undefined);
    const graph = profile.shape.kind === 'graph' ? profile.shape.graph : assert.fail('a graph');
    assert.deepEqual(graph.edges.map((e) => [e.caller, e.callee, e.line, e.values]), [
      [main, func1, 16, [400]],
      [main, func2, 16, [400]],
      [func1, func2, 51, [300]],
    ]);
  });

  test('relative, repeated and hexadecimal positions; a call line does not move the position', () => {
    const profile = read(`events: Ir
positions: instr line
fl=a.c
fn=f
0x10 7 1
+2 * 2
+0x1 +3 4
cfn=g
calls=1 -0x13 -9
* * 100
-1 -1 8
fn=g
0x4 1 5
`);
    const stats = computeStats(profile);
    assert.deepEqual([...stats.lines[0]!], [[7, 3], [10, 4], [9, 8]]);
    assert.equal(profile.functions[1].line, 1);
    assert.deepEqual(byName(profile), { 'f@a.c': [15, 115], 'g@a.c': [5, 100] });
  });

  test('recursion levels are one function; its total is the outermost calls', () => {
    const profile = read(`events: Ir
fl=r.c
fn=main
1 1
cfn=fib
calls=1 10
2 60
fn=fib
10 4
cfn=fib'2
calls=2 10
11 56
fn=fib'2
10 40
cfn=fib'2
calls=5 10
11 30
`);
    assert.deepEqual(byName(profile), { 'main@r.c': [1, 61], 'fib@r.c': [44, 60] });
    const stats = computeStats(profile);
    assert.equal(stats.callees[1], undefined, 'recursive calls are no callee');
  });

  test('code inlined from another file is a function of that file, inside its host', () => {
    const profile = read(`events: Ir
ob=/bin/app
fl=(1) app.c
fn=(1) walk
3 10
fi=(2) mix.h
7 30
cfn=(2) helper
calls=1 20
8 5
fe=(1)
4 2
fn=(3) main
1 1
cfn=(1)
calls=1 3
2 47
`);
    assert.deepEqual(byName(profile), { 'walk@app.c': [12, 47], 'walk@mix.h': [30, 35], 'helper@mix.h': [0, 5], 'main@app.c': [1, 48] });
    const stats = computeStats(profile);
    const host = profile.functions.findIndex((fn) => fn.name === 'walk' && fn.file === 'app.c');
    const code = profile.functions.findIndex((fn) => fn.name === 'walk' && fn.file === 'mix.h');
    assert.deepEqual([...stats.lines[code]!], [[7, 30]]);
    assert.deepEqual([...stats.lines[host]!], [[3, 10], [4, 2]]);
    assert.deepEqual(stats.callers[code], new Map([[host, 35]]));
    assert.equal(profile.functions[host].module, '/bin/app');
    // The called function is placed in the file the call was made from, when no cfi= says otherwise.
    assert.equal(profile.functions.find((fn) => fn.name === 'helper')!.file, 'mix.h');
  });

  test('several events, inherited events, and a file of unknown name', () => {
    const profile = read(`# callgrind format
event: CEst = Ir + 10 Dr + 2 * Dw
events: Ir Dr Dw
event: Twice = 2 CEst
event: Bad = Ir + Nope
fl=???
fn=0x0000000000001040
5 10 2 1
6 1
totals: 11 2 1
`);
    assert.deepEqual(profile.sampleTypes.map((t) => `${t.type}:${t.unit}`), ['Ir:instructions', 'Dr:count', 'Dw:count', 'CEst:count', 'Twice:count']);
    assert.deepEqual(profile.functions, [{ name: '0x0000000000001040' }]);
    assert.deepEqual([0, 1, 2, 3, 4].map((t) => computeStats(profile, t).grand), [11, 2, 1, 33, 66]);
    assert.deepEqual([...computeStats(profile, 3).lines[0]!], [[5, 32], [6, 1]]);
  });

  test("cachegrind's format: no header line, summary at the end, no calls", () => {
    const profile = read(`desc: I1 cache: 32768 B, 64 B, 8-way associative
cmd: ./ledger 1
events: Ir I1mr
fl=/src/ledger.c
fn=find_entry
63 10000 1
64 4000
fl=/src/checksum.h
fn=walk
7 30
summary: 14030 1
`);
    assert.deepEqual(byName(profile), { 'find_entry@/src/ledger.c': [14000, 14000], 'walk@/src/checksum.h': [30, 30] });
  });

  test('a file of several parts (--combine-dumps) adds them up; jump lines are skipped', () => {
    const profile = read(`# callgrind format
version: 1
creator: callgrind-3.19.0
part: 1
positions: line
events: Ir
summary: 30
fl=(1) a.c
fn=(1) main
1 10
jump=3 +4
jcnd=1/3 -1
jfi=(2) b.c
jfn=(2) other
cfn=(3) work
calls=1 9
2 20
fn=(3)
9 20
totals: 30

part: 2
summary: 12
events: Ir
fl=(1)
fn=(1)
1 12
totals: 12
`);
    assert.deepEqual(byName(profile), { 'main@a.c': [22, 42], 'work@a.c': [20, 20] });
  });

  test("Xdebug's calls= lines and negative memory costs are read", () => {
    const profile = read(`version: 1
creator: xdebug 3.2.0
cmd: /srv/index.php
part: 1
positions: line
events: Time_(10ns) Memory_(bytes)

fl=(1) php:internal
fn=(1) php::str_repeat
12 50 -64

fl=(2) /srv/index.php
fn=(2) {main}
1 20 512
cfl=(1)
cfn=(1)
calls=1 0 0
12 50 -64
`);
    assert.deepEqual(byName(profile, 1), { 'php::str_repeat@php:internal': [-64, -64], '{main}@/srv/index.php': [512, 448] });
  });

  test('sniffing: the header line, or events: and fn= lines near the start; a byte order mark is skipped', () => {
    const sniff = (text: string) => callgrindImporter.sniff(toInput('x', new TextEncoder().encode(text)));
    assert.ok(sniff('# callgrind format\nversion: 1\n'));
    assert.ok(sniff('\uFEFF# callgrind format\n'));
    assert.ok(sniff('desc: x\nevents: Ir\nfl=a.c\nfn=main\n1 2\n'));
    assert.ok(!sniff('main;work 12\n'));
    assert.ok(!sniff('{"events": 1, "fn=": 2}'));
    assert.deepEqual(byName(read(`\uFEFF${SPEC_EXAMPLE}`))['main@file1.c'], [20, 820]);
  });
});

describe('callgrind errors name the file and what is wrong', () => {
  test("cachegrind's closing summary that disagrees with the cost lines", () => refuses('events: Ir\nfl=a.c\nfn=a\n1 5\nsummary: 6\n', /totals say 6 Ir but its cost lines add up to 5/));
  test('totals that disagree with the cost lines', () => refuses('events: Ir\nfn=a\n1 5\ntotals: 6\n', /totals say 6 Ir but its cost lines add up to 5/));
  test("a callgrind file cut before its totals: line", () => refuses('# callgrind format\ncreator: callgrind-3.19.0\nevents: Ir\nfn=a\n1 5\n', /cut short/));
  test('a calls= line at the end of the file', () => refuses('events: Ir\nfn=a\ncfn=b\ncalls=1 2\n', /ends after the calls= line 4/));
  test('a calls= line followed by something else', () => refuses('events: Ir\nfn=a\ncfn=b\ncalls=1 2\nfn=c\n', /line 5: the calls= line 4 is not followed by its cost line/));
  test('a cost line before the events', () => refuses('fn=a\n1 5\n', /line 2: a cost line comes before the "events:" line/));
  test('a cost line before any function', () => refuses('events: Ir\n1 5\n', /line 2: a cost line comes before any "fn=" line/));
  test('a compressed name used before it is defined', () => refuses('events: Ir\nfn=(7)\n1 5\n', /line 2: refers to function \(7\) before defining it/));
  test('more costs than events', () => refuses('events: Ir\nfn=a\n1 5 6\n', /more costs than the 1 events/));
  test('a malformed cost', () => refuses('events: Ir\nfn=a\n1 5x\n', /line 3: malformed cost/));
  test('a position below zero', () => refuses('events: Ir\nfn=a\n1 5\n-4 1\n', /line 4: malformed position/));
  test('a line number out of range', () => refuses('events: Ir\nfn=a\n99999999999 1\n', /line number 99999999999 is out of range/));
  test('a number longer than a 64-bit counter', () => refuses(`events: Ir\nfn=a\n1 ${'9'.repeat(30)}\n`, /malformed cost/));
  test('too many events', () => refuses(`events: ${Array.from({ length: 65 }, (_, i) => `e${i}`).join(' ')}\n`, /names 65 events; Hotpath reads at most 64/));
  test('a later part with other events', () => refuses('events: Ir\nfn=a\n1 5\nevents: Dr\n', /other events/));
  test('a format version from the future', () => refuses('version: 2\nevents: Ir\n', /format version "2"/));
  test('no events line at all', () => refuses('# callgrind format\nfn=a\n', /no "events:" line/));
  test('a line that is not callgrind', () => refuses('events: Ir\nfn=a\nhello world\n', /line 3: "hello world" is not a callgrind line/));
  test('keys that are names of Object properties are unknown keys', () => {
    const profile = callgrindImporter.read(toInput('test.callgrind', new TextEncoder().encode('events: Ir\nconstructor=(1) x\n__proto__=y\ntoString: z\nfn=toString\n1 2\n')));
    assert.deepEqual(profile.functions, [{ name: 'toString' }]);
  });
  test('a line longer than a megabyte', () => refuses(`events: Ir\nfn=${'x'.repeat(2 * 1024 * 1024)}\n`, /line 2 is longer than 1 MB/));
});
