/**
 * SARIF rule descriptors: Hotpath's rules from their metadata (what the docs and hovers are
 * generated from), and the rules of other tools from what their imported findings carry.
 */
import type * as sarif from 'sarif';
import type { Finding, Severity } from '../findings';
import { ruleDocUri } from '../rule-docs';
import type { RuleMeta } from '../rules/rule';

export const LEVELS: Record<Severity, sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Markdown as plain text: code marks, emphasis and links reduced to their words. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .trim();
}

/** The rule's help as markdown: why it is slow, what to write instead, examples, references. */
function helpMarkdown(meta: RuleMeta): string {
  const parts = [`**Why it is slow.** ${meta.why}`, `**Instead.** ${meta.fix}`];
  for (const language of meta.languages) {
    const example = meta.examples[language];
    if (example) parts.push(`Flagged (${language}):\n\n\`\`\`${language}\n${example.flagged}\n\`\`\`\n\nInstead:\n\n\`\`\`${language}\n${example.useInstead}\n\`\`\``);
  }
  if (meta.references.length > 0) parts.push(meta.references.map((r) => `- [${r.title}](${r.url})`).join('\n'));
  return parts.join('\n\n');
}

/** `n-plus-one-query` → `NPlusOneQuery`: SARIF's readable rule name. */
function pascalName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

export function hotpathRule(meta: RuleMeta): sarif.ReportingDescriptor {
  return {
    id: meta.id,
    name: pascalName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: plainText(meta.why), markdown: meta.why },
    help: { text: `${plainText(meta.why)} Instead: ${plainText(meta.fix)}`, markdown: helpMarkdown(meta) },
    helpUri: ruleDocUri(meta.id),
    defaultConfiguration: meta.offByDefault ? { enabled: false, level: LEVELS[meta.severity] } : { level: LEVELS[meta.severity] },
    properties: { tags: ['performance', ...meta.languages], precision: meta.confidence },
  };
}

/** Descriptors of another tool's rules, one per rule id among its findings, with their index. */
export function externalRules(findings: readonly Finding[]): { rules: sarif.ReportingDescriptor[]; index: Map<string, number> } {
  const rules: sarif.ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  for (const { ruleId, source } of findings) {
    if (index.has(ruleId)) continue;
    index.set(ruleId, rules.length);
    rules.push({
      id: ruleId,
      ...(source?.ruleName ? { name: source.ruleName } : {}),
      ...(source?.description ? { shortDescription: { text: source.description } } : {}),
      ...(source?.help ? { help: { text: plainText(source.help), markdown: source.help } } : {}),
      ...(source?.helpUri ? { helpUri: source.helpUri } : {}),
    });
  }
  return { rules, index };
}
