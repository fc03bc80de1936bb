/**
 * The names a question can mention, gathered from the model: functions (as the profile and the
 * findings name them), files and folders (with findings or measured heat), rules (Hotpath's and
 * other tools'). The profile's names are gathered once per profile and sample type.
 */
import * as path from 'node:path';
import { shortName } from '../../profiles/locate';
import type { Heat } from '../../profiles/heat';
import type { ProfileStats } from '../../profiles/stats';
import { displayPath } from '../draft';
import type { ConsoleModel, MeasuredProfile } from '../model';
import { allowedEdits, editDistance, nameKey } from './fuzzy';

/** Function names by key (`loadcustomers`), with keys grouped by length for fuzzy lookups. */
export class FunctionNames {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byLength = new Map<number, string[]>();

  add(name: string): void {
    for (const spelled of new Set([name, shortName(name)])) {
      const key = nameKey(spelled);
      if (key.length < 2) continue;
      let set = this.byKey.get(key);
      if (!set) {
        this.byKey.set(key, (set = new Set()));
        const bucket = this.byLength.get(key.length);
        if (bucket) bucket.push(key);
        else this.byLength.set(key.length, [key]);
      }
      set.add(spelled);
    }
  }

  get(key: string): ReadonlySet<string> | undefined {
    return this.byKey.get(key);
  }

  /** Keys within the edits a word of this length may be off by, with their distance. */
  near(word: string): Array<{ key: string; distance: number }> {
    const max = allowedEdits(word.length);
    const found: Array<{ key: string; distance: number }> = [];
    if (max === 0) return found;
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const key of this.byLength.get(length) ?? []) {
        const distance = editDistance(word, key, max);
        if (distance <= max) found.push({ key, distance });
      }
    }
    return found;
  }
}

export interface NameIndex {
  /** Function names: the profile's first, then the findings'. */
  functions: readonly FunctionNames[];
  /** Workspace files by display path (`python/shop/orders.py`). */
  files: Map<string, string>;
  /** Workspace folders by display path (`python/shop`), absolute path as value. */
  folders: Map<string, string>;
  /** Rule ids in lower case, to the id as spelled. */
  rules: Map<string, string>;
}

const profileNames = new WeakMap<ProfileStats, FunctionNames>();

/** Names of the functions the profile measured (anything with a value). */
function namesOfProfile(mp: MeasuredProfile): FunctionNames {
  let names = profileNames.get(mp.stats);
  if (!names) {
    const found = new FunctionNames();
    const { total, self } = mp.stats;
    mp.profile.functions.forEach((fn, func) => {
      if ((total[func] > 0 || self[func] > 0) && fn.name) found.add(fn.name);
    });
    profileNames.set(mp.stats, (names = found));
  }
  return names;
}

function addFolders(model: ConsoleModel, folders: Map<string, string>, file: string): void {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const shown = displayPath(model, dir);
    if (shown === dir.split(path.sep).join('/') || folders.has(shown)) return;
    folders.set(shown, dir);
  }
}

interface Places {
  files: Map<string, string>;
  folders: Map<string, string>;
}

function addFile(model: ConsoleModel, places: Places, file: string): void {
  const shown = displayPath(model, file);
  if (places.files.has(shown)) return;
  places.files.set(shown, file);
  addFolders(model, places.folders, file);
}

const measuredPlaces = new WeakMap<Heat, Places>();

/** The files the profile measured and their folders, gathered once per profile and sample type. */
function placesOfHeat(model: ConsoleModel, heat: Heat): Places {
  let places = measuredPlaces.get(heat);
  if (!places) {
    places = { files: new Map(), folders: new Map() };
    for (const file of heat.files.keys()) addFile(model, places, file);
    measuredPlaces.set(heat, places);
  }
  return places;
}

const indexes = new WeakMap<ConsoleModel, NameIndex>();

export function nameIndex(model: ConsoleModel): NameIndex {
  let index = indexes.get(model);
  if (index) return index;
  const found = new FunctionNames();
  const measured = model.profile ? placesOfHeat(model, model.profile.heat) : undefined;
  const places: Places = { files: new Map(measured?.files), folders: new Map(measured?.folders) };
  const rules = new Map<string, string>();
  for (const { file, finding } of model.findings) {
    addFile(model, places, file);
    if (finding.function) found.add(finding.function.name);
    rules.set(finding.ruleId.toLowerCase(), finding.ruleId);
  }
  for (const rule of model.rules) rules.set(rule.id.toLowerCase(), rule.id);
  for (const rule of model.externalRules) rules.set(rule.id.toLowerCase(), rule.id);
  index = { functions: model.profile ? [namesOfProfile(model.profile), found] : [found], files: places.files, folders: places.folders, rules };
  indexes.set(model, index);
  return index;
}

/** Every spelling of the function names with this key, across the index's sources. */
export function functionsByKey(index: NameIndex, key: string): string[] {
  const spelled = new Set<string>();
  for (const names of index.functions) for (const name of names.get(key) ?? []) spelled.add(name);
  return [...spelled];
}
