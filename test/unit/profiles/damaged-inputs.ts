/**
 * Property-based checks that an importer survives damaged input: fast-check arbitraries for
 * truncations, byte flips and random content of a format's general shape, and the property
 * itself: reading either gives a usable profile or throws a ProfileError naming the file, never
 * another exception, and quickly.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ProfileError } from '../../../server/src/profiles/importer';
import { readProfile } from '../../../server/src/profiles/load';
import { computeStats } from '../../../server/src/profiles/stats';

/** Longest a damaged small file may take to read or refuse. */
const TIME_LIMIT_MS = 3000;

/** Reads the bytes as a profile file; asserts the outcome is a profile whose stats compute, or a ProfileError. */
export function readsOrRefuses(bytes: Uint8Array, name = 'damaged.profile'): 'read' | 'refused' {
  const started = performance.now();
  let outcome: 'read' | 'refused';
  try {
    const profile = readProfile(name, bytes);
    for (let type = 0; type < profile.sampleTypes.length; type++) {
      const stats = computeStats(profile, type);
      assert.ok(!Number.isNaN(stats.grand), 'the grand total is a number');
    }
    outcome = 'read';
  } catch (error) {
    if (!(error instanceof ProfileError)) throw new Error(`not a ProfileError: ${(error as Error)?.stack ?? String(error)}`);
    assert.equal(error.file, name, 'the message names the file');
    assert.ok(error.problem.length > 0, 'the message says what is wrong');
    outcome = 'refused';
  }
  const elapsed = performance.now() - started;
  assert.ok(elapsed < TIME_LIMIT_MS, `reading ${bytes.length} bytes took ${Math.round(elapsed)} ms`);
  return outcome;
}

/** The first n bytes of a real file, for every n. */
export function truncations(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.nat({ max: bytes.length }).map((n) => bytes.subarray(0, n));
}

/** A real file with a few bytes changed to random values. */
export function byteFlips(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }).map((flips) => {
    const copy = Uint8Array.from(bytes);
    for (const [at, value] of flips) copy[at] = value;
    return copy;
  });
}

/** Random bytes after a prefix that makes them look like the format at first sight. */
export function randomAfter(prefix: Uint8Array, maxLength = 2048): fc.Arbitrary<Uint8Array> {
  return fc.uint8Array({ maxLength }).map((tail) => {
    const bytes = new Uint8Array(prefix.length + tail.length);
    bytes.set(prefix);
    bytes.set(tail, prefix.length);
    return bytes;
  });
}

/** Text made of lines drawn from pieces of a format's vocabulary. */
export function linesOf(pieces: fc.Arbitrary<string>, maxLines = 40): fc.Arbitrary<Uint8Array> {
  return fc
    .array(fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')), { maxLength: maxLines })
    .map((lines) => new TextEncoder().encode(lines.join('\n')));
}

/** Runs the property on inputs from every arbitrary given. */
export function assertSurvives(name: string, inputs: fc.Arbitrary<Uint8Array>, numRuns = 300): void {
  fc.assert(
    fc.property(inputs, (bytes) => {
      readsOrRefuses(bytes, name);
    }),
    { numRuns },
  );
}
