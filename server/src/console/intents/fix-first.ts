/**
 * "what should I fix first?": findings and hot functions ranked by expected gain — the measured
 * share of the function × the pattern's cost weight — each with why it is slow and the rewrite;
 * then the findings the profile did not measure, by the rule's confidence and loop depth.
 */
import { formatPercent, measureNoun, shareOf } from '../../profiles/format';
import { shortName } from '../../profiles/locate';
import type { Answer } from '../answer';
import { AnswerDraft, displayPath } from '../draft';
import { measuredCalls, repeatedCallees } from '../call-chain';
import { fixSection } from '../fix-section';
import type { IntentInput } from '../intent-input';
import { blocks, bold, code, heading, text } from '../markdown';
import type { MeasuredProfile } from '../model';
import { findingRef, functionRef, noProfile, profileLine } from '../phrases';
import { functionRow } from '../profile-figures';
import { RankedFinding, RankedHotFunction, rankWork } from '../ranking';
import { MAX_LIMIT } from '../question/parse';
import { HOT_CODE_COST } from '../rule-costs';
import { scopeOf } from '../scope';

const DEFAULT_LIMIT = 5;
/** How many of the items listed get their full rewrite. */
const REWRITTEN = 3;

/** The first sentence of a rule's explanation. */
function firstSentence(markdown: string): string {
  return /^[\s\S]*?[.!?](?=\s|$)/.exec(markdown)?.[0] ?? markdown;
}

function findingItem(d: AnswerDraft, mp: MeasuredProfile | undefined, r: RankedFinding, n: number, full: boolean): string {
  const { finding } = r.item;
  const rule = d.model.rules.find((x) => x.id === finding.ruleId);
  const where = finding.function ? ` in ${code(finding.function.name)}` : '';
  const gain = r.gain !== undefined && mp ? ` — expected gain ≈ ${formatPercent(r.gain)} of ${text(measureNoun(mp.heat.source))}` : '';
  const measured =
    r.heat && mp
      ? `Measured: ${code(finding.function?.name ?? r.heat.name)} took ${text(shareOf(r.heat.totalPercent, mp.heat.source))} with what it calls; the weight of ${code(finding.ruleId)} is ${r.cost.weight}: ${text(r.cost.reason)}.`
      : r.cold && mp
        ? `${code(mp.name)} covers this file but recorded nothing in ${code(finding.function!.name)}.`
        : `Not measured: ranked by the rule's confidence (${text(r.confidence ?? 'unknown')}) and loop depth (${r.loopDepth}).`;
  return blocks(
    `#### ${n}. ${code(finding.ruleId)}${where}${gain}`,
    findingRef(d, r.item),
    measured,
    full && rule ? `${bold('Why.')} ${firstSentence(rule.why)}` : undefined,
    full ? fixSection(d, r.item) : undefined,
  );
}

/** How many callers up a hot function's time is traced to a finding that repeats it. */
const MAX_CAUSE_DEPTH = 4;

/**
 * The finding up the call chain that repeats the calls leading to this function: the N+1 that
 * makes `query` hot. The chain follows each function's largest caller.
 */
function causeAbove(d: AnswerDraft, mp: MeasuredProfile, func: number): string | undefined {
  let below = func;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
    const [caller] = measuredCalls(mp, below, 'callers', 1);
    if (!caller) return undefined;
    const row = functionRow(mp, caller.func);
    const name = shortName(row.name);
    const item = d.model.findings.find((f) => f.file === row.file && f.finding.function?.name === name && repeatedCallees(d.model, mp, caller.func, f).some((c) => c.func === below));
    if (item) {
      return `Its time comes through ${functionRef(d, row)}, where ${d.at(item.file, item.finding.range)} (${code(item.finding.ruleId)}) repeats the calls that reach it: fixing that finding removes most of this too.`;
    }
    below = caller.func;
  }
  return undefined;
}

function hotItem(d: AnswerDraft, mp: MeasuredProfile, r: RankedHotFunction, n: number): string {
  const shown = shortName(r.row.name) || r.row.name;
  const name = /^[A-Za-z_$][\w$]*$/.test(shown) ? shown : undefined;
  if (name) d.followUp(`why is ${name} slow?`);
  const cause = causeAbove(d, mp, r.row.func);
  return blocks(
    `#### ${n}. Hot function ${code(shown)}, no finding — expected gain ≈ ${formatPercent(r.gain)} of ${text(measureNoun(mp.heat.source))}`,
    `${functionRef(d, r.row)} took ${text(shareOf(r.row.selfPercent, mp.heat.source))} in its own code (weight ${r.cost.weight}, as code no rule flags).`,
    cause ?? `No rule flags it, so there is no known rewrite${name ? `; ask ${code(`why is ${name} slow?`)} for its hot lines and calls` : ''}.`,
  );
}

export function fixFirst(input: IntentInput): Answer {
  const { model, parsed } = input;
  const d = new AnswerDraft(model);
  const scope = scopeOf(model, parsed.subjects, input.context);
  const { measured, unmeasured } = rankWork(model, scope.has);
  const mp = model.profile;
  const limit = parsed.limit ?? DEFAULT_LIMIT;
  const items: string[] = [];
  let rewritten = 0;
  for (const r of [...measured, ...unmeasured].slice(0, limit)) {
    const n = items.length + 1;
    if (r.kind === 'hot') items.push(hotItem(d, mp!, r, n));
    else {
      const full = rewritten < REWRITTEN;
      if (full) rewritten++;
      items.push(findingItem(d, mp, r, n, full));
    }
  }
  if (items.length === 0) {
    return d.finish(input.question, 'fixFirst', blocks(heading(`What to fix first${scope.described}`), `Nothing to fix${scope.described}: no rule flags anything${mp ? ` and ${code(mp.name)} shows no hot function of your code` : ''}.`));
  }
  const total = measured.length + unmeasured.length;
  const first = [...measured, ...unmeasured][0];
  if (first?.kind === 'finding') {
    const f = first.item;
    d.followUp(`how do I fix the finding at ${displayPath(model, f.file)}:${f.finding.range.start.line + 1}?`, f.finding.function ? `why is ${f.finding.function.name} slow?` : undefined);
  }
  d.followUp(`explain ${first?.kind === 'finding' ? first.item.finding.ruleId : 'n-plus-one-query'}`, 'top 5 hotspots');
  const intro = mp
    ? blocks(
        profileLine(d, mp),
        `Ranked by expected gain: the measured share of the function (with what it calls) × how much the pattern usually costs (a weight from 0 to 1 per rule). A hot function no rule flags counts its own time × ${HOT_CODE_COST.weight}: ${text(HOT_CODE_COST.reason)}. Findings the profile did not measure come last, by the rule's confidence and how many loops repeat them.`,
      )
    : blocks(noProfile(d), 'Without measurements, findings are ranked by the rule\'s confidence and how many loops repeat them.');
  return d.finish(
    input.question,
    'fixFirst',
    blocks(
      heading(`What to fix first${scope.described}`),
      intro,
      ...items,
      total > items.length ? `…and ${total - items.length} more; ask ${code(`what should I fix first, top ${Math.min(total, MAX_LIMIT)}`)} to see them.` : undefined,
    ),
  );
}
