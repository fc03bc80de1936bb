/**
 * The pprof importer on damaged files (property-based): cut real profiles, flipped bytes in them
 * (gzipped and not), random protobuf-looking bytes. Each must read or be refused with a
 * ProfileError, quickly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { fixturesDir } from '../../helpers/paths';
import { assertSurvives, byteFlips, randomAfter, truncations } from './damaged-inputs';

const pprofDir = path.join(fixturesDir, 'profiles', 'pprof');
const gzipped = ['bench_cpu.pprof', 'cmd_heap.pprof', 'exprcalc_cpu.pprof'].map((file) => fs.readFileSync(path.join(pprofDir, file)));
const plain = gzipped.map((bytes) => zlib.gunzipSync(bytes));

test('cut pprof files are read or refused', () => {
  assertSurvives('cut.pprof', fc.oneof(...plain.map(truncations), ...gzipped.map(truncations)));
});

test('pprof files with flipped bytes are read or refused', () => {
  assertSurvives('flipped.pprof', fc.oneof(...plain.map(byteFlips), ...gzipped.map(byteFlips)));
});

test('random bytes that start like a pprof message are read or refused', () => {
  // 0x0a: field 1 (sample_type), length-delimited, as Go's files start.
  assertSurvives('random.pprof', fc.oneof(randomAfter(Uint8Array.of(0x0a)), randomAfter(Uint8Array.of(0x0a, 0x04, 0x08, 0x01, 0x10, 0x02)), fc.uint8Array({ maxLength: 512 })));
});
