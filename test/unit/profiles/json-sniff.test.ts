/**
 * Telling the JSON profile formats apart from the first 4 KB of a file: every real file under
 * test/fixtures/profiles/ is claimed by the right importer, and by none of the other JSON ones.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Importer } from '../../../server/src/profiles/importer';
import { speedscopeImporter } from '../../../server/src/profiles/importers/speedscope';
import { traceEventsImporter } from '../../../server/src/profiles/importers/trace-events';
import { v8CpuProfileImporter } from '../../../server/src/profiles/importers/v8-cpuprofile';
import { v8HeapProfileImporter } from '../../../server/src/profiles/importers/v8-heapprofile';
import { readProfile, toInput } from '../../../server/src/profiles/load';
import { fixturesDir } from '../../helpers/paths';

const profilesDir = path.join(fixturesDir, 'profiles');
const JSON_IMPORTERS: Importer[] = [v8CpuProfileImporter, v8HeapProfileImporter, traceEventsImporter, speedscopeImporter];

/** The format of each real file of ours, by where it lies and how it is named. */
function expectedFormat(relative: string): string | undefined {
  if (/^v8\/.*\.cpuprofile$/.test(relative)) return 'v8-cpuprofile';
  if (/^v8\/.*\.heapprofile$/.test(relative)) return 'v8-heapprofile';
  if (/^trace\/.*\.json$/.test(relative)) return 'chrome-trace';
  if (/\.speedscope\.json$/.test(relative)) return 'speedscope';
  return undefined;
}

const files = fs
  .readdirSync(profilesDir, { recursive: true, encoding: 'utf8' })
  .filter((relative) => fs.statSync(path.join(profilesDir, relative)).isFile() && !relative.endsWith('README.md'));

test('the fixtures of every JSON format are there', () => {
  const formats = new Set(files.map(expectedFormat));
  for (const importer of JSON_IMPORTERS) assert.ok(formats.has(importer.format), importer.format);
});

for (const relative of files) {
  const expected = expectedFormat(relative);
  test(`${relative}: ${expected ? `sniffed as ${expected} only` : 'claimed by no JSON importer'}`, () => {
    const input = toInput(relative, fs.readFileSync(path.join(profilesDir, relative)));
    const claimed = JSON_IMPORTERS.filter((importer) => importer.sniff(input)).map((importer) => importer.format);
    assert.deepEqual(claimed, expected ? [expected] : []);
    if (expected) assert.equal(readProfile(relative, fs.readFileSync(path.join(profilesDir, relative))).format, expected);
  });
}

function sniffedAs(text: string): string[] {
  const input = toInput('x.json', Buffer.from(text));
  return JSON_IMPORTERS.filter((importer) => importer.sniff(input)).map((importer) => importer.format);
}

test('other ways of writing each format are sniffed too', () => {
  // DevTools saves traces with a metadata object first, which may hold kilobytes of source maps.
  const bigMetadata = `{"metadata":{"source":"DevTools","startTime":"2024-01-01","sourceMaps":[${'"x",'.repeat(3000)}"x"]},"traceEvents":[]}`;
  assert.deepEqual(sniffedAs(bigMetadata), ['chrome-trace']);
  assert.deepEqual(sniffedAs('\uFEFF  \n[ {"pid":1,"tid":1,"ph":"X","name":"a","ts":0,"dur":1} ]'), ['chrome-trace']);
  assert.deepEqual(sniffedAs('{"traceEvents":[],"displayTimeUnit":"ns"}'), ['chrome-trace']);
  assert.deepEqual(sniffedAs('{"startTime":1,"endTime":2,"nodes":[{"id":1,"callFrame":{}}],"samples":[]}'), ['v8-cpuprofile']);
  assert.deepEqual(sniffedAs('{"samples":[],"head":{"callFrame":{},"selfSize":0,"id":1,"children":[]}}'), ['v8-heapprofile']);
  assert.deepEqual(sniffedAs('{"shared":{"frames":[]},"profiles":[]}'), ['speedscope']);
  assert.deepEqual(sniffedAs('{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[]},"profiles":[]}'), ['speedscope']);
  // Look-alikes: other JSON, and the legacy CPU profile that nests nodes under "head".
  assert.deepEqual(sniffedAs('{"head":{"callFrame":{},"hitCount":1,"children":[]},"startTime":1}'), []);
  assert.deepEqual(sniffedAs('[{"name":"not a trace"}]'), []);
  assert.deepEqual(sniffedAs('{"recording":{"events":[]}}'), []);
});
