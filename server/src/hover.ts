/**
 * Hover text for findings: the rule's explanation and the rewrite, from its metadata.
 */
import type { Finding, FindingSource, Position, Range } from './findings';
import { ruleById } from './rules';
import { ruleDocUri } from './rule-docs';
import type { LanguageId } from './syntax/languages';

function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

const FENCE: Record<LanguageId, string> = { python: 'python', javascript: 'javascript', typescript: 'typescript', go: 'go', java: 'java' };

/** Markdown from a log, without the images and HTML it might use to load things when shown. */
function inert(markdown: string): string {
  return markdown.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>/g, '');
}

/** Hover text for another tool's finding: what its log says of the rule. */
function externalHover(finding: Finding, source: FindingSource, withMessage: boolean): string {
  const parts = [`**${inert(source.ruleName ?? finding.ruleId)}** · \`${finding.ruleId.replace(/`/g, '')}\` · ${inert(source.tool)}`];
  if (withMessage) parts.push(inert(finding.message));
  if (source.description && source.description !== finding.message) parts.push(inert(source.description));
  if (source.help) parts.push(inert(source.help));
  if (source.helpUri) parts.push(`[Rule documentation](${source.helpUri})`);
  return parts.join('\n\n');
}

/** The markdown shown when hovering over a finding; `withMessage` false leaves its message out. */
export function findingHover(finding: Finding, language: LanguageId | undefined, withMessage = true): string {
  if (finding.source) return externalHover(finding, finding.source, withMessage);
  const rule = ruleById(finding.ruleId);
  if (!rule) return finding.message;
  const { meta } = rule;
  const lang = language && meta.examples[language] ? language : (Object.keys(meta.examples)[0] as LanguageId | undefined);
  const example = lang ? meta.examples[lang] : undefined;
  const parts = [
    `**${meta.title}** · \`${meta.id}\``,
    ...(withMessage ? [finding.message] : []),
    `**Why it is slow.** ${meta.why}`,
    `**Instead.** ${meta.fix}`,
  ];
  if (example && lang) parts.push(`\`\`\`${FENCE[lang]}\n${example.useInstead}\n\`\`\``);
  parts.push(`[Rule documentation](${ruleDocUri(meta.id)})`);
  return parts.join('\n\n');
}

/** Hover markdown for the findings under a position, or undefined when there are none. */
export function hoverAt(
  findings: readonly Finding[],
  position: Position,
  language: LanguageId | undefined,
  withMessage = true,
): { markdown: string; range: Range } | undefined {
  const here = findings.filter((f) => contains(f.range, position));
  if (here.length === 0) return undefined;
  const markdown = here.map((f) => findingHover(f, language, withMessage)).join('\n\n---\n\n');
  return { markdown, range: here[0].range };
}
