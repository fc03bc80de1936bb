/**
 * The perf script and folded stacks importers on damaged files (property-based): cut real files,
 * flipped bytes, and random lines made of each format's vocabulary. Each must read or be refused
 * with a ProfileError, quickly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { fixturesDir } from '../../helpers/paths';
import { assertSurvives, byteFlips, linesOf, readsOrRefuses, truncations } from './damaged-inputs';

const profilesDir = path.join(fixturesDir, 'profiles');
/** The first samples of the real perf script files (the whole files are too long to cut 300 times quickly). */
const perfScripts = ['txn.perf.script.srcline.txt', 'ledger.perf.script.txt'].map((file) => fs.readFileSync(path.join(profilesDir, 'perf-script', file)).subarray(0, 24_000));
const folded = ['txn.folded.txt', 'ledger.folded.txt'].map((file) => fs.readFileSync(path.join(profilesDir, 'folded', file)));

test('cut and flipped perf script files are read or refused', () => {
  assertSurvives('damaged.perf.txt', fc.oneof(...perfScripts.map(truncations), ...perfScripts.map(byteFlips)));
});

test('random perf script lines are read or refused', () => {
  const piece = fc.constantFrom(
    'txn 28920/28920   853.174493:    1001001 cpu-clock:ppp: ',
    'perf 1 [000] 1.5: cycles: ',
    '\t            14ec find_account+0x24 (/srv/app-source/c/txn)',
    '\t 8000000000000006 [unknown] ([unknown])',
    '\t 4a4 f (inlined)',
    '  lookup.c:23',
    '  ??:0',
    '  [kernel.kallsyms][ffffffff822601e5]',
    ' (',
    ')',
    ':',
    '0x',
    ' ',
    '\t',
    '99999999999999999999',
    '',
  );
  assertSurvives('random.perf.txt', linesOf(piece));
});

test('cut and flipped folded files are read or refused', () => {
  assertSurvives('damaged.folded', fc.oneof(...folded.map(truncations), ...folded.map(byteFlips)));
});

test('random folded lines are read or refused', () => {
  const piece = fc.constantFrom('main', ';', ' ', '\t', '12', '3.5', '_[k]', '_[j]', ' (app.py:12)', '(', ')', ':', 'é', '99999999999999999999', '');
  assertSurvives('random.folded', linesOf(piece));
});

test('a text profile with an absurdly long line is refused without reading it whole', () => {
  const long = Buffer.alloc(40 * 1024 * 1024, 'a');
  long.write('main;', 0);
  readsOrRefuses(long, 'long-line.folded');
});
