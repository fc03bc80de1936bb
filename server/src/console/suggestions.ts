/**
 * Questions worth asking about this workspace, phrased with its real names: the hottest function
 * of the user's code, a flagged function, a finding's place, a rule that has findings. Help lists
 * them; an unanswerable question gets the ones closest to it.
 */
import * as path from 'node:path';
import { shortName } from '../profiles/locate';
import { displayPath } from './draft';
import type { ConsoleModel } from './model';
import { functionRow, topFunctions } from './profile-figures';
import { rankWork } from './ranking';
import { RULE_ALIASES } from './question/rule-aliases';

export interface WorkspaceExamples {
  /** The hottest function of the user's own code that a rule flags (else the hottest by self). */
  hotFunction?: string;
  /** The file that function is in. */
  hotFile?: string;
  /** The function of the first finding in the ranking. */
  flaggedFunction?: string;
  /** The rule with the most findings. */
  rule?: string;
  /** `javascript/report.js:7`: where the first finding in the ranking is. */
  findingPlace?: string;
  /** The file name with the most findings. */
  file?: string;
}

export function workspaceExamples(model: ConsoleModel): WorkspaceExamples {
  const examples: WorkspaceExamples = {};
  const mp = model.profile;
  if (mp) {
    // The hottest function of the user's code that a rule flags, else the hottest by its own time.
    const flagged = new Set(model.findings.map((f) => `${f.file}\u0000${f.finding.function?.name}`));
    const named = (func: number) => {
      const row = functionRow(mp, func);
      return row.origin === 'ours' && /^[A-Za-z_$][\w$]*$/.test(shortName(row.name));
    };
    const [hot] = topFunctions(mp, 'total', 1, (func) => named(func) && flagged.has(`${functionRow(mp, func).file}\u0000${shortName(mp.profile.functions[func].name)}`));
    const chosen = hot ?? topFunctions(mp, 'self', 1, named)[0];
    if (chosen !== undefined) {
      examples.hotFunction = shortName(mp.profile.functions[chosen].name);
      const file = functionRow(mp, chosen).file;
      if (file) examples.hotFile = path.basename(file);
    }
  }
  const { measured, unmeasured } = rankWork(model, () => true);
  const first = [...measured, ...unmeasured].find((r) => r.kind === 'finding');
  if (first?.kind === 'finding') {
    examples.flaggedFunction = first.item.finding.function?.name;
    examples.findingPlace = `${displayPath(model, first.item.file)}:${first.item.finding.range.start.line + 1}`;
  }
  const byRule = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const { file, finding } of model.findings) {
    byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
    byFile.set(file, (byFile.get(file) ?? 0) + 1);
  }
  const most = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  examples.rule = most(byRule);
  const file = most(byFile);
  if (file) examples.file = path.basename(file);
  return examples;
}

/** How the findings of a rule are asked for: "n+1 queries", else "findings of RULE". */
function findingsOf(rule: string): string {
  const plural = RULE_ALIASES[rule]?.plural[0];
  return plural ? `list all ${plural}` : `list findings of ${rule}`;
}

/** Example questions for this workspace, the most useful first. */
export function exampleQuestions(model: ConsoleModel): string[] {
  const e = workspaceExamples(model);
  const questions = [
    'what should I fix first?',
    e.hotFunction ? `why is ${e.hotFunction} slow?` : e.flaggedFunction ? `why is ${e.flaggedFunction} slow?` : undefined,
    model.profile ? 'top 5 hotspots' : undefined,
    e.findingPlace ? `how do I fix the finding at ${e.findingPlace}?` : undefined,
    e.rule ? `explain ${e.rule}` : undefined,
    e.rule ? findingsOf(e.rule) : undefined,
    e.file ? `findings in ${e.file}` : undefined,
    model.profile ? 'profile summary' : undefined,
    model.profile ? 'how much time is spent in my own code?' : undefined,
    'what regressed since the baseline?',
    model.benchmarks ? 'which benchmarks got slower?' : undefined,
  ];
  return questions.filter((q): q is string => q !== undefined);
}

function wordsOf(question: string): Set<string> {
  return new Set(question.toLowerCase().split(/[^a-z0-9_+.-]+/).filter((w) => w.length > 2));
}

/** The example questions sharing the most words with `question`, in their usual order on ties. */
export function closestQuestions(model: ConsoleModel, question: string, count = 3): string[] {
  const asked = wordsOf(question);
  const same = (q: string) => q.toLowerCase().replace(/\W+/g, ' ').trim() === question.toLowerCase().replace(/\W+/g, ' ').trim();
  return exampleQuestions(model)
    .filter((q) => !same(q))
    .map((q, order) => ({ q, order, shared: [...wordsOf(q)].filter((w) => asked.has(w)).length }))
    .sort((a, b) => b.shared - a.shared || a.order - b.order)
    .slice(0, count)
    .map((s) => s.q);
}
