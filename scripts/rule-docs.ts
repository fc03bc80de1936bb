/**
 * Renders the rule documentation from the rules' metadata: one page per rule, an index with the
 * peer rules of other tools, the rule table in the README and the `hotpath.rules` setting schema.
 * scripts/generate-docs.ts writes them; test/unit/docs-fresh.test.ts fails when they are stale.
 */
import { quickFixTitles } from '../server/src/fixes';
import { RULES } from '../server/src/rules';
import type { RuleMeta } from '../server/src/rules/rule';
import type { LanguageId } from '../server/src/syntax/languages';

const LANGUAGE_NAMES: Record<LanguageId, string> = {
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  go: 'Go',
  java: 'Java',
};

function languages(meta: RuleMeta): string {
  return meta.languages.map((l) => LANGUAGE_NAMES[l]).join(', ');
}

/** The page's "Quick fix" section: what the fix does, and its title in the editor per language. */
function quickFixSection(meta: RuleMeta): string[] {
  if (!meta.quickFix) return [];
  const titles = quickFixTitles(meta.id);
  const rows = meta.languages.filter((l) => titles[l]).map((l) => `| ${LANGUAGE_NAMES[l]} | ${titles[l]} |`);
  return [
    '## Quick fix',
    '',
    meta.quickFix,
    '',
    'The editor offers it on the finding\'s light bulb, titled:',
    '',
    '| Language | Code action |',
    '|---|---|',
    ...rows,
    '',
    'A title ending in "(check …)" marks a fix that may change what the code does in some cases: it is not the preferred fix, so editors never apply it on their own (see [Quick fixes](../quick-fixes.md)).',
    '',
  ];
}

/** "info", or "off (info when turned on)" for a rule off by default. */
function defaultSeverity(meta: RuleMeta): string {
  return meta.offByDefault ? `off (${meta.severity} when turned on)` : meta.severity;
}

export function rulePage(meta: RuleMeta): string {
  const lines = [
    `<!-- Generated from server/src/rules/${meta.id}.ts by \`npm run docs\`. Do not edit. -->`,
    `# ${meta.id}`,
    '',
    `**${meta.title}**`,
    '',
    `| Languages | Default severity | Confidence |`,
    `|---|---|---|`,
    `| ${languages(meta)} | ${defaultSeverity(meta)} | ${meta.confidence} |`,
    '',
    ...(meta.offByDefault ? ['## Off by default', '', meta.offByDefault, ''] : []),
    '## Why it is slow',
    '',
    meta.why,
    '',
    '## What to write instead',
    '',
    meta.fix,
    '',
    ...quickFixSection(meta),
    '## Examples',
  ];
  for (const language of meta.languages) {
    const example = meta.examples[language];
    if (!example) continue;
    lines.push('', `### ${LANGUAGE_NAMES[language]}`, '', 'Flagged:', '', '```' + language, example.flagged, '```', '', 'Instead:', '', '```' + language, example.useInstead, '```');
  }
  if (meta.peers?.length) {
    lines.push('', '## Similar rules in other tools', '', ...meta.peers.map((p) => `- ${p}`));
  }
  if (meta.references.length) {
    lines.push('', '## References', '', ...meta.references.map((r) => `- [${r.title}](${r.url})`));
  }
  const configuration = meta.offByDefault
    ? ['Turn the rule on, at its severity or another, in your settings:', '', '```json', `"hotpath.rules": { "${meta.id}": "${meta.severity}" }`, '```']
    : ['Turn the rule off or change its severity in your settings:', '', '```json', `"hotpath.rules": { "${meta.id}": "off" }`, '```'];
  lines.push('', '## Configuration', '', ...configuration, '');
  return lines.join('\n');
}

/** The table of rules, with links relative to `linkBase` (for the README or docs/rules/). */
export function ruleTable(linkBase: string): string {
  const rows = RULES.map(({ meta }) => `| [\`${meta.id}\`](${linkBase}${meta.id}.md) | ${meta.title} | ${languages(meta)} | ${defaultSeverity(meta)} | ${meta.quickFix ? 'yes' : '—'} |`);
  return ['| Rule | What it flags | Languages | Severity | Quick fix |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function rulesIndex(): string {
  const peers = RULES.map(({ meta }) => `| \`${meta.id}\` | ${(meta.peers ?? []).join('; ') || '—'} |`);
  return [
    '<!-- Generated from the rules\' metadata by `npm run docs`. Do not edit. -->',
    '# Rules',
    '',
    ruleTable(''),
    '',
    '## Corresponding rules in other tools',
    '',
    '| Rule | Peers |',
    '|---|---|',
    ...peers,
    '',
  ].join('\n');
}

export const README_START = '<!-- rules:start -->';
export const README_END = '<!-- rules:end -->';

/** The README with its generated rule table replaced. */
export function readmeWithRules(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} section`);
  return `${readme.slice(0, start + README_START.length)}\n${ruleTable('docs/rules/')}\n${readme.slice(end)}`;
}

/** The JSON schema of the `hotpath.rules` setting: one property per rule. */
export function rulesSettingSchema(): Record<string, unknown> {
  const levels = ['default', 'off', 'error', 'warning', 'info', 'hint'];
  return Object.fromEntries(
    RULES.map(({ meta }) => [
      meta.id,
      { type: 'string', enum: levels, default: 'default', markdownDescription: `${meta.title} (default: ${defaultSeverity(meta)}).` },
    ]),
  );
}
