/**
 * The functions a question names, found in the profile and among the findings: for each file
 * (or each library or runtime function) that has one by that name, its hottest profile entry,
 * its span in today's source and the findings inside it. Measured ones come first, hottest first.
 */
import { functionAtLine, shortName } from '../profiles/locate';
import type { ProfileStats } from '../profiles/stats';
import type { SourceFunction } from '../syntax/functions';
import type { AskContext, ConsoleModel, MeasuredProfile, SourcedFinding } from './model';
import { nameKey } from './question/fuzzy';
import { placement } from './profile-figures';
import { contextFile } from './scope';

export interface FunctionTarget {
  /** The function's name as the source or the profile spells it. */
  name: string;
  /** The workspace file, when it is the user's code. */
  file?: string;
  /** The profile's function index with the largest total, when measured. */
  func?: number;
  /** Its span in today's source. */
  source?: SourceFunction;
  findings: SourcedFinding[];
}

const funcsByKey = new WeakMap<ProfileStats, Map<string, number[]>>();

/** Profile functions by the key of their short name, for those with a value. */
function profileFuncs(mp: MeasuredProfile): Map<string, number[]> {
  let byKey = funcsByKey.get(mp.stats);
  if (!byKey) {
    byKey = new Map();
    const { total, self } = mp.stats;
    for (let func = 0; func < mp.profile.functions.length; func++) {
      if (total[func] === 0 && self[func] === 0) continue;
      const name = mp.profile.functions[func].name;
      for (const key of new Set([nameKey(shortName(name)), nameKey(name)])) {
        const list = byKey.get(key);
        if (list) list.push(func);
        else byKey.set(key, [func]);
      }
    }
    funcsByKey.set(mp.stats, byKey);
  }
  return byKey;
}

/** How answers name a profile function: its bare name when that is an identifier, else as recorded. */
export function displayName(recorded: string): string {
  const short = shortName(recorded);
  return /^[A-Za-z_$][\w$]*$/.test(short) ? short : recorded || '(anonymous)';
}

function sourceSpan(model: ConsoleModel, file: string, name: string, nearLine: number | undefined): SourceFunction | undefined {
  const named = model.sources.functions(file).filter((f) => f.name === name);
  if (named.length <= 1 || nearLine === undefined) return named[0];
  return named.reduce((a, b) => (Math.abs(b.startLine - nearLine) < Math.abs(a.startLine - nearLine) ? b : a));
}

export function functionTargets(model: ConsoleModel, names: readonly string[], files: readonly string[] = []): FunctionTarget[] {
  const keys = new Set(names.map((n) => nameKey(shortName(n))));
  const groups = new Map<string, FunctionTarget>();
  const mp = model.profile;
  const group = (id: string, name: string, file?: string) => {
    let target = groups.get(id);
    if (!target) groups.set(id, (target = { name, file, findings: [] }));
    return target;
  };
  if (mp) {
    const where = placement(mp);
    for (const key of keys) {
      for (const func of profileFuncs(mp).get(key) ?? []) {
        const file = where.file[func];
        const name = displayName(mp.profile.functions[func].name);
        const target = group(file ? `${file}\u0000${key}` : `#${func}`, name, file);
        if (target.func === undefined || mp.stats.total[func] > mp.stats.total[target.func]) target.func = func;
      }
    }
  }
  for (const item of model.findings) {
    const fn = item.finding.function;
    if (!fn || !keys.has(nameKey(fn.name))) continue;
    group(`${item.file}\u0000${nameKey(fn.name)}`, fn.name, item.file).findings.push(item);
  }
  const inFiles = [...groups.values()].filter((t) => files.length === 0 || (t.file !== undefined && files.includes(t.file)));
  // `customer_names` asked for means that function, not `customerNames` in another language.
  const spelled = new Set(names.map((n) => displayName(n)));
  const exact = inFiles.filter((t) => spelled.has(t.name));
  const targets = exact.length > 0 ? exact : inFiles;
  for (const t of targets) {
    if (!t.file) continue;
    const recorded = t.func !== undefined ? mp?.profile.functions[t.func].line : undefined;
    const near = t.findings[0]?.finding.function?.line ?? (recorded ? recorded - 1 : undefined);
    t.source = sourceSpan(model, t.file, t.name, near);
  }
  const total = (t: FunctionTarget) => (t.func !== undefined && mp ? mp.stats.total[t.func] : -1);
  return targets.sort((a, b) => total(b) - total(a) || b.findings.length - a.findings.length || (a.file ?? '').localeCompare(b.file ?? ''));
}

/** The function around the editor's cursor, by today's source. */
export function functionAtContext(model: ConsoleModel, context: AskContext | undefined): { file: string; source: SourceFunction } | undefined {
  const file = contextFile(context);
  if (!file || !context) return undefined;
  const source = functionAtLine(model.sources.functions(file), context.range.start.line + 1);
  return source ? { file, source } : undefined;
}
