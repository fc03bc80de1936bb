/**
 * "top 5 hotspots", "hottest functions in lib/db.js", "top 10 by total in python": the functions
 * of the active profile with the largest self (or total) value, in the order `hotpath profile`
 * lists them, each with its share and where it is.
 */
import { formatPercent, formatValue, measureNoun } from '../../profiles/format';
import { shortName } from '../../profiles/locate';
import type { Answer } from '../answer';
import { cannotAnswer } from '../cannot-answer';
import { AnswerDraft } from '../draft';
import type { IntentInput } from '../intent-input';
import { blocks, code, heading, numbered, text } from '../markdown';
import type { MeasuredProfile } from '../model';
import { functionRef, noProfile, profileLine } from '../phrases';
import { functionRow, measuresMemory, topFunctions } from '../profile-figures';
import { scopeOf } from '../scope';

const DEFAULT_LIMIT = 10;

/** Why a profile cannot answer a question about the other kind of cost, or undefined when it can. */
export function measureMismatch(mp: MeasuredProfile, asked: 'time' | 'memory' | undefined): string | undefined {
  const memory = measuresMemory(mp);
  if (asked === 'memory' && !memory) return `The active profile, ${code(mp.name)}, measures ${text(measureNoun(mp.heat.source))}, not memory.`;
  if (asked === 'time' && memory) return `The active profile, ${code(mp.name)}, measures ${text(measureNoun(mp.heat.source))}, not time.`;
  return undefined;
}

export function hotspots(input: IntentInput): Answer {
  const { model, parsed } = input;
  const d = new AnswerDraft(model);
  const mp = model.profile;
  if (!mp) return cannotAnswer(input, noProfile(d), d);
  const mismatch = measureMismatch(mp, parsed.measure);
  if (mismatch) return cannotAnswer(input, mismatch, d);
  const scope = scopeOf(model, parsed.subjects, input.context);
  const limit = parsed.limit ?? DEFAULT_LIMIT;
  const by = parsed.by;
  const onlyOurs = parsed.oursOnly || !scope.whole;
  const ours = (func: number) => {
    const row = functionRow(mp, func);
    return row.origin === 'ours' && !!row.file && scope.has(row.file);
  };
  const top = topFunctions(mp, by, limit, onlyOurs ? ours : undefined);
  const title = `Top ${top.length} ${onlyOurs ? 'functions of your code' : 'functions'} by ${by}${scope.described}`;
  if (top.length === 0) {
    return cannotAnswer(input, `${code(mp.name)} measured no function of your code${scope.described}.`, d);
  }
  const unit = mp.heat.source.unit;
  const rows = top.map((func) => {
    const row = functionRow(mp, func);
    const value = formatValue(by === 'self' ? row.self : row.total, unit);
    return `${functionRef(d, row)} — ${formatPercent(row.selfPercent)} self · ${formatPercent(row.totalPercent)} total (${text(value)} ${by})`;
  });
  const firstOurs = onlyOurs ? top[0] : topFunctions(mp, by, 1, ours)[0];
  const oursRow = firstOurs !== undefined ? functionRow(mp, firstOurs) : undefined;
  const oursNote =
    !onlyOurs && oursRow && top[0] !== firstOurs
      ? `The hottest function of your own code is ${functionRef(d, oursRow)}: ${formatPercent(by === 'self' ? oursRow.selfPercent : oursRow.totalPercent)} ${by}.`
      : undefined;
  d.followUp(
    oursRow ? `why is ${shortName(oursRow.name)} slow?` : undefined,
    'what should I fix first?',
    by === 'self' ? `top ${limit} by total` : `top ${limit} by self`,
    'profile summary',
  );
  return d.finish(
    input.question,
    'hotspots',
    blocks(
      heading(title),
      profileLine(d, mp),
      numbered(rows),
      `Self counts the function's own code, total includes what it calls; shares are of all ${text(measureNoun(mp.heat.source))} in ${code(mp.name)}.`,
      oursNote,
    ),
  );
}
