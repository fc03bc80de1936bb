/**
 * The perf script importer. References: `perf report` live on the perf.data our recording's text
 * came from (`--no-children` for self, `--children` for total), and, for the corpus file, the
 * folded stacks perf's stackcollapse made from the same data. Then srclines, header variants and
 * sniffing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { perfScriptImporter } from '../../../server/src/profiles/importers/perf-script';
import { readProfile, toInput } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir, repoRoot } from '../../helpers/paths';
import { assertAgreement, logTable, ourShares } from './function-shares';
import { perfReportShares } from './perf-reference';
import { assertSniffs, readSniffed } from './sniffed-read';

const perfDir = path.join(fixturesDir, 'profiles', 'perf-script');
const foldedDir = path.join(fixturesDir, 'profiles', 'folded');
const byName = (fn: { name: string }) => fn.name;

function readFixture(dir: string, file: string): Profile {
  return readProfile(file, fs.readFileSync(path.join(dir, file)));
}

describe('perf script of our own recording (ledger)', () => {
  for (const file of ['ledger.perf.script.srcline.txt', 'ledger.perf.script.txt']) {
    test(`${file}: self and total shares agree with perf report on the same perf.data`, (t) => {
      const profile = readFixture(perfDir, file);
      assert.equal(profile.format, 'perf-script');
      const reference = perfReportShares(path.join(perfDir, 'ledger.perf.data'), path.join(perfDir, 'symfs'));
      assert.ok(reference.size >= 5, `perf report listed ${reference.size} symbols`);
      logTable(t, assertAgreement(ourShares(profile, profile.defaultSampleType, byName), reference, { top: Infinity, selfTolerance: 0.0051 }, `${file} vs perf report`));
    });
  }

  test('srclines give the function its file and each frame its line', () => {
    const profile = readFixture(perfDir, 'ledger.perf.script.srcline.txt');
    const find = profile.functions.findIndex((fn) => fn.name === 'find_account');
    assert.deepEqual(profile.functions[find], { name: 'find_account', file: 'ledger.c', module: '/tmp/hotpath-perf/ledger' });
    const stats = computeStats(profile);
    // find_account's body in the program's source: from its signature to the next closing brace.
    const source = fs.readFileSync(path.join(repoRoot, 'scripts', 'record-profiles', 'programs', 'perf', 'ledger.c'), 'utf8').split('\n');
    const first = source.findIndex((line) => line.startsWith('static struct account *find_account')) + 1;
    const last = source.findIndex((line, i) => i >= first && line === '}') + 1;
    const lines = [...stats.lines[find]!.keys()];
    assert.ok(lines.length > 0 && lines.every((line) => line > first && line < last), `find_account's lines ${lines} are in its body, lines ${first}-${last}`);
  });
});

describe('perf script with srclines (corpus txn.perf.script.srcline.txt)', () => {
  const profile = readFixture(perfDir, 'txn.perf.script.srcline.txt');

  test('has a sample count and the cpu-clock period as sample types, periods by default', () => {
    assert.deepEqual(profile.sampleTypes, [
      { type: 'samples', unit: 'samples' },
      { type: 'cpu-clock', unit: 'nanoseconds' },
    ]);
    assert.equal(profile.defaultSampleType, 1);
    assert.equal(profile.sampleCount, 2869);
    assert.equal(computeStats(profile, 1).grand, 2869 * 1_001_001);
  });

  test('shares agree with the folded stacks stackcollapse made from the same data', (t) => {
    // stackcollapse puts the command (txn) at the root of every stack; perf script has it in the header.
    const folded = ourShares(readFixture(foldedDir, 'txn.folded.txt'), 0, byName);
    folded.delete('txn');
    logTable(t, assertAgreement(ourShares(profile, 0, byName), folded, { top: Infinity, selfTolerance: 1e-9 }, 'perf script vs folded'));
  });

  test('dsos are modules; [unknown] symbols of different dsos stay apart; kernel frames have no file', () => {
    const find = profile.functions.find((fn) => fn.name === 'find_account');
    assert.deepEqual(find, { name: 'find_account', file: 'lookup.c', module: '/srv/app-source/c/txn' });
    const strlen = profile.functions.find((fn) => fn.name === '__strlen_avx2');
    assert.equal(strlen?.module, '/usr/lib/x86_64-linux-gnu/libc.so.6');
    const kernel = profile.functions.find((fn) => fn.name === 'irqentry_exit_to_user_mode');
    assert.deepEqual(kernel, { name: 'irqentry_exit_to_user_mode', module: '[kernel.kallsyms]' });
    assert.deepEqual(profile.functions.find((fn) => fn.name === '[unknown]'), { name: '[unknown]', module: '[unknown]' });
    const stats = computeStats(profile, 0);
    const findIndex = profile.functions.indexOf(find!);
    // Samples whose leaf is find_account and whose srcline is lookup.c:23, as counted with awk.
    assert.equal(stats.lines[findIndex]?.get(23), 2061, 'lookup.c:23, the comparison in the scan');
  });
});

describe('perf script variants', () => {
  const read = (text: string) => readSniffed(perfScriptImporter, 'test.perf.txt', text);

  test('default output: right-aligned command with spaces, cpu column, no period: samples only', () => {
    const profile = read(
      [
        '     Web Content  4242 [001] 100.000001: cycles:u: ',
        '\t    7f00aa01 js::Interpret(JSContext*, js::RunState&)+0x41 (/usr/lib/libxul.so)',
        '\t    55aa0102 main+0x12 (/usr/bin/firefox)',
        '',
        '     Web Content  4242 [001] 100.000002: cycles:u: ',
        '\t    7f00aa01 js::Interpret(JSContext*, js::RunState&)+0x41 (/usr/lib/libxul.so)',
        '\t    55aa0102 main+0x12 (/usr/bin/firefox)',
        '',
      ].join('\n'),
    );
    assert.deepEqual(profile.sampleTypes, [{ type: 'samples', unit: 'samples' }]);
    // Functions are numbered as frames are read, leaf first.
    assert.deepEqual(profile.functions.map(byName), ['js::Interpret(JSContext*, js::RunState&)', 'main']);
    assert.deepEqual([...computeStats(profile).self], [2, 0]);
  });

  test('without callchains the frame is on the header line; periods of several events are separate types', () => {
    const profile = read(
      [
        'app 10/10 5.000001: 200000 cycles: 401000 hot+0x4 (/usr/bin/app)',
        'app 10/10 5.000002: 300000 cycles: 401000 hot+0x4 (/usr/bin/app)',
        'app 10/10 5.000003: 90000 instructions: 401010 cold+0x2 (/usr/bin/app)',
      ].join('\n'),
    );
    assert.deepEqual(profile.sampleTypes, [
      { type: 'samples', unit: 'samples' },
      { type: 'cycles', unit: 'count' },
      { type: 'instructions', unit: 'instructions' },
    ]);
    const stats = computeStats(profile, 1);
    assert.deepEqual([...stats.self], [500000, 0]);
    assert.deepEqual([...computeStats(profile, 2).self], [0, 90000]);
  });

  test('inlined frames and code inlined from another file: the function keeps the file most srclines name', () => {
    const sample = (leafLine: string) =>
      ['app 7/7 1.0: 1 cpu-clock: ', '\t  4a4 norm (inlined)', '  cplx.h:10', '\t  4a4 main+0x20 (/bin/app)', `  ${leafLine}`, ''].join('\n');
    const profile = read(sample('main.c:14') + sample('main.c:14') + sample('util.h:3'));
    const main = profile.functions.findIndex((fn) => fn.name === 'main');
    assert.deepEqual(profile.functions[main], { name: 'main', file: 'main.c', module: '/bin/app' });
    assert.deepEqual(profile.functions.find((fn) => fn.name === 'norm'), { name: 'norm', file: 'cplx.h' });
    // The frame whose srcline named util.h keeps no line in main.c.
    const tree = profile.shape.kind === 'tree' ? profile.shape.tree : assert.fail('a tree');
    const mainLines = [...Array(tree.size).keys()].filter((node) => tree.func[node] === main).map((node) => tree.line[node]);
    assert.deepEqual(mainLines.sort(), [0, 14]);
  });

  test('a file with no samples is refused, naming a line that is not perf script', () => {
    assert.throws(() => readProfile('empty.perf.txt', Buffer.from('# perf script header only\n\nhello world\n')), (error: Error) => /empty\.perf\.txt/.test(error.message));
    assert.throws(
      () => perfScriptImporter.read(toInput('stray.perf.txt', Buffer.from('hello world\n'))),
      /stray\.perf\.txt: no perf script samples .*line 1: "hello world"/,
    );
  });

  test('sniffing: a header line, then a frame on it or on the next line', () => {
    assertSniffs(perfScriptImporter, [
      ['txn 1/1 2.5: 10 cpu-clock:ppp: \n\t 14ec f+0x2 (/bin/txn)\n', true],
      ['# ========\n# captured on: today\n\ntxn 1/1 2.5: 10 cpu-clock: \n\t 14ec f (/bin/txn)\n', true],
      ['txn 1/1 2.5: 10 cpu-clock: 14ec f+0x2 (/bin/txn)\n', true],
      ['txn 1/1 2.5: 10 cpu-clock: \nmain;work 3\n', false],
      ['main;work 12\n', false],
      ['\t 14ec f (/bin/txn)\n', false],
    ]);
  });
});
