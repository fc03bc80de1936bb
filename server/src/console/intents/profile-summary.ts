/**
 * "profile summary", "how much time is in my own code?", "which libraries take the most?": the
 * active profile's format, unit, total, duration and samples, how its value splits between the
 * user's code, libraries and the runtime, and its top modules.
 */
import { formatPercent, formatValue, measureNoun } from '../../profiles/format';
import type { Origin } from '../../profiles/paths';
import type { Answer } from '../answer';
import { cannotAnswer } from '../cannot-answer';
import { AnswerDraft, displayPath } from '../draft';
import type { IntentInput } from '../intent-input';
import { blocks, bold, bullets, code, heading, numbered, text } from '../markdown';
import { noProfile, profileLine } from '../phrases';
import { breakdownOf } from '../profile-breakdown';
import { formatTitle, grandTotal, percentOf } from '../profile-figures';

const TOP_MODULES = 5;

const ORIGIN_TITLES: Readonly<Record<Origin, string>> = {
  ours: 'Your own code (files of this workspace)',
  library: 'Libraries (node_modules, site-packages, Go modules…)',
  runtime: 'The runtime (the engine, the standard library, garbage collection)',
  unknown: 'Code of unknown origin (recorded paths that match no workspace file)',
};

export function profileSummary(input: IntentInput): Answer {
  const { model } = input;
  const d = new AnswerDraft(model);
  const mp = model.profile;
  if (!mp) return cannotAnswer(input, noProfile(d), d);
  const { source, coverage } = mp.heat;
  const unit = source.unit;
  const { byOrigin, modules } = breakdownOf(mp);
  const share = (value: number) => formatPercent(percentOf(mp.stats, value));
  const types = mp.profile.sampleTypes;
  const facts = bullets(
    [
      `Format: ${text(formatTitle(mp))} (${code(mp.profile.format)})`,
      `Sample type: ${code(source.sampleType)}, in ${text(unit)}${types.length > 1 ? ` (it also has ${types.filter((t) => t.type !== source.sampleType).map((t) => code(t.type)).join(', ')})` : ''}`,
      `Total: ${text(grandTotal(mp))}`,
      source.sampleCount !== undefined ? `Samples: ${source.sampleCount.toLocaleString('en-US')}` : undefined,
      source.durationNanos !== undefined ? `Duration: ${text(formatValue(source.durationNanos, 'nanoseconds'))}` : undefined,
      `Functions: ${mp.profile.functions.length.toLocaleString('en-US')}, of which ${coverage.mapped.toLocaleString('en-US')} map to files of this workspace (of ${coverage.withFile.toLocaleString('en-US')} with a recorded file)`,
    ].filter((f): f is string => f !== undefined),
  );
  const origins = bullets(
    (['ours', 'library', 'runtime', 'unknown'] as const).map((o) => `${text(ORIGIN_TITLES[o])}: ${bold(share(byOrigin[o]))}`),
  );
  const top = modules.slice(0, TOP_MODULES).map((m) => {
    const name = m.origin === 'ours' ? d.atLine(m.name, 0, displayPath(model, m.name)) : code(m.name);
    return `${name} (${m.origin === 'ours' ? 'your code' : m.origin}) — ${share(m.self)} self`;
  });
  const others = model.loadedProfiles.filter((n) => n !== mp.name);
  d.followUp('top 5 hotspots', 'what should I fix first?', 'top 5 functions of my code');
  return d.finish(
    input.question,
    'profileSummary',
    blocks(
      heading(`Profile summary: ${code(mp.name)}`),
      profileLine(d, mp),
      facts,
      `Where the ${text(measureNoun(source))} went (self value, by whose code it is):`,
      origins,
      top.length > 0 ? 'Top modules by self value:' : undefined,
      numbered(top),
      others.length > 0 ? `Also loaded: ${others.map((n) => code(n)).join(', ')}.` : undefined,
    ),
  );
}
