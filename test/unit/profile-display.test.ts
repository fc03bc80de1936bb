/**
 * What the client shows for profiles (status bar text and tooltip, hotspot figures) and how it
 * reads the `hotpath.profile.watch` setting.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hotspot, ProfileSummary } from '../../server/src/protocol';
import { escapeIcons, formatDuration, hotspotDetails, hotspotFigures, statusText, statusTooltip } from '../../client/src/profiles/profile-text';
import { watchPatterns } from '../../client/src/profiles/watch-globs';

const cpu: ProfileSummary = {
  id: 'p1',
  name: 'cpu.pprof',
  path: '/work/app/cpu.pprof',
  format: 'pprof',
  formatTitle: 'pprof (profile.proto, gzipped or not)',
  sampleTypes: [
    { type: 'samples', unit: 'count' },
    { type: 'cpu', unit: 'nanoseconds' },
  ],
  sampleType: 1,
  total: '12.04 s',
  sampleCount: 1204,
  durationNanos: 30e9,
  coverage: { mapped: 12, withFile: 15, oursPercent: 61.25 },
};

test('the status bar names the profile, the sample type and the sample count', () => {
  assert.equal(statusText(cpu), 'cpu.pprof · cpu · 1,204 samples');
  assert.equal(statusText({ ...cpu, sampleCount: undefined }), 'cpu.pprof · cpu · 12.04 s');
  assert.equal(statusText({ ...cpu, sampleCount: 1 }), 'cpu.pprof · cpu · 1 sample');
});

test('the tooltip gives the figures, the coverage and the advice', () => {
  const tooltip = statusTooltip({ ...cpu, coverage: { ...cpu.coverage, advice: 'Map /srv/app with hotpath.profile.pathMappings.' } }, 2);
  assert.match(tooltip, /^cpu\.pprof \(pprof \(profile\.proto, gzipped or not\)\)\n\/work\/app\/cpu\.pprof\n/);
  assert.match(tooltip, /Shown: cpu \(nanoseconds\); 100% = 12\.04 s, 1,204 samples, recorded over 30\.0 s\./);
  assert.match(tooltip, /Mapped 12 of 15 functions to this workspace; 61\.3% of the profile falls in its code\./);
  assert.match(tooltip, /\n\nMap \/srv\/app with hotpath\.profile\.pathMappings\.\n/);
  assert.match(tooltip, /2 profiles loaded\./);
  assert.match(statusTooltip({ ...cpu, coverage: { mapped: 0, withFile: 0, oursPercent: 0 } }, 1), /records no source files/);
});

test('durations read as people say them', () => {
  assert.deepEqual([0.4e9, 2.5e9, 42e9, 185e9].map(formatDuration), ['400 ms', '2.50 s', '42.0 s', '3 min 5 s']);
});

test('a hotspot shows its shares and, when not ours, where it comes from', () => {
  const hotspot: Hotspot = { name: 'render', origin: 'library', selfPercent: 21.46, totalPercent: 38.2, self: '2.58 s', total: '4.6 s', func: 3 };
  assert.equal(hotspotFigures(hotspot), '21.5% self · 38.2% total');
  assert.equal(hotspotDetails(hotspot, ''), 'Self: 21.5% (2.58 s) in the function itself\nTotal: 38.2% (4.6 s) including the functions it calls\nOrigin: library code; there is no source to open');
  assert.match(hotspotDetails({ ...hotspot, origin: 'ours' }, 'src/view.ts:12'), /\nsrc\/view\.ts:12$/);
});

test('icon syntax in names from a profile is shown as written', () => {
  assert.equal(escapeIcons('$(alert) jQuery $ fn'), '\\$(alert) jQuery $ fn');
});

test('watch globs: relative ones apply per workspace folder, absolute ones from their folder', () => {
  assert.deepEqual(watchPatterns(['**/*.cpuprofile', './profiles/*.pb.gz', '/tmp/profiles/*.cpuprofile', '/tmp/cpu.pprof', 'C:\\traces\\*.json']), {
    patterns: [
      { pattern: '**/*.cpuprofile' },
      { pattern: 'profiles/*.pb.gz' },
      { base: '/tmp/profiles', pattern: '*.cpuprofile' },
      { base: '/tmp', pattern: 'cpu.pprof' },
      { base: 'C:/traces', pattern: '*.json' },
    ],
    problems: [],
  });
  assert.deepEqual(watchPatterns('/x/*.pprof').problems, ['hotpath.profile.watch must be a list of glob patterns']);
  assert.deepEqual(watchPatterns([3, ' ', '/tmp/profiles/']).problems.length, 3);
  assert.deepEqual(watchPatterns(undefined), { patterns: [], problems: [] });
});
