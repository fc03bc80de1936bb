/**
 * "help", "what can you answer?": what the console can answer, with example questions made from
 * this workspace's real functions, files and rules, and what data it has loaded.
 */
import type { Answer } from '../answer';
import { AnswerDraft } from '../draft';
import type { IntentInput } from '../intent-input';
import { blocks, bold, bullets, code, heading } from '../markdown';
import { HOTPATH_TOOL } from '../model';
import { exampleQuestions, workspaceExamples } from '../suggestions';

export function help(input: IntentInput): Answer {
  const { model } = input;
  const d = new AnswerDraft(model);
  const e = workspaceExamples(model);
  const files = new Set(model.findings.map((f) => f.file)).size;
  const tools = [...new Set(model.findings.map((f) => f.tool).filter((t) => t !== HOTPATH_TOOL))];
  const loaded = [
    `${model.findings.length} ${model.findings.length === 1 ? 'finding' : 'findings'} in ${files} ${files === 1 ? 'file' : 'files'}${tools.length > 0 ? ` (also from ${tools.map((t) => code(t)).join(', ')})` : ''}`,
    model.profile ? `the profile ${code(model.profile.name)}` : 'no profile',
    model.benchmarks ? 'benchmark results' : undefined,
  ]
    .filter(Boolean)
    .join(' and ');
  const q = (question: string) => code(question);
  const fn = e.hotFunction ?? e.flaggedFunction ?? 'loadCustomers';
  const rule = e.rule ?? model.rules[0]?.id ?? 'n-plus-one-query';
  const items = [
    `${bold('Hotspots')}: ${q('top 5 hotspots')}, ${q('top 10 by total')}${e.hotFile ? `, ${q(`hottest functions in ${e.hotFile}`)}` : ''}`,
    `${bold('What to fix first')}, ranked by measured share × the pattern's cost: ${q('what should I fix first?')}`,
    `${bold('Why a function is slow')}: ${q(`why is ${fn} slow?`)}, or ${q('why is this slow?')} with the cursor in it`,
    `${bold('How to fix a finding')}, with your code rewritten: ${q(e.findingPlace ? `how do I fix the finding at ${e.findingPlace}?` : 'how do I fix this?')}`,
    `${bold('Rules')}: ${q(`explain ${rule}`)}, ${q('list all n+1 queries')}`,
    `${bold('The profile')}: ${q('profile summary')}, ${q('how much time is spent in my own code?')}`,
    `${bold('Changes since a baseline')}: ${q('what regressed since the baseline?')}`,
    `${bold('Benchmarks')} of a base and a current run${model.benchmarks ? ` (${code(model.benchmarks.comparison.base.source)} → ${code(model.benchmarks.comparison.current.source)})` : ''}: ${q('which benchmarks got slower?')}`,
  ];
  d.followUp(...exampleQuestions(model));
  if (!model.profile) d.action({ kind: 'importProfile', label: 'Import a profile…' });
  return d.finish(
    input.question,
    'help',
    blocks(
      heading('What I can answer'),
      `I answer from what is loaded here — ${loaded} — and name the source of every figure. Ask, for example:`,
      bullets(items),
    ),
  );
}
