/**
 * The words and figures the client shows for profiles and hotspots (status bar, tooltips, view
 * items, pickers). Pure, so they can be tested without VS Code. Every string that comes from the
 * server or from a profile is treated as text.
 */
import type { Hotspot, ProfileSummary } from '../../../server/src/protocol';

/**
 * Keeps `$(name)` in a server string from turning into an icon where VS Code renders icons
 * (status bar text, quick pick labels, descriptions and details): a backslash before it makes
 * the editor show it as written.
 */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The sample type shown, as `cpu` or `alloc_space`, and its unit. */
export function sampleTypeOf(profile: ProfileSummary): { type: string; unit: string } | undefined {
  return profile.sampleTypes[profile.sampleType];
}

/** How much the profile holds: its sample count when it has one, else its total in its unit. */
function size(profile: ProfileSummary): string {
  return profile.sampleCount !== undefined ? count(profile.sampleCount, 'sample') : profile.total;
}

/** The status bar text: `cpu.pprof · cpu · 1,204 samples`. */
export function statusText(profile: ProfileSummary): string {
  const type = sampleTypeOf(profile);
  return [profile.name, type?.type, size(profile)].filter((part) => part !== undefined && part !== '').join(' · ');
}

/** A duration in nanoseconds as people read it: `850 ms`, `12.4 s`, `3 min 5 s`. */
export function formatDuration(nanos: number): string {
  const ms = nanos / 1e6;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Whether the profile's paths matched the workspace, in a sentence. */
export function coverageText(profile: ProfileSummary): string {
  const { mapped, withFile, oursPercent } = profile.coverage;
  if (withFile === 0) return 'The profile records no source files, so nothing in it can be shown on the code.';
  return `Mapped ${mapped} of ${withFile} functions to this workspace; ${oursPercent.toFixed(1)}% of the profile falls in its code.`;
}

/** The status bar tooltip: where the profile comes from, what is shown and how well it maps. */
export function statusTooltip(profile: ProfileSummary, loadedCount: number): string {
  const type = sampleTypeOf(profile);
  const figures = [`100% = ${profile.total}`];
  if (profile.sampleCount !== undefined) figures.push(count(profile.sampleCount, 'sample'));
  if (profile.durationNanos !== undefined && profile.durationNanos > 0) figures.push(`recorded over ${formatDuration(profile.durationNanos)}`);
  const lines = [
    `${profile.name} (${profile.formatTitle})`,
    profile.path,
    '',
    `Shown: ${type ? `${type.type} (${type.unit})` : 'the default sample type'}; ${figures.join(', ')}.`,
    coverageText(profile),
  ];
  if (profile.coverage.advice) lines.push('', profile.coverage.advice);
  lines.push('', `${count(loadedCount, 'profile')} loaded. Click to switch profiles, change the sample type, import another or remove one.`);
  return lines.join('\n');
}

/** The figures of a function in one line: `21.5% self · 38.2% total`. */
export function hotspotFigures(hotspot: Hotspot): string {
  return `${hotspot.selfPercent.toFixed(1)}% self · ${hotspot.totalPercent.toFixed(1)}% total`;
}

/** Where a function's code lives when it is not ours, as a short phrase. */
export function originText(origin: Hotspot['origin']): string {
  switch (origin) {
    case 'ours':
      return 'this workspace';
    case 'library':
      return 'library code';
    case 'runtime':
      return 'runtime';
    case 'unknown':
      return 'not found in this workspace';
  }
}

/**
 * A function's figures with their values in the profile's unit, one per line, for tooltips.
 * `location` says where a function of ours is (`src/shop/db.py:42`).
 */
export function hotspotDetails(hotspot: Hotspot, location: string): string {
  return [
    `Self: ${hotspot.selfPercent.toFixed(1)}% (${hotspot.self}) in the function itself`,
    `Total: ${hotspot.totalPercent.toFixed(1)}% (${hotspot.total}) including the functions it calls`,
    hotspot.origin === 'ours' ? location : `Origin: ${originText(hotspot.origin)}; there is no source to open`,
  ].join('\n');
}
