/**
 * The pstats importer on damaged files (property-based): real files cut anywhere and with
 * flipped bytes (cProfile's, and the profile module's with a code object in a key), random bytes
 * after a pstats opening, and random sequences of marshal type codes with random lengths,
 * counts and references. Each must read or be refused with a ProfileError, quickly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { fixturesDir } from '../../helpers/paths';
import { assertSurvives, byteFlips, randomAfter, truncations } from './damaged-inputs';

const dir = path.join(fixturesDir, 'profiles', 'pstats');
const real = ['app.prof', 'inventory-py3.13.prof', 'inventory-profile-module-py3.8.prof', 'inventory-profile-module-py3.11.prof'].map((file) =>
  fs.readFileSync(path.join(dir, file)),
);
/** A flagged dict whose first key is a small tuple of three: how pstats files start. */
const OPENING = Uint8Array.of(0xfb, 0x29, 0x03);

test('cut pstats files are read or refused', () => {
  assertSurvives('cut.prof', fc.oneof(...real.map(truncations)), 300);
});

test('pstats files with flipped bytes are read or refused', () => {
  assertSurvives('flipped.prof', fc.oneof(...real.map(byteFlips)), 300);
});

test('random bytes after a pstats opening are read or refused', () => {
  assertSurvives('random.prof', randomAfter(OPENING), 300);
});

/** A little-endian int32 that is small, or at the edges of the range. */
const int32 = fc.oneof(fc.integer({ min: -2, max: 8 }), fc.constantFrom(0x7fffffff, -0x80000000, 0x10000)).map((n) => {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setInt32(0, n, true);
  return bytes;
});

/** One marshal token: a type code (with or without FLAG_REF) and what may follow it. */
const token = fc.oneof(
  fc.constantFrom(...'0NTFiglfsutaAzZr()[]{}<>c.Sxy'.split('')).chain((type) =>
    fc.tuple(fc.boolean(), fc.oneof(int32, fc.uint8Array({ maxLength: 9 }))).map(([flag, rest]) => Uint8Array.of(type.charCodeAt(0) | (flag ? 0x80 : 0), ...rest)),
  ),
  fc.constantFrom(Uint8Array.of(0x29, 0x03), Uint8Array.of(0xda, 0x01, 0x66), Uint8Array.of(0x72, 0, 0, 0, 0), Uint8Array.of(0x30)),
);

test('random sequences of marshal values after a pstats opening are read or refused', () => {
  const bytes = fc.array(token, { maxLength: 80 }).map((tokens) => Uint8Array.from([...OPENING, ...tokens.flatMap((t) => [...t])]));
  assertSurvives('tokens.prof', bytes, 500);
});
