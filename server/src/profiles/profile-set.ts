/**
 * The profiles the user has loaded, which one is active and for which sample type, and the heat
 * of each laid onto the workspace.
 */
import * as path from 'node:path';
import type { ProfileSummary, ProfilesState } from '../protocol';
import { formatValue } from './format';
import { computeHeat, Heat } from './heat';
import { IMPORTERS } from './importers';
import type { Profile } from './model';
import type { PathMapper } from './paths';
import { computeStats, ProfileStats } from './stats';

export interface LoadedProfile {
  id: string;
  path: string;
  name: string;
  profile: Profile;
  sampleType: number;
  stats: ProfileStats;
  heat: Heat;
  /** A recorded path no workspace file matched, for the advice on path mappings. */
  unmappedExample?: string;
}

/** Below this share of mapped functions, the summary says how to map paths. */
const FEW_MAPPED = 0.5;

export class ProfileSet {
  private readonly loaded: LoadedProfile[] = [];
  private activeId?: string;
  private nextId = 1;

  constructor(private mapper: PathMapper) {}

  active(): LoadedProfile | undefined {
    return this.loaded.find((p) => p.id === this.activeId);
  }

  /** Adds a profile (replacing one loaded from the same path) and makes it active. */
  add(file: string, profile: Profile): LoadedProfile {
    const existing = this.loaded.findIndex((p) => p.path === file);
    const entry = this.measure({ id: `p${this.nextId++}`, path: file, name: path.basename(file), profile }, profile.defaultSampleType);
    if (existing >= 0) this.loaded.splice(existing, 1, entry);
    else this.loaded.push(entry);
    this.activeId = entry.id;
    return entry;
  }

  /** Switches the active profile (undefined: none) and, optionally, its sample type. */
  setActive(id: string | null, sampleType?: number): void {
    if (id === null) {
      this.activeId = undefined;
      return;
    }
    const index = this.loaded.findIndex((p) => p.id === id);
    if (index < 0) throw new Error(`no profile is loaded with id ${id}`);
    const entry = this.loaded[index];
    if (sampleType !== undefined && sampleType !== entry.sampleType) {
      if (sampleType < 0 || sampleType >= entry.profile.sampleTypes.length) {
        throw new Error(`${entry.name} has no sample type #${sampleType}`);
      }
      this.loaded[index] = this.measure(entry, sampleType);
    }
    this.activeId = id;
  }

  remove(id: string): void {
    const index = this.loaded.findIndex((p) => p.id === id);
    if (index >= 0) this.loaded.splice(index, 1);
    if (this.activeId === id) this.activeId = this.loaded[this.loaded.length - 1]?.id;
  }

  /** Lays every profile onto the workspace again (files or path mappings changed). */
  remap(mapper: PathMapper): void {
    this.mapper = mapper;
    this.loaded.forEach((entry, i) => (this.loaded[i] = this.measure(entry, entry.sampleType)));
  }

  /** Where a profile function's code is, by the current mapping. */
  mapperFor(fn: Profile['functions'][number]) {
    return this.mapper.map(fn);
  }

  state(): ProfilesState {
    return { profiles: this.loaded.map(summarize), activeId: this.activeId };
  }

  private measure(entry: Pick<LoadedProfile, 'id' | 'path' | 'name' | 'profile'>, sampleType: number): LoadedProfile {
    const stats = computeStats(entry.profile, sampleType);
    const heat = computeHeat(entry.profile, stats, this.mapper, entry.name);
    const unmapped = entry.profile.functions.find((fn) => fn.file && this.mapper.map(fn).origin === 'unknown');
    return { ...entry, sampleType, stats, heat, unmappedExample: unmapped?.file };
  }
}

function summarize(entry: LoadedProfile): ProfileSummary {
  const { profile, heat } = entry;
  const { mapped, withFile, oursPercent } = heat.coverage;
  let advice: string | undefined;
  if (withFile > 0 && mapped < withFile * FEW_MAPPED && entry.unmappedExample) {
    advice =
      `Few functions matched files of this workspace; the profile records paths like ${entry.unmappedExample}. ` +
      'If the code was built elsewhere, map that prefix with the setting hotpath.profile.pathMappings, ' +
      'e.g. [{ "from": "/srv/app", "to": "${workspaceFolder}" }].';
  }
  return {
    id: entry.id,
    name: entry.name,
    path: entry.path,
    format: profile.format,
    formatTitle: IMPORTERS.find((i) => i.format === profile.format)?.title ?? profile.format,
    sampleTypes: profile.sampleTypes.map((t) => ({ type: t.type, unit: t.unit })),
    sampleType: entry.sampleType,
    total: formatValue(heat.source.grand, heat.source.unit),
    sampleCount: profile.sampleCount,
    durationNanos: profile.durationNanos,
    coverage: { mapped, withFile, oursPercent, advice },
  };
}
