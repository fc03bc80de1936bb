/**
 * Sentences several answers share: which profile the figures come from, how a function or a
 * finding is named with its link, what to do when no profile is loaded.
 */
import { shortName } from '../profiles/locate';
import { formatPercent, formatValue } from '../profiles/format';
import type { AnswerDraft } from './draft';
import { bold, code, text } from './markdown';
import type { ConsoleModel, FunctionChange, MeasuredProfile, SourcedFinding } from './model';
import { FunctionRow, formatTitle, grandTotal } from './profile-figures';

/** "From **report.cpuprofile** (V8 CPU profile, cpu): 1.27 s of CPU time, 438 samples." */
export function profileLine(d: AnswerDraft, mp: MeasuredProfile): string {
  d.source('profile', mp.name);
  const { sampleCount, durationNanos, sampleType } = mp.heat.source;
  const extras = [
    sampleCount !== undefined && mp.heat.source.unit !== 'samples' ? `${sampleCount.toLocaleString('en-US')} samples` : undefined,
    durationNanos !== undefined ? `recorded over ${formatValue(durationNanos, 'nanoseconds')}` : undefined,
  ].filter(Boolean);
  return `From ${bold(text(mp.name))} (${text(formatTitle(mp))}, sample type ${code(sampleType)}): ${text(grandTotal(mp))}${extras.length ? `, ${extras.join(', ')}` : ''}.`;
}

/**
 * Where a measured function starts in the source, 0-based: the line the profile recorded, else
 * found by its name in today's source (parsed only then, which costs more than the answer).
 */
export function functionLine(model: ConsoleModel, row: Pick<FunctionRow, 'name' | 'file' | 'line'>): number | undefined {
  if (!row.file) return undefined;
  if (row.line !== undefined && row.line > 0) return row.line - 1;
  const name = shortName(row.name);
  const named = model.sources.functions(row.file).filter((f) => f.name === name);
  return named.length === 1 ? named[0].startLine : undefined;
}

/** A function's change between two profiles: `` `load` (app.js:3): 10.0% → 40.0% (+30.0 points) ``. */
export function changeLine(d: AnswerDraft, c: FunctionChange): string {
  const at = functionLine(d.model, c);
  const name = c.file && at !== undefined ? `${code(c.name)} (${d.atLine(c.file, at)})` : code(c.name);
  const delta = c.currentPercent - c.basePercent;
  return `${name}: ${formatPercent(c.basePercent)} → ${formatPercent(c.currentPercent)} (${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)} points)`;
}

/** `` `loadCustomers` `` with where it is: a link for the user's code, else whose code it is. */
export function functionRef(d: AnswerDraft, row: FunctionRow): string {
  const name = code(row.name);
  const line = functionLine(d.model, row);
  if (row.origin === 'ours' && row.file && line !== undefined) return `${name} (${d.atLine(row.file, line)})`;
  if (row.origin === 'library' || row.origin === 'runtime') return `${name} (${row.origin})`;
  const recorded = d.model.profile?.profile.functions[row.func]?.file;
  return recorded ? `${name} (${text(recorded)})` : name;
}

/** A finding as a list item: its link, rule id, and message. */
export function findingRef(d: AnswerDraft, item: SourcedFinding): string {
  const { finding, tool } = item;
  d.source(tool === 'Hotpath' ? 'rule' : 'tool', tool === 'Hotpath' ? finding.ruleId : tool);
  const by = tool === 'Hotpath' ? '' : ` (${text(tool)})`;
  return `${d.at(item.file, finding.range)} ${code(finding.ruleId)}${by}: ${messageMarkdown(finding.message)}`;
}

/** A finding's message, its backticked parts as code spans and the rest as text. */
export function messageMarkdown(message: string): string {
  return message
    .split(/`([^`]*)`/)
    .map((part, i) => (i % 2 === 1 ? code(part) : text(part)))
    .join('');
}

/** What to say, and offer, when an answer needs a profile and none is loaded. */
export function noProfile(d: AnswerDraft): string {
  d.action({ kind: 'importProfile', label: 'Import a profile…' });
  const loaded = d.model.loadedProfiles;
  return loaded.length > 0
    ? `Profiles are loaded (${loaded.map((n) => code(n)).join(', ')}) but none is shown, so I have no measured figures. Choose one with **Hotpath: Manage Profiles…**.`
    : 'No profile is loaded, so I have no measured figures. Import one recorded from your program (**Hotpath: Import Profile…**, or `hotpath ask --profile FILE`).';
}
