/**
 * Which intent a question has: an ordered table of tests over the question's words (lower case,
 * typos corrected) and its subjects. The first test that holds wins, so the more specific
 * phrasings ("what should I fix first") come before the general ones ("fix").
 */
import type { IntentKind } from '../answer';
import type { Subjects } from './subjects';

export interface IntentFeatures {
  normalized: string;
  subjects: Subjects;
  /** The question names a loaded benchmark ("is test_report slower?"). */
  namesBenchmark: boolean;
}

const HELP = /^(help|h|usage|commands)?$|\bwhat can (you|i) (ask|do|answer|say)\b|\bwhat questions\b|\bhow (do i|does this|to) use\b|\bexample questions\b|\bhelp\b/;
const REGRESS = /\bregress|\bbaseline\b|\bcompar(e|ed|ison)\b|\bdiff\b|\bwhat changed\b|\bchanged since\b|\bgot (slower|faster|worse|better)\b|\b(slower|faster|worse|better) (than|since)\b|\bimprove(d|ments?)\b|\bsped up\b|\bspeedups?\b/;
const BENCH = /\b(micro)?bench(mark)?(s|ed|ing)?\b|\bbenchmark\w+/;
const FIX_FIRST = new RegExp(
  [
    '\\b(fix|optimi[sz]e|tackle|address|work on|look at|start with)\\b.*\\b(first|next)\\b',
    '\\bpriorit',
    '\\b(biggest|largest|best|quickest|easiest|quick) (win|wins|gain|gains|payoff|improvements?)\\b',
    '\\bwhere (do i|should i|to|should we|do we) start\\b',
    '\\bwhat (should|do|can|must) (i|we) (fix|optimi[sz]e|work on|tackle|improve)\\b',
    '\\bwhat to (fix|optimi[sz]e|tackle)\\b',
    '\\bmost (impact|gain|benefit)\\b',
    '\\brecommend',
    '\\b(top|worst) (problems|issues|offenders)\\b',
  ].join('|'),
);
const FIX = /\b(fix|fixes|fixing|repair|resolve|rewrite|refactor|solve|remedy)\b|\bquick ?fix\b|\bbefore (and )?after\b|\bhow (do|can|should|would) (i|we|you) (change|improve|speed up|optimi[sz]e)\b|\bhow to (change|improve|speed up|optimi[sz]e)\b|\binstead\b|\bsuggest(ion)?\b/;
const LIST = /\b(list|show|all|every|which|where are|find|enumerate|count|how many|any|is there|are there)\b/;
const FINDING_NOUNS = /\b(findings?|issues?|problems?|warnings?|diagnostics?|smells?)\b/;
const EXPLAIN = /\b(explain|describe|definition|meaning|means?)\b|\bwhat (is|are|does|s)\b|\bwhats\b|\btell me about\b|\bwhy (is|are|does)\b/;
const WHY_SLOW = /\bwhy\b|\bslow\b|\btakes? (so )?(long|time)\b|\bwhat makes\b|\bwhat s wrong\b|\banaly[sz]e\b|\bbreak ?down\b|\bcall(ers|ees|s|ed)\b|\bwho calls\b|\bhot lines\b|\bwhich lines\b|\btell me about\b|\bwhat about\b|\bdetails?\b|\bcost(ly|s)?\b|\bexpensive\b/;
const SUMMARY = /\bsummar(y|i[sz]e)\b|\boverview\b|\bprofile (info|summary|details)\b|\bwhat s in the profile\b|\bhow much\b.*\bcode\b|\bshare of\b|\bduration\b|\bhow long\b|\bsamples?\b|\bsample count\b|\blibrar(y|ies)\b|\bruntime\b|\bthird party\b|\bmodules?\b|\bformat\b|\bunit\b/;
/** Weaker signs of a question about the profile itself, tried after the hotspot words. */
const PROFILE_MENTION = /\b(the|this|loaded|active) profile\b/;
const MY_CODE = /\b(own|my|our|user s?|user) code\b/;
const HOT = /\bhot(spots?|test)?\b|\bslowest\b|\bbottlenecks?\b|\bcostliest\b|\bheaviest\b|\bmost (time|cpu|samples|memory)\b|\btime (is )?spent\b|\bspends? (the most )?time\b|\bwhere (is|does|did) (the|my|our) time\b|\btakes? the most\b|\btop\b|\bby (self|total)\b|\bself time\b|\ballocat|\bfunctions?\b.*\b(most|slow)/;

interface IntentTest {
  intent: IntentKind;
  holds(f: IntentFeatures): boolean;
}

function hasSubject(s: Subjects): boolean {
  return s.functions.length + s.files.length + s.folders.length + s.rules.length > 0 || s.language !== undefined || s.this;
}

/** The tests in the order they are tried. */
export const INTENT_TABLE: readonly IntentTest[] = [
  { intent: 'help', holds: (f) => HELP.test(f.normalized) && !hasSubject(f.subjects) },
  { intent: 'benchmarks', holds: (f) => BENCH.test(f.normalized) || (f.namesBenchmark && (REGRESS.test(f.normalized) || /\b(slower|faster)\b/.test(f.normalized))) },
  { intent: 'regressions', holds: (f) => REGRESS.test(f.normalized) },
  { intent: 'fixFirst', holds: (f) => FIX_FIRST.test(f.normalized) },
  { intent: 'fixFinding', holds: (f) => FIX.test(f.normalized) },
  {
    intent: 'listFindings',
    holds: (f) => f.subjects.rulesPlural || FINDING_NOUNS.test(f.normalized) || (LIST.test(f.normalized) && f.subjects.rules.length > 0),
  },
  {
    intent: 'whySlow',
    holds: (f) =>
      (f.subjects.functions.length > 0 || f.subjects.this || f.subjects.unresolved.length > 0) && (WHY_SLOW.test(f.normalized) || EXPLAIN.test(f.normalized)),
  },
  { intent: 'explainRule', holds: (f) => f.subjects.rules.length > 0 },
  { intent: 'profileSummary', holds: (f) => SUMMARY.test(f.normalized) },
  { intent: 'hotspots', holds: (f) => HOT.test(f.normalized) },
  { intent: 'profileSummary', holds: (f) => MY_CODE.test(f.normalized) || PROFILE_MENTION.test(f.normalized) },
  { intent: 'whySlow', holds: (f) => f.subjects.functions.length > 0 || f.subjects.this },
  { intent: 'listFindings', holds: (f) => f.subjects.files.length + f.subjects.folders.length > 0 || f.subjects.language !== undefined || f.subjects.thisFile },
];

export function intentOf(features: IntentFeatures): IntentKind {
  return INTENT_TABLE.find((t) => t.holds(features))?.intent ?? 'unknown';
}

/** Only functions of the user's own code ("in my code"). */
export function asksForOwnCode(normalized: string): boolean {
  return MY_CODE.test(normalized);
}
