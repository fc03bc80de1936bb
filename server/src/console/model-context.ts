/**
 * The grounded context a language model is given with a question, when the user has turned one
 * on: the engine's own answer, the measured figures of the function in question with the profile
 * they come from, the findings involved with the rule or tool that reported them, and the
 * function's code. Everything in it is taken from the model the answer was built from, so the
 * language model has figures to quote rather than to invent. It is plain text laid out as
 * markdown, shown to the user verbatim before anything is sent; paths are relative to the
 * workspace so that the user's home directory does not leave the machine.
 */
import { fileURLToPath } from 'node:url';
import { formatPercent, formatValue, shareOf } from '../profiles/format';
import { functionAtLine } from '../profiles/locate';
import { grammarForPath } from '../syntax/languages';
import type { Answer, IntentKind } from './answer';
import { displayPath } from './draft';
import { code } from './markdown';
import { FunctionTarget, functionTargets } from './function-target';
import type { IntentInput } from './intent-input';
import { targetsOf } from './intents/why-slow';
import { AskContext, ConsoleModel, HOTPATH_TOOL, MeasuredProfile, SourcedFinding } from './model';
import { formatTitle, functionRow, grandTotal } from './profile-figures';
import { parseQuestion } from './question/parse';

/** The function's code is cut past this many bytes (UTF-8), and the context says so. */
export const CODE_LIMIT = 8 * 1024;
/** The engine's answer is cut past this many bytes. */
export const ANSWER_LIMIT = 6 * 1024;
/** No context is longer than this many bytes, whatever its parts hold. */
export const MODEL_CONTEXT_LIMIT = 24 * 1024;
/** How many findings the context lists at most. */
const MAX_FINDINGS = 20;
/** A finding's message, or one line of code, is cut past this many characters. */
const MAX_LINE = 400;
/** How many hot lines of the function the context lists. */
const HOT_LINES = 5;
/** Answers whose first link is the place they are about; others (a rule's findings, help) list places alike. */
const RANKED: ReadonlySet<IntentKind> = new Set(['hotspots', 'fixFirst', 'fixFinding', 'whySlow', 'regressions']);

function bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** A value from outside on one line, cut to `max` characters. */
function oneLine(value: string, max = MAX_LINE): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A name from outside as an inline code span, on one line and cut. */
function name(value: string): string {
  return code(oneLine(value, 200));
}

/** Markdown links to workspace files, which hold absolute paths, read as their labels only. */
function withoutFileLinks(markdown: string): string {
  return markdown.replace(/\[((?:\\.|[^\]\\])*)\]\(file:[^)\s]*\)/g, '$1');
}

/** The text's first lines that fit in `limit` bytes, and how many lines were left out. */
function headLines(lines: readonly string[], limit: number): { kept: string[]; cut: number } {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const size = bytes(line) + 1;
    if (used + size > limit) break;
    kept.push(line);
    used += size;
  }
  return { kept, cut: lines.length - kept.length };
}

/**
 * The function the question is about: the one it names (or the one at the editor's cursor for
 * "this"), else, for answers that rank places, the one around the first place the answer points
 * at (the top hotspot, the finding to fix first, the largest regression).
 */
function focusOf(input: IntentInput, answer: Answer): FunctionTarget | undefined {
  const { subjects } = input.parsed;
  if (subjects.functions.length > 0 || subjects.this) {
    const targets = targetsOf(input);
    if (typeof targets !== 'string' && targets.length > 0) return targets[0];
  }
  if (!RANKED.has(answer.intent)) return undefined;
  for (const link of answer.links) {
    if (!link.uri.startsWith('file:')) continue;
    const file = fileURLToPath(link.uri);
    const fn = functionAtLine(input.model.sources.functions(file), link.range.start.line + 1);
    if (!fn?.name) continue;
    const [target] = functionTargets(input.model, [fn.name], [file]);
    return target ?? { name: fn.name, file, source: fn, findings: [] };
  }
  return undefined;
}

function profilePart(mp: MeasuredProfile): string {
  const { sampleCount, durationNanos, sampleType, unit } = mp.heat.source;
  const extras = [
    sampleCount !== undefined && unit !== 'samples' ? `${sampleCount.toLocaleString('en-US')} samples` : undefined,
    durationNanos !== undefined ? `recorded over ${formatValue(durationNanos, 'nanoseconds')}` : undefined,
  ].filter(Boolean);
  return `- Profile file ${name(mp.name)} (${formatTitle(mp)}, sample type ${name(sampleType)}): ${grandTotal(mp)}${extras.length ? `, ${extras.join(', ')}` : ''}.`;
}

function measuredPart(model: ConsoleModel, mp: MeasuredProfile, target: FunctionTarget): string[] {
  if (target.func === undefined) return [`- ${name(mp.name)} recorded nothing in ${name(target.name)}: there are no measured figures for it.`];
  const row = functionRow(mp, target.func);
  const unit = mp.heat.source.unit;
  const where = target.file ? ` in ${displayPath(model, target.file)}` : row.origin === 'ours' ? '' : ` (${row.origin} code)`;
  const lines = [
    `- ${name(target.name)}${where}: ${shareOf(row.totalPercent, mp.heat.source)} (${formatValue(row.total, unit)}) with what it calls; ${formatPercent(row.selfPercent)} (${formatValue(row.self, unit)}) in its own code. Source: profile file ${name(mp.name)}.`,
  ];
  const hot = [...(mp.stats.lines[target.func] ?? [])].filter(([line, v]) => line > 0 && v > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, HOT_LINES);
  for (const [line, value] of hot) {
    const at = target.file ? `${displayPath(model, target.file)}:${line}` : `line ${line}`;
    lines.push(`  - hot line ${at}: ${formatPercent((value / mp.stats.grand) * 100)} (${formatValue(value, unit)}) in its own code.`);
  }
  return lines;
}

function reporter(item: SourcedFinding): string {
  return item.tool === HOTPATH_TOOL ? `Hotpath rule ${name(item.finding.ruleId)}` : `rule ${name(item.finding.ruleId)} of the SARIF tool ${name(item.tool)}`;
}

/** The findings inside the function in question and those the answer points at, each once. */
function findingsInvolved(model: ConsoleModel, answer: Answer, target: FunctionTarget | undefined): SourcedFinding[] {
  const linked = new Set(answer.links.filter((l) => l.uri.startsWith('file:')).map((l) => `${fileURLToPath(l.uri)}\u0000${l.range.start.line}`));
  const inside = (item: SourcedFinding) => {
    const fn = target?.source;
    const line = item.finding.range.start.line;
    return target?.file === item.file && fn !== undefined && line >= fn.startLine && line <= fn.endLine;
  };
  const involved = new Set<SourcedFinding>(target?.findings ?? []);
  for (const item of model.findings) {
    if (inside(item) || linked.has(`${item.file}\u0000${item.finding.range.start.line}`)) involved.add(item);
  }
  return [...involved];
}

function findingsPart(model: ConsoleModel, items: readonly SourcedFinding[]): string[] {
  if (items.length === 0) return ['- No finding is involved.'];
  const lines = items.slice(0, MAX_FINDINGS).map(
    (item) => `- ${displayPath(model, item.file)}:${item.finding.range.start.line + 1} (${item.finding.severity}), reported by ${reporter(item)}: ${oneLine(item.finding.message)}`,
  );
  if (items.length > MAX_FINDINGS) lines.push(`- (cut: ${items.length - MAX_FINDINGS} more findings left out)`);
  return lines;
}

function codePart(model: ConsoleModel, target: FunctionTarget | undefined): string[] {
  if (!target?.file || !target.source) return ['No code: the question is not about one function of the workspace that I can read.'];
  const text = model.sources.text(target.file);
  if (text === undefined) return [`No code: ${displayPath(model, target.file)} cannot be read.`];
  const { startLine, endLine } = target.source;
  const all = text.split(/\r?\n/).slice(startLine, endLine + 1);
  const width = String(endLine + 1).length;
  const numbered = all.map((line, i) => `${String(startLine + i + 1).padStart(width)} | ${line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line}`);
  const { kept, cut } = headLines(numbered, CODE_LIMIT);
  const fence = '`'.repeat(Math.max(2, ...(kept.join('\n').match(/`+/g) ?? []).map((r) => r.length)) + 1);
  const language = grammarForPath(target.file)?.id ?? '';
  const lastKept = startLine + kept.length;
  return [
    `The code of ${name(target.name)} in ${displayPath(model, target.file)}, lines ${startLine + 1}–${endLine + 1}, as it is now (each line starts with its number):`,
    '',
    `${fence}${language}`,
    ...kept,
    fence,
    ...(cut > 0 ? ['', `(cut: lines ${lastKept + 1}–${endLine + 1}, ${cut} lines, left out to keep the code under ${CODE_LIMIT / 1024} KB)`] : []),
  ];
}

function answerPart(answer: Answer): string[] {
  const { kept, cut } = headLines(withoutFileLinks(answer.markdown).split('\n'), ANSWER_LIMIT);
  return [...kept, ...(cut > 0 ? ['', `(cut: the last ${cut} lines of the answer, to keep it under ${ANSWER_LIMIT / 1024} KB)`] : [])];
}

/**
 * The context block for a question the engine has answered: built from the same model and the
 * same editor context, so its figures are the answer's.
 */
export function buildModelContext(answer: Answer, model: ConsoleModel, context?: AskContext): string {
  const input: IntentInput = { question: answer.question, parsed: parseQuestion(answer.question, model), model, context };
  const target = focusOf(input, answer);
  const mp = model.profile;
  const sources = answer.sources.map((s) => `- ${s.kind === 'profile' ? 'profile file' : s.kind === 'rule' ? 'Hotpath rule' : 'SARIF tool'} ${name(s.name)}`);
  const parts = [
    '# Context from Hotpath',
    '',
    `Question: ${oneLine(answer.question, 2000)}`,
    '',
    "## Hotpath's answer (computed from the data below, without a language model)",
    '',
    ...answerPart(answer),
    '',
    '## Measured figures',
    '',
    ...(mp ? [profilePart(mp), ...(target ? measuredPart(model, mp, target) : [])] : ['- No profile is loaded: there are no measured figures.']),
    '',
    `## Findings involved${target ? ` (in ${name(target.name)} and in the answer)` : ' (in the answer)'}`,
    '',
    ...findingsPart(model, findingsInvolved(model, answer, target)),
    '',
    '## Sources of the figures and findings',
    '',
    ...(sources.length > 0 ? sources : ['- None: the answer states no figure.']),
    '',
    '## Code',
    '',
    ...codePart(model, target),
  ];
  const { kept, cut } = headLines(parts, MODEL_CONTEXT_LIMIT - 200);
  return [...kept, ...(cut > 0 ? ['', `(cut: the last ${cut} lines of this context, to keep it under ${MODEL_CONTEXT_LIMIT / 1024} KB)`] : [])].join('\n');
}
