/**
 * A profile as the command line uses it: read in-process, laid onto the workspace at `root`.
 */
import * as path from 'node:path';
import { computeHeat, Heat } from '../profiles/heat';
import { ProfileError } from '../profiles/importer';
import { loadProfile } from '../profiles/load';
import type { Profile } from '../profiles/model';
import { PathMapper } from '../profiles/paths';
import { codeFiles } from '../profiles/workspace-files';
import { computeStats, ProfileStats } from '../profiles/stats';
import { DEFAULT_EXCLUDE } from '../settings';
import { UsageError } from './usage';

export interface CliProfile {
  profile: Profile;
  stats: ProfileStats;
  heat: Heat;
  mapper: PathMapper;
}

/** The sample type named by `--sample-type` (its name or its index), or the profile's default. */
function pickSampleType(profile: Profile, wanted: string | undefined, file: string): number {
  if (wanted === undefined) return profile.defaultSampleType;
  const byName = profile.sampleTypes.findIndex((t) => t.type === wanted);
  if (byName >= 0) return byName;
  const index = Number(wanted);
  if (Number.isInteger(index) && index >= 0 && index < profile.sampleTypes.length) return index;
  throw new UsageError(`${file} has no sample type "${wanted}"; it has ${profile.sampleTypes.map((t) => t.type).join(', ')}`);
}

export async function loadCliProfile(file: string, root: string, sampleType?: string): Promise<CliProfile> {
  let profile: Profile;
  try {
    profile = await loadProfile(file);
  } catch (error) {
    if (error instanceof ProfileError) throw new UsageError(error.message);
    throw error;
  }
  const stats = computeStats(profile, pickSampleType(profile, sampleType, file));
  const mapper = new PathMapper(await codeFiles([root], DEFAULT_EXCLUDE));
  return { profile, stats, mapper, heat: computeHeat(profile, stats, mapper, path.basename(file)) };
}
