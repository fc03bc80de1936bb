/**
 * How to fix one finding, as answers show it: the flagged code and its rewrite with the code's
 * own names when a rewriter can make it safely, else the rule's example labelled as such; and
 * whether the editor offers a quick fix for it, by the title the light bulb shows, with an action
 * that applies it from the console.
 */
import { pathToFileURL } from 'node:url';
import { grammarForPath, type LanguageId } from '../syntax/languages';
import { displayPath, type AnswerDraft } from './draft';
import { blocks, bold, bullets, code, codeBlock, link, text } from './markdown';
import { HOTPATH_TOOL, type SourcedFinding } from './model';
import { messageMarkdown } from './phrases';
import { findingFixes } from './rewrite-finding';
import type { QuickFix } from '../fixes';
import { LANGUAGE_TITLES } from './scope';

export const NO_QUICK_FIX = 'Quick fix: none — Hotpath offers no code action for this finding, so the change is made by hand.';

/** The quick-fix line of an answer: the action's title, and whether an editor may apply it on its own. */
function quickFixLine(fix: QuickFix | undefined): string {
  if (!fix) return NO_QUICK_FIX;
  const how = fix.preferred
    ? 'it keeps what the code does, so it is the preferred fix (Auto Fix and the fix-all apply it)'
    : 'it may change what the code does in some cases, so it is never applied automatically: check before you choose it';
  return `Quick fix: ${bold(text(fix.title))} — on the finding's light bulb in the editor; ${how}.`;
}

export function fixSection(d: AnswerDraft, item: SourcedFinding): string {
  const { model } = d;
  const language = grammarForPath(item.file)?.language ?? '';
  if (item.tool !== HOTPATH_TOOL) {
    d.source('tool', item.tool);
    const rule = model.externalRules.find((r) => r.id === item.finding.ruleId && r.tool === item.tool);
    return blocks(
      `${text(item.tool)} reported this finding; I have no rewrite for other tools' rules.`,
      rule?.helpUri ? `The tool's help: ${link(rule.title ?? rule.id, rule.helpUri)}` : undefined,
      NO_QUICK_FIX,
    );
  }
  const { rewrite, quickFix } = findingFixes(model, item);
  const quickFixNote = quickFixLine(quickFix);
  if (quickFix) {
    const where = `${displayPath(model, item.file)}:${item.finding.range.start.line + 1}`;
    d.action({ kind: 'applyQuickFix', label: `Apply quick fix at ${where}: ${quickFix.title}`, uri: pathToFileURL(item.file).href, range: item.finding.range, title: quickFix.title });
  }
  if (rewrite) {
    const span = `${item.file}`;
    const first = d.atLine(span, rewrite.startLine);
    const range = rewrite.endLine > rewrite.startLine ? `${first}–${rewrite.endLine + 1}` : first;
    return blocks(
      `${bold('Before')} (${range}):`,
      codeBlock(rewrite.before, language),
      `${bold('After')} (your code, rewritten):`,
      codeBlock(rewrite.after, language),
      bullets(rewrite.notes.map(messageMarkdown)),
      quickFixNote,
    );
  }
  const rule = model.rules.find((r) => r.id === item.finding.ruleId);
  const examples = rule ? Object.entries(rule.examples) : [];
  const [exampleLanguage, example] = examples.find(([l]) => l === language) ?? examples[0] ?? [];
  if (!rule || !example || !exampleLanguage) return quickFixNote;
  d.source('rule', rule.id);
  return blocks(
    `I can't rewrite this case of ${code(rule.id)} safely, so here is the ${bold(`rule's example`)} (not your code) in ${text(LANGUAGE_TITLES[exampleLanguage as LanguageId] ?? exampleLanguage)}:`,
    codeBlock(example.flagged, exampleLanguage),
    'Written the fast way:',
    codeBlock(example.useInstead, exampleLanguage),
    quickFixNote,
  );
}
