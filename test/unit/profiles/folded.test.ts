/**
 * The folded stacks importer. References: the counts on the lines themselves (added up by the
 * test with code of its own), speedscope's export of the same corpus file, and `perf report` on
 * the perf.data that perf's stackcollapse folded. Then the conventions of the tools that write
 * folded stacks, and sniffing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { foldedImporter } from '../../../server/src/profiles/importers/folded';
import { readProfile, toInput } from '../../../server/src/profiles/load';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';
import { assertAgreement, logTable, ourShares, sharesOf, type Shares } from './function-shares';
import { perfReportShares } from './perf-reference';
import { assertSniffs, readSniffed } from './sniffed-read';

const foldedDir = path.join(fixturesDir, 'profiles', 'folded');
const perfDir = path.join(fixturesDir, 'profiles', 'perf-script');
const byName = (fn: { name: string }) => fn.name;

/** Self and total per frame, counted straight from the lines: the reference for folded stacks. */
function countedShares(text: string): Shares {
  const values = new Map<string, { self: number; total: number }>();
  const at = (frame: string) => values.get(frame) ?? values.set(frame, { self: 0, total: 0 }).get(frame)!;
  for (const line of text.split('\n')) {
    const cut = line.lastIndexOf(' ');
    if (cut < 0) continue;
    const count = Number(line.slice(cut + 1));
    const frames = line.slice(0, cut).split(';');
    at(frames[frames.length - 1]).self += count;
    for (const frame of new Set(frames)) at(frame).total += count;
  }
  return sharesOf(values);
}

/** Self and total per frame from a speedscope evented profile (open and close events). */
function speedscopeShares(file: string): Shares {
  const document = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    shared: { frames: Array<{ name: string }> };
    profiles: Array<{ events: Array<{ type: 'O' | 'C'; frame: number; at: number }> }>;
  };
  const values = new Map<string, { self: number; total: number }>();
  const at = (frame: string) => values.get(frame) ?? values.set(frame, { self: 0, total: 0 }).get(frame)!;
  const open: Array<{ frame: number; at: number }> = [];
  let last = 0;
  for (const event of document.profiles[0].events) {
    // Time since the last event belongs to the frame on top, as self.
    if (open.length > 0) at(document.shared.frames[open[open.length - 1].frame].name).self += event.at - last;
    last = event.at;
    if (event.type === 'O') {
      open.push(event);
    } else {
      const opened = open.pop()!;
      const name = document.shared.frames[opened.frame].name;
      // Count a frame's total only at its outermost opening, as recursion is counted once.
      if (!open.some((o) => document.shared.frames[o.frame].name === name)) at(name).total += event.at - opened.at;
    }
  }
  return sharesOf(values);
}

describe('folded stacks from perf stackcollapse (corpus txn.folded.txt)', () => {
  const file = path.join(foldedDir, 'txn.folded.txt');
  const text = fs.readFileSync(file, 'utf8');
  const profile = readProfile('txn.folded.txt', fs.readFileSync(file));

  test('is read as folded stacks, one sample per count', () => {
    assert.equal(profile.format, 'folded');
    assert.deepEqual(profile.sampleTypes, [{ type: 'samples', unit: 'samples' }]);
    assert.equal(profile.sampleCount, 2869);
  });

  test('self and total shares are the counts on the lines', (t) => {
    logTable(t, assertAgreement(ourShares(profile, 0, byName), countedShares(text), { top: Infinity, selfTolerance: 1e-9 }, 'txn.folded.txt vs counted lines'));
  });

  test('and what speedscope makes of the same file', (t) => {
    const reference = speedscopeShares(path.join(foldedDir, 'perf_txn_folded.txt.speedscope.json'));
    logTable(t, assertAgreement(ourShares(profile, 0, byName), reference, { top: Infinity, selfTolerance: 1e-9 }, 'txn.folded.txt vs speedscope'));
  });
});

describe('folded stacks of our own perf recording (ledger.folded.txt)', () => {
  const profile = readProfile('ledger.folded.txt', fs.readFileSync(path.join(foldedDir, 'ledger.folded.txt')));

  test('self and total shares agree with perf report on the perf.data it was folded from', (t) => {
    const reference = perfReportShares(path.join(perfDir, 'ledger.perf.data'), path.join(perfDir, 'symfs'));
    assert.ok(reference.size >= 5, `perf report listed ${reference.size} symbols`);
    logTable(t, assertAgreement(ourShares(profile, 0, byName), reference, { top: Infinity, selfTolerance: 0.0051 }, 'ledger.folded.txt vs perf report'));
  });

  test('recursion is counted once per stack', () => {
    const stats = computeStats(profile);
    const walk = profile.functions.findIndex((fn) => fn.name === 'tree_weight');
    assert.equal(stats.total[walk], stats.self[walk]);
  });
});

describe('folded stacks, any lines (property-based)', () => {
  test('self and total shares are always the counted ones, in any line order', () => {
    // Names that begin other names ('ma', 'main'), so that a shared start of two lines is not always a shared frame.
    const frame = fc.constantFrom('ma', 'main', 'main2', 'run', 'parse file', 'parse');
    const line = fc.tuple(fc.array(frame, { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 50 })).map(([frames, count]) => `${frames.join(';')} ${count}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.boolean(), (lines, sorted) => {
        const text = (sorted ? [...lines].sort() : lines).join('\n');
        const profile = readSniffed(foldedImporter, 'any.folded', text);
        assertAgreement(ourShares(profile, 0, byName), countedShares(text), { top: Infinity, selfTolerance: 1e-9 }, 'any.folded');
      }),
      { numRuns: 300 },
    );
  });
});

describe('folded stack conventions', () => {
  const read = (text: string) => readSniffed(foldedImporter, 'test.folded', text);

  test('lines are split at the last space: frame names keep theirs', () => {
    const profile = read('main;(anonymous function) app.js;Array.prototype.map 7\nmain;run tests 3\n');
    assert.deepEqual(profile.functions.map((fn) => fn.name), ['main', '(anonymous function) app.js', 'Array.prototype.map', 'run tests']);
    assert.deepEqual([...computeStats(profile).self], [0, 0, 7, 3]);
  });

  test('async-profiler frame kinds are removed; a kernel frame gets the kernel as module', () => {
    const profile = read('java/lang/Thread.run_[j];com/example/App.work_[i];do_syscall_64_[k] 5\njava/lang/Thread.run_[j];com/example/App.work_[0] 2\n');
    assert.deepEqual(profile.functions, [{ name: 'java/lang/Thread.run' }, { name: 'com/example/App.work' }, { name: 'do_syscall_64', module: 'kernel' }]);
    assert.deepEqual([...computeStats(profile).total], [7, 7, 5]);
  });

  test('py-spy raw frames give file and line', () => {
    const profile = read('<module> (app.py:40);main (app.py:31);find_user (/srv/app/db.py:12) 9\n<module> (app.py:40);main (app.py:33) 1\n');
    assert.deepEqual(profile.functions, [
      { name: '<module>', file: 'app.py' },
      { name: 'main', file: 'app.py' },
      { name: 'find_user', file: '/srv/app/db.py' },
    ]);
    const stats = computeStats(profile);
    assert.deepEqual([...stats.lines[1]!], [[33, 1]]);
    assert.deepEqual([...stats.lines[2]!], [[12, 9]]);
    assert.equal(stats.total[1], 10);
  });

  test('counts may be decimal; blank lines and CRLF are fine; samples add up', () => {
    const profile = read('a;b 1.5\r\n\r\na;c 2\r\n');
    assert.equal(profile.sampleCount, 3.5);
    assert.deepEqual([...computeStats(profile).total], [3.5, 1.5, 2]);
  });

  test('a line without a count, or with a count but no frames, is refused with its number', () => {
    const readAnyway = (text: string) => foldedImporter.read(toInput('test.folded', Buffer.from(text)));
    assert.throws(() => readAnyway('a;b 1\na;b\n'), /test\.folded: line 2 does not end with a sample count/);
    assert.throws(() => readAnyway('a;b 1\n;;; 4\n'), /line 2 has a count but no frames/);
    assert.throws(() => readAnyway('\n\n'), /holds no stacks/);
  });

  test('sniffing wants every line of the head in shape', () => {
    assertSniffs(foldedImporter, [
      ['main;work 12\nmain 3\n', true],
      ['main;work 12\nnot a stack\n', false],
      ['{"nodes": []}', false],
      ['txn 28920/28920   853.174493:    1001001 cpu-clock:ppp: \n', false],
      ['\n\n', false],
      // The 4 KB head stops inside a line of this file: that piece is not judged.
      ['main;work 12\n'.repeat(400), true],
    ]);
  });
});
