/**
 * The `jfr print --json` importer: it must agree with the binary importer on the same recording
 * (same functions, same self and total values), on the corpus file and on output made live by the
 * JDK's jfr, and it must notice stacks that `jfr print` cut to its default 5 frames.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { readProfile } from '../../../server/src/profiles/load';
import type { Profile } from '../../../server/src/profiles/model';
import { computeStats } from '../../../server/src/profiles/stats';
import { fixturesDir } from '../../helpers/paths';
import { assertAgreement, ourShares } from './function-shares';
import { fixtureBytes, type JfrDocument, ourKey, plainCopy, referenceProfile, runJfr } from './jfr-reference';

const jfrDir = path.join(fixturesDir, 'profiles', 'jfr');
const SAMPLE_EVENTS = 'jdk.ExecutionSample,jdk.NativeMethodSample,jdk.ObjectAllocationSample,jdk.ObjectAllocationInNewTLAB,jdk.ObjectAllocationOutsideTLAB';

const catalogJson = runJfr(['print', '--json', '--stack-depth', '64', '--events', SAMPLE_EVENTS, plainCopy(path.join(jfrDir, 'catalog-jdk17.jfr.gz'))]);
const appDefaultDepthJson = runJfr(['print', '--json', '--events', 'jdk.ExecutionSample', plainCopy(path.join(jfrDir, 'app.jfr.gz'))]);

function fixture(file: string): Profile {
  return readProfile(file, fixtureBytes(path.join(jfrDir, file)));
}

/** Self and total values per function (by class and method) for one sample type; or self values only. */
function valuesByFunction(profile: Profile, type: string, withTotals = true): Map<string, string> {
  const index = profile.sampleTypes.findIndex((t) => t.type === type);
  assert.ok(index >= 0, `${profile.source} has no ${type} sample type`);
  const stats = computeStats(profile, index);
  const values = new Map<string, string>();
  profile.functions.forEach((fn, i) => {
    if (withTotals ? stats.total[i] > 0 : stats.self[i] > 0) values.set(ourKey(fn), withTotals ? `${stats.self[i]}/${stats.total[i]}` : `${stats.self[i]}`);
  });
  return values;
}

test('the corpus JSON and the recording it was printed from give the same profile', (t) => {
  const json = fixture('app.ExecutionSample.json.gz');
  const binary = fixture('app.jfr.gz');
  assert.equal(json.format, 'jfr-json');
  assert.deepEqual(json.sampleTypes, [{ type: 'cpu', unit: 'samples' }]);
  assert.equal(json.sampleCount, binary.sampleCount);
  assert.deepEqual(valuesByFunction(json, 'cpu'), valuesByFunction(binary, 'cpu'));
  // And with the counts taken from the file's own events.
  const reference = referenceProfile(JSON.parse(fixtureBytes(path.join(jfrDir, 'app.ExecutionSample.json.gz')).toString('utf8')) as JfrDocument, 'jdk.ExecutionSample');
  t.diagnostic(assertAgreement(ourShares(json, 0, ourKey), reference.shares, { top: 12, selfTolerance: 0.005 }, 'app.ExecutionSample.json cpu'));
});

test('live jfr print --json output agrees with the binary importer for every sample type', async () => {
  const json = readProfile('catalog-jdk17.json', Buffer.from(await catalogJson));
  const binary = fixture('catalog-jdk17.jfr.gz');
  assert.deepEqual(json.sampleTypes.map((s) => s.type), ['cpu', 'native', 'alloc-sampled', 'alloc-tlab']);
  for (const type of ['cpu', 'native', 'alloc-sampled', 'alloc-tlab']) {
    assert.deepEqual(valuesByFunction(json, type), valuesByFunction(binary, type), type);
  }
  assert.equal(json.truncatedSamples, binary.truncatedSamples);
  assert.ok(binary.truncatedSamples! > 0);
});

test('stacks cut to jfr print’s default 5 frames are marked truncated; self values still agree', async () => {
  const cut = readProfile('app-default-depth.json', Buffer.from(await appDefaultDepthJson));
  const document = JSON.parse(await appDefaultDepthJson) as JfrDocument;
  const fiveFrames = document.recording.events.filter((e) => (e.values.stackTrace as { frames: unknown[] }).frames.length === 5).length;
  assert.ok(fiveFrames > 0);
  assert.equal(cut.truncatedSamples, fiveFrames);
  assert.deepEqual(valuesByFunction(cut, 'cpu', false), valuesByFunction(fixture('app.jfr.gz'), 'cpu', false));
});

test('sniffing tells the JSON form from other JSON', () => {
  const events = (list: string) => Buffer.from(`{\n  "recording": {\n    "events": [${list}]\n  }\n}\n`);
  assert.throws(() => readProfile('empty.json', events('')), /none of the events Hotpath reads/);
  assert.throws(() => readProfile('other.json', Buffer.from('{"recordings": {"events": []}}')), /not a profile format/);
  const one = readProfile(
    'one.json',
    events('{"type": "jdk.ExecutionSample", "values": {"stackTrace": {"truncated": true, "frames": [{"method": {"type": {"name": "a\\/B"}, "name": "run"}, "lineNumber": 7}]}}}'),
  );
  assert.equal(one.format, 'jfr-json');
  assert.equal(one.truncatedSamples, 1);
  assert.deepEqual(one.functions.map((fn) => fn.name).sort(), ['B.run', '[truncated stack]']);
});
