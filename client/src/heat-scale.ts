/**
 * How strongly a line is tinted for its measured share. Pure, so it can be tested without
 * VS Code: the decorations in heat.ts only look the level up.
 *
 * The scale is tied to `hotpath.hotThreshold`, the share at which a function counts as hot: a
 * line at or above it gets the strongest tint, and each weaker level covers a smaller fraction
 * of it. The steps grow roughly tenfold from the first to the last, because line shares in a
 * real profile spread over orders of magnitude.
 */

/** How many tints there are; level 0 means no tint. */
export const HEAT_LEVELS = 5;

/** The threshold used when the setting holds something that is not a positive number. */
export const DEFAULT_HOT_THRESHOLD = 5;

/** The lowest share of levels 2 to 5, as fractions of the hot threshold. Level 1 is any share above zero. */
const LEVEL_FLOORS = [0.05, 0.2, 0.5, 1];

/** The level (0 to HEAT_LEVELS) of a line whose self share of the profile is `percent` (0–100). */
export function heatLevel(percent: number, hotThreshold: number): number {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  const threshold = Number.isFinite(hotThreshold) && hotThreshold > 0 ? hotThreshold : DEFAULT_HOT_THRESHOLD;
  let level = 1;
  for (const floor of LEVEL_FLOORS) if (percent >= floor * threshold) level++;
  return level;
}

/**
 * Lines at these levels (at least half the hot threshold) are marked in the gutter and the
 * overview ruler as well, so they can be found in a long file.
 */
export function isHotLevel(level: number): boolean {
  return level >= HEAT_LEVELS - 1;
}
