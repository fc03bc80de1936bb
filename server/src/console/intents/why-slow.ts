/**
 * "why is loadCustomers slow?", "why is this slow?": the function's measured share, its hot
 * lines, what it calls and who calls it, the findings inside it (with the measured call each one
 * repeats) and the findings in what it calls, across files.
 */
import { formatPercent, formatValue, shareOf } from '../../profiles/format';
import { shortName } from '../../profiles/locate';
import type { Answer } from '../answer';
import { findingsBelow, measuredCalls, repeatedCallees } from '../call-chain';
import { cannotAnswer } from '../cannot-answer';
import { AnswerDraft, displayPath } from '../draft';
import { functionAtContext, FunctionTarget, functionTargets } from '../function-target';
import type { IntentInput } from '../intent-input';
import { blocks, bold, bullets, code, heading, text } from '../markdown';
import type { ConsoleModel, MeasuredProfile } from '../model';
import { findingRef, functionRef, noProfile, profileLine } from '../phrases';
import { functionRow } from '../profile-figures';

const TOP = 5;

/** The functions asked about: named in the question, else the one at the editor's cursor. */
export function targetsOf(input: IntentInput): FunctionTarget[] | string {
  const { model, parsed, context } = input;
  const { subjects } = parsed;
  if (subjects.functions.length > 0 && !subjects.this) return functionTargets(model, subjects.functions, subjects.files);
  const at = functionAtContext(model, context);
  if (!at) {
    if (subjects.unresolved.length > 0) return `I found no function named ${subjects.unresolved.map((u) => code(u)).join(' or ')} in the profile or among the findings.`;
    return context ? 'The cursor is not inside a function I can read.' : 'Which function? Name it (`why is loadCustomers slow?`) or put the cursor in it.';
  }
  if (!at.source.name) return 'The cursor is in an anonymous function; name the function around it instead.';
  const targets = functionTargets(model, [at.source.name], [at.file]);
  return targets.length > 0 ? targets : [{ name: at.source.name, file: at.file, source: at.source, findings: [] }];
}

function measuredPart(d: AnswerDraft, mp: MeasuredProfile, target: FunctionTarget, func: number): string {
  const row = functionRow(mp, func);
  const unit = mp.heat.source.unit;
  const lines = [...(mp.stats.lines[func] ?? [])].filter(([line, v]) => line > 0 && v > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, TOP);
  const hotLines = lines.map(([line, value]) => {
    const at = target.file ? d.atLine(target.file, line - 1) : `line ${line}`;
    return `${at} — ${formatPercent((value / mp.stats.grand) * 100)} (${text(formatValue(value, unit))})`;
  });
  const callees = measuredCalls(mp, func, 'callees', TOP).map((c) => `${functionRef(d, functionRow(mp, c.func))} — ${formatPercent(c.percent)}`);
  const callers = measuredCalls(mp, func, 'callers', TOP).map((c) => `${functionRef(d, functionRow(mp, c.func))} — ${formatPercent(c.percent)}`);
  return blocks(
    profileLine(d, mp),
    `${functionRef(d, row)} took ${bold(text(shareOf(row.totalPercent, mp.heat.source)))} (${text(formatValue(row.total, unit))}) with what it calls, and ${formatPercent(row.selfPercent)} (${text(formatValue(row.self, unit))}) in its own code.`,
    hotLines.length > 0 ? `${bold('Hot lines')} (its own code):` : undefined,
    bullets(hotLines),
    callees.length > 0 ? `${bold('What it calls')} (value of those calls, share of the profile):` : undefined,
    bullets(callees),
    callers.length > 0 ? `${bold('Called by')}:` : undefined,
    bullets(callers),
  );
}

function findingsPart(d: AnswerDraft, model: ConsoleModel, target: FunctionTarget): string | undefined {
  const mp = model.profile;
  const items = target.findings.map((item) => {
    const repeated = mp && target.func !== undefined ? repeatedCallees(model, mp, target.func, item) : [];
    const chain = repeated.map((c) => `${functionRef(d, functionRow(mp!, c.func))}: ${text(shareOf(c.percent, mp!.heat.source))}`);
    return chain.length > 0 ? `${findingRef(d, item)} — the measured calls it makes: ${chain.join('; ')}` : findingRef(d, item);
  });
  if (items.length === 0) return `No rule flags anything inside ${code(target.name)}.`;
  return blocks(`${bold('Findings inside it')}:`, bullets(items));
}

function belowPart(d: AnswerDraft, model: ConsoleModel, target: FunctionTarget): string | undefined {
  const mp = model.profile;
  if (!mp || target.func === undefined) return undefined;
  const below = findingsBelow(model, mp, target.func);
  if (below.length === 0) return undefined;
  const items = below.map((b) => `in ${functionRef(d, functionRow(mp, b.func))}${b.depth > 1 ? ` (${b.depth} calls down)` : ''}: ${findingRef(d, b.item)}`);
  return blocks(`${bold('Findings in what it calls')}:`, bullets(items));
}

export function whySlow(input: IntentInput): Answer {
  const { model } = input;
  const d = new AnswerDraft(model);
  const targets = targetsOf(input);
  if (typeof targets === 'string') return cannotAnswer(input, targets, d);
  if (targets.length === 0) {
    return cannotAnswer(input, `I found no function named ${input.parsed.subjects.functions.map((f) => code(f)).join(' or ')} in the profile or among the findings.`, d);
  }
  const [target, ...others] = targets;
  const mp = model.profile;
  const measured = mp && target.func !== undefined;
  const where = target.file && target.source ? ` (${d.atLine(target.file, target.source.startLine)})` : '';
  let measuredText: string;
  if (measured) measuredText = measuredPart(d, mp!, target, target.func!);
  else if (mp) {
    d.source('profile', mp.name);
    const covers = target.file !== undefined && mp.heat.files.has(target.file);
    const reason = target.file && !covers ? `: it has nothing from ${code(displayPath(model, target.file))}` : covers ? ', though it measured other code of its file' : '';
    measuredText = `${code(mp.name)} recorded nothing in ${code(target.name)}${reason}, so I have no measured figures for it.`;
  } else measuredText = noProfile(d);
  const first = target.findings[0];
  if (first) d.followUp(`how do I fix the finding at ${displayPath(model, first.file)}:${first.finding.range.start.line + 1}?`);
  if (measured) {
    const [callee] = measuredCalls(mp!, target.func!, 'callees', 1);
    const row = callee && functionRow(mp!, callee.func);
    if (row?.origin === 'ours') d.followUp(`why is ${shortName(row.name)} slow?`);
  }
  d.followUp('what should I fix first?', 'top 5 hotspots');
  const alternatives = others.slice(0, TOP).map((t) => (t.func !== undefined && mp ? functionRef(d, functionRow(mp, t.func)) : t.file ? `${code(t.name)} (${d.atLine(t.file, t.source?.startLine ?? t.findings[0]?.finding.range.start.line ?? 0)})` : code(t.name)));
  return d.finish(
    input.question,
    'whySlow',
    blocks(
      heading(`${measured ? 'Why' : 'What I know about'} ${code(target.name)}${measured ? ' is slow' : ''}`),
      where ? `${code(target.name)}${where}` : undefined,
      measuredText,
      findingsPart(d, model, target),
      belowPart(d, model, target),
      alternatives.length > 0 ? `Other functions with this name: ${alternatives.join(', ')}.` : undefined,
    ),
  );
}
