/**
 * Building markdown that is safe to render: text from outside (profiles, SARIF logs, source
 * files) is escaped or put in code spans and code blocks, which renderers show literally.
 * Answers are made of these pieces only, so the terminal renderer (render-text.ts) has a small,
 * known subset of markdown to read back.
 */

/** Characters that could open markdown or HTML constructs inside a line of text. */
const SPECIAL = /[\\`*_[\]<>&|~!#$]/g;

/** Plain text on one line: every character that could start markdown or HTML is backslash-escaped. */
export function text(value: string): string {
  const escaped = value.replace(/\s+/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
  // At the start of a line these would open a list item or underline a heading.
  return escaped.replace(/^([-+=])(?=\s|$)/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Text as an inline code span, whatever backticks it holds. */
export function code(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block, fenced longer than any backtick run inside it. */
export function codeBlock(body: string, language = ''): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language.replace(/[^\w+-]/g, '')}\n${body.replace(/\n+$/, '')}\n${fence}`;
}

/** Characters a link destination cannot hold as they are. */
const UNSAFE_IN_DESTINATION = /[()<>\s\\`"']/g;

/** A link; the label is text (escaped here), the target a URL of ours (file URIs, rule references). */
export function link(label: string, href: string): string {
  const safe = href.replace(UNSAFE_IN_DESTINATION, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${text(label)}](${safe})`;
}

export function bold(markdown: string): string {
  return `**${markdown}**`;
}

export function heading(markdown: string): string {
  return `### ${markdown}`;
}

/** A bulleted list of markdown items, one line each. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** A numbered list of markdown items, one line each. */
export function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

/** Blocks separated by blank lines; empty blocks are left out. */
export function blocks(...parts: ReadonlyArray<string | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
}
