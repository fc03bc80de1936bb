/**
 * What to fix first: findings and hot functions ranked by expected gain, the measured share of
 * the function × how much the pattern usually costs (rule-costs.ts). Findings the profile did not
 * measure come after, by the rule's confidence and how many loops repeat them.
 */
import type { FunctionHeat } from '../profiles/heat';
import { shortName } from '../profiles/locate';
import { heatOfFinding } from '../profiles/merge';
import type { Confidence } from '../rules/rule';
import { SEVERITIES } from '../findings';
import type { ConsoleModel, SourcedFinding } from './model';
import { FunctionRow, functionRow, topFunctions } from './profile-figures';
import { HOT_CODE_COST, RuleCost, ruleCost } from './rule-costs';

export interface RankedFinding {
  kind: 'finding';
  item: SourcedFinding;
  cost: RuleCost;
  /** The measured heat of the function the finding is in. */
  heat?: FunctionHeat;
  /** Expected gain in points of the profile, when measured. */
  gain?: number;
  /** The profile covers the file but recorded no time in the finding's function. */
  cold: boolean;
  confidence?: Confidence;
  loopDepth: number;
}

export interface RankedHotFunction {
  kind: 'hot';
  row: FunctionRow;
  cost: RuleCost;
  gain: number;
}

export type RankedWork = RankedFinding | RankedHotFunction;

export interface WorkList {
  /** Ranked by expected gain. */
  measured: RankedWork[];
  /** Findings the profile says nothing about (or no profile is loaded), by confidence and loop depth. */
  unmeasured: RankedFinding[];
}

/** Hot functions with no finding below this share of their own are not listed. */
const MIN_HOT_SELF_PERCENT = 1;
const MAX_HOT_FUNCTIONS = 5;
const CONFIDENCE_ORDER: readonly Confidence[] = ['high', 'medium', 'low'];

/** How many loops repeat a finding, from the related locations that name a loop. */
export function loopDepth(item: SourcedFinding): number {
  return item.finding.related.filter((r) => /\b(loop|callback|comprehension)\b/.test(r.message)).length;
}

export function rankFinding(model: ConsoleModel, item: SourcedFinding): RankedFinding {
  const rule = model.rules.find((r) => r.id === item.finding.ruleId);
  const fileHeat = model.profile?.heat.files.get(item.file);
  const heat = fileHeat ? heatOfFinding(item.finding, fileHeat) : undefined;
  const cost = ruleCost(item.finding.ruleId);
  return {
    kind: 'finding',
    item,
    cost,
    heat,
    gain: heat ? heat.totalPercent * cost.weight : undefined,
    cold: !heat && fileHeat !== undefined && item.finding.function !== undefined,
    confidence: rule?.confidence,
    loopDepth: loopDepth(item),
  };
}

function byPlace(a: SourcedFinding, b: SourcedFinding): number {
  return a.file.localeCompare(b.file) || a.finding.range.start.line - b.finding.range.start.line || a.finding.ruleId.localeCompare(b.finding.ruleId);
}

function unmeasuredOrder(a: RankedFinding, b: RankedFinding): number {
  const confidence = (r: RankedFinding) => (r.confidence ? CONFIDENCE_ORDER.indexOf(r.confidence) : 1);
  return (
    confidence(a) - confidence(b) ||
    b.loopDepth - a.loopDepth ||
    SEVERITIES.indexOf(a.item.finding.severity) - SEVERITIES.indexOf(b.item.finding.severity) ||
    byPlace(a.item, b.item)
  );
}

export function rankWork(model: ConsoleModel, inScope: (file: string) => boolean): WorkList {
  const findings = model.findings.filter((f) => inScope(f.file)).map((f) => rankFinding(model, f));
  const measured: RankedWork[] = findings.filter((f) => f.gain !== undefined);
  const mp = model.profile;
  if (mp) {
    const flagged = new Set(findings.map((f) => `${f.item.file}\u0000${f.item.finding.function?.name ?? ''}`));
    const hot = topFunctions(mp, 'self', MAX_HOT_FUNCTIONS, (func) => {
      const row = functionRow(mp, func);
      return row.origin === 'ours' && !!row.file && inScope(row.file) && row.selfPercent >= MIN_HOT_SELF_PERCENT && !flagged.has(`${row.file}\u0000${shortName(row.name)}`);
    });
    for (const func of hot) {
      const row = functionRow(mp, func);
      measured.push({ kind: 'hot', row, cost: HOT_CODE_COST, gain: row.selfPercent * HOT_CODE_COST.weight });
    }
  }
  measured.sort((a, b) => (b.gain ?? 0) - (a.gain ?? 0));
  const unmeasured = findings.filter((f) => f.gain === undefined).sort(unmeasuredOrder);
  return { measured, unmeasured };
}
