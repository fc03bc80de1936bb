/**
 * The callgrind importer on damaged files (property-based): real profiles cut anywhere, with
 * flipped bytes, and random text made of the format's own pieces (name compression, relative
 * positions, calls, inlined files, absurd numbers). Each must read or be refused with a
 * ProfileError, quickly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { fixturesDir } from '../../helpers/paths';
import { assertSurvives, byteFlips, linesOf, truncations } from './damaged-inputs';

const dir = path.join(fixturesDir, 'profiles', 'callgrind');
const real = ['ledger.callgrind.out', 'ledger-cache.callgrind.out', 'ledger.cachegrind.out', 'callgrind.out.txn'].map((file) =>
  fs.readFileSync(path.join(dir, file)),
);

test('cut callgrind files are read or refused', () => {
  assertSurvives('cut.callgrind', fc.oneof(...real.map(truncations)), 200);
});

test('callgrind files with flipped bytes are read or refused', () => {
  assertSurvives('flipped.callgrind', fc.oneof(...real.map(byteFlips)), 200);
});

/** Pieces of callgrind lines; joined at random they make lines of the format's general shape. */
const PIECES = fc.constantFrom(
  '\n',
  ' ',
  '\t',
  '#',
  'events: Ir Dr',
  'events: Ir',
  'positions: instr line',
  'positions: line',
  'event: E = 2 Ir + Dr',
  'totals: 5',
  'summary: 7',
  'version: 1',
  'creator: callgrind-3.19.0',
  'ob=',
  'fl=',
  'fi=',
  'fe=',
  'fn=',
  'cob=',
  'cfi=',
  'cfn=',
  'calls=',
  'jump=',
  'jfi=',
  'constructor=',
  '__proto__=',
  'toString:',
  '(1)',
  '(2) a.c',
  '(3) f',
  "(4) f'2",
  'main',
  '???',
  '0',
  '1',
  '5',
  '+3',
  '-2',
  '*',
  '0x1f',
  '4294967296',
  '99999999999999999999',
  '-',
  '=',
  ':',
  '\r',
  '\u00e9',
  '\uFEFF',
);

test('random callgrind-shaped text is read or refused', () => {
  const header = fc.constantFrom('# callgrind format\nevents: Ir\nfn=main\n', '# callgrind format\npositions: instr line\nevents: Ir Dr\nfl=(1) a.c\nfn=(1) f\n', 'events: Ir\nfn=x\n');
  const text = fc.tuple(header, linesOf(PIECES, 60)).map(([head, body]) => {
    const bytes = new Uint8Array(head.length + body.length);
    bytes.set(new TextEncoder().encode(head));
    bytes.set(body, head.length);
    return bytes;
  });
  assertSurvives('random.callgrind', text, 500);
});
