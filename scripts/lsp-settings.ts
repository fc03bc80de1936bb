/**
 * Settings as an editor keeps them for the server's `workspace/configuration` requests: by
 * section, under a whole dotted name or nested.
 */

/** Settings by section (`hotpath`, `files.exclude`), as a user's settings file holds them. */
export type Settings = Record<string, unknown>;

/** Reads a dotted section (`files.exclude`) from settings kept by whole name or nested. */
export function sectionValue(settings: Settings, section: string | undefined): unknown {
  if (section === undefined) return settings;
  if (section in settings) return settings[section];
  let value: unknown = settings;
  for (const part of section.split('.')) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value ?? null;
}
