/**
 * "explain n-plus-one-query", "what is an N+1 query?", "explain this" (on a finding): the rule's
 * metadata — why the pattern is slow, what to write instead, an example in the language the
 * workspace uses, its cost weight for ranking, references — and its findings here.
 */
import { grammarForPath, LanguageId } from '../../syntax/languages';
import type { Answer } from '../answer';
import { cannotAnswer } from '../cannot-answer';
import { AnswerDraft, displayPath } from '../draft';
import type { IntentInput } from '../intent-input';
import { blocks, bold, bullets, code, codeBlock, heading, link, text } from '../markdown';
import type { ConsoleModel } from '../model';
import { findingRef } from '../phrases';
import { pickFindings } from '../pick-findings';
import { RULE_ALIASES } from '../question/rule-aliases';
import { rankWork } from '../ranking';
import { ruleCost } from '../rule-costs';
import { contextFile, LANGUAGE_TITLES } from '../scope';

const LISTED = 5;

/** The language most of the rule's findings here are in, else the editor's file's. */
function languageFor(model: ConsoleModel, ruleId: string, contextFile?: string): LanguageId | undefined {
  const counts = new Map<LanguageId, number>();
  for (const f of model.findings) {
    const language = f.finding.ruleId === ruleId ? grammarForPath(f.file)?.language : undefined;
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const most = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return most ?? (contextFile ? grammarForPath(contextFile)?.language : undefined);
}

function ruleAsked(input: IntentInput): string | undefined {
  const [named] = input.parsed.subjects.rules;
  if (named) return named;
  return input.context ? pickFindings(input).items[0]?.finding.ruleId : undefined;
}

export function explainRule(input: IntentInput): Answer {
  const { model } = input;
  const d = new AnswerDraft(model);
  const id = ruleAsked(input);
  if (!id) return cannotAnswer(input, `Which rule? The rules are ${model.rules.map((r) => code(r.id)).join(', ')}.`, d);
  const order = rankWork(model, () => true);
  const findings = [...order.measured, ...order.unmeasured].flatMap((r) => (r.kind === 'finding' && r.item.finding.ruleId === id ? [r.item] : []));
  const listed = bullets(findings.slice(0, LISTED).map((f) => findingRef(d, f)));
  const here =
    findings.length === 0
      ? `${bold('In this workspace:')} no findings.`
      : blocks(`${bold('In this workspace:')} ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}.`, listed, findings.length > LISTED ? `…and ${findings.length - LISTED} more.` : undefined);
  const rule = model.rules.find((r) => r.id === id);
  if (!rule) {
    const external = model.externalRules.find((r) => r.id === id);
    if (!external && findings.length === 0) return cannotAnswer(input, `I know no rule ${code(id)}.`, d);
    const tool = external?.tool ?? findings[0].tool;
    d.source('tool', tool);
    return d.finish(
      input.question,
      'explainRule',
      blocks(
        heading(`${code(id)}${external?.title ? `: ${text(external.title)}` : ''}`),
        `A rule of ${text(tool)}, from its SARIF log.${external?.description ? ` ${text(external.description)}` : ' The log describes it no further.'}`,
        external?.helpUri ? `The tool's help: ${link(external.title ?? id, external.helpUri)}` : undefined,
        here,
      ),
    );
  }
  d.source('rule', rule.id);
  const language = languageFor(model, rule.id, contextFile(input.context)) ?? rule.languages[0];
  const example = rule.examples[language] ?? Object.values(rule.examples)[0];
  const exampleLanguage = rule.examples[language] ? language : (Object.keys(rule.examples)[0] as LanguageId);
  const cost = ruleCost(rule.id);
  const plural = RULE_ALIASES[rule.id]?.plural[0];
  if (findings[0]) d.followUp(`how do I fix the finding at ${displayPath(model, findings[0].file)}:${findings[0].finding.range.start.line + 1}?`);
  d.followUp(plural ? `list all ${plural}` : `list findings of ${rule.id}`, 'what should I fix first?');
  return d.finish(
    input.question,
    'explainRule',
    blocks(
      heading(`${code(rule.id)}: ${text(rule.title)}`),
      `Severity ${text(rule.severity)} · confidence ${text(rule.confidence)} · ${rule.languages.map((l) => text(LANGUAGE_TITLES[l])).join(', ')}`,
      `${bold('Why it is slow.')} ${rule.why}`,
      `${bold('What to write instead.')} ${rule.fix}`,
      example ? `${bold('Example')} in ${text(LANGUAGE_TITLES[exampleLanguage])}, flagged:` : undefined,
      example ? codeBlock(example.flagged, exampleLanguage) : undefined,
      example ? 'Written the fast way:' : undefined,
      example ? codeBlock(example.useInstead, exampleLanguage) : undefined,
      `${bold('Cost weight for ranking:')} ${cost.weight} — ${text(cost.reason)}.`,
      here,
      rule.references.length > 0 ? `${bold('References:')} ${rule.references.map((r) => link(r.title, r.url)).join(' · ')}` : undefined,
    ),
  );
}

