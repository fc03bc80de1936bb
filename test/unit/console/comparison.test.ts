/**
 * "What regressed?" once a baseline is loaded: the console reads the comparison of
 * insights/diff.ts, here of two hand-made folded-stack profiles of the same small program, and
 * refuses to compare profiles that measure different things.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ask } from '../../../server/src/console/ask';
import { compareWithBaseline } from '../../../server/src/console/comparison';
import type { ConsoleModel } from '../../../server/src/console/model';
import { modelFromFiles } from '../../../server/src/console/model-from-files';
import { renderText } from '../../../server/src/console/render-text';
import { makeWorkspace, removeWorkspace } from '../../helpers/lsp-harness';
import { fixturesDir } from '../../helpers/paths';
import { findingsUnder, profileOnDisk, REPORT_PROFILE } from './examples-model';

const APP = 'function main() {}\n\nfunction load() {}\n\nfunction render() {}\n\nfunction parse() {}\n';

// `parse` takes half of both, so the shares of `load` and `render` really moved.
const BASE = ['main (app.js:1);load (app.js:3) 10', 'main (app.js:1);render (app.js:5) 40', 'main (app.js:1);parse (app.js:7) 50', ''].join('\n');
const CURRENT = ['main (app.js:1);load (app.js:3) 40', 'main (app.js:1);render (app.js:5) 10', 'main (app.js:1);parse (app.js:7) 50', ''].join('\n');

describe('comparison with a baseline', () => {
  let dir: string;
  let model: ConsoleModel;
  before(async () => {
    dir = makeWorkspace({ 'app.js': APP, 'base.folded': BASE, 'current.folded': CURRENT });
    const base = await profileOnDisk(path.join(dir, 'base.folded'), dir);
    const current = await profileOnDisk(path.join(dir, 'current.folded'), dir);
    const comparison = compareWithBaseline(
      { name: 'base.folded', profile: base.profile, mapper: base.mapper },
      { name: 'current.folded', profile: current.profile, mapper: current.mapper, sampleType: current.stats.sampleType },
    );
    model = await modelFromFiles({ roots: [dir], findings: await findingsUnder(dir), profiles: [current], comparison });
  });
  after(() => removeWorkspace(dir));

  it('lists the regressions and improvements with both shares and the change', () => {
    const answer = ask('what regressed since the baseline?', model);
    assert.equal(answer.intent, 'regressions');
    assert.equal(answer.answered, true);
    const text = renderText(answer.markdown).split('\n');
    assert.ok(text.includes('Changes from `base.folded` to `current.folded`'), text.join('\n'));
    assert.ok(text.includes('- `load` (app.js:3): 10.0% → 40.0% (+30.0 points)'), text.join('\n'));
    assert.ok(!text.some((l) => l.includes('`render`')), 'an improvement is not a regression');
    assert.deepEqual(answer.sources, [{ kind: 'profile', name: 'base.folded' }, { kind: 'profile', name: 'current.folded' }]);
  });

  it('lists what got faster when asked', () => {
    const text = renderText(ask('what improved?', model).markdown).split('\n');
    assert.ok(text.includes('- `render` (app.js:5): 40.0% → 10.0% (−30.0 points)'), text.join('\n'));
    assert.ok(!text.some((l) => l.includes('`load`')));
  });

  it('says why two profiles that measure different things cannot be compared', async () => {
    const cpu = await profileOnDisk(REPORT_PROFILE, dir);
    const heap = await profileOnDisk(path.join(fixturesDir, 'profiles', 'v8', 'app.heapprofile'), dir);
    const comparison = compareWithBaseline({ name: 'app.heapprofile', profile: heap.profile, mapper: heap.mapper }, { name: 'report.cpuprofile', profile: cpu.profile, mapper: cpu.mapper, sampleType: cpu.stats.sampleType });
    const answer = ask('what regressed?', await modelFromFiles({ roots: [dir], findings: [], profiles: [cpu], comparison }));
    assert.equal(answer.answered, false);
    assert.match(answer.markdown, /^I can't answer that from the loaded data\. cannot compare app\.heapprofile with report\.cpuprofile: /);
  });
});
