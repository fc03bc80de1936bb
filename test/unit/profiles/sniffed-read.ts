/**
 * Reads content with one importer, as a test of that importer: the importer must first
 * recognise the content (sniff), as it must for load.ts to pick it.
 */
import * as assert from 'node:assert/strict';
import type { Importer } from '../../../server/src/profiles/importer';
import { toInput } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';

export function readSniffed(importer: Importer, name: string, content: string | Uint8Array): Profile {
  const input = toInput(name, typeof content === 'string' ? Buffer.from(content) : content);
  assert.ok(importer.sniff(input), `${name} is sniffed as ${importer.format}`);
  return importer.read(input);
}

/** Asserts what an importer's sniff says of each text. */
export function assertSniffs(importer: Importer, cases: ReadonlyArray<[text: string, expected: boolean]>): void {
  for (const [text, expected] of cases) {
    assert.equal(importer.sniff(toInput('sniffed', Buffer.from(text))), expected, `${importer.format} sniff of ${JSON.stringify(text.slice(0, 60))}`);
  }
}
