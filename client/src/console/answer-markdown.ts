/**
 * The console's markdown renderer: an answer's markdown (or a model's text) to HTML that is safe
 * to put in the webview's page.
 *
 * markdown-it runs with raw HTML off, so `<img src=x onerror=alert(1)>` or `</script>` in a
 * function name comes out as escaped text, wherever it stands. On top of that:
 * - a link is kept only when its target is one of the file ranges the answer gave; it then points
 *   nowhere itself (`href="#"`) and carries the link's index, which the webview sends to the host
 *   to open. Every other link (a model's, one in a profile's names) is rendered as its text.
 * - images are not rendered at all (their text stays), so an answer cannot load anything;
 * - code blocks get a copy button, and their language only names a CSS class of letters.
 *
 * No `vscode` import: the webview bundle and the unit tests use this file.
 */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** The attribute that carries a kept link's index in the answer's links. */
export const LINK_INDEX_ATTRIBUTE = 'data-link-index';

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable(['image']);
  // Every link target is let through to filterLinks, which keeps only the answer's own: markdown-it's
  // default check would refuse the `file:` targets that answers link to.
  md.validateLink = () => true;
  md.renderer.rules.fence = (tokens, index) => codeBlock(md, tokens[index].content, tokens[index].info);
  md.renderer.rules.code_block = (tokens, index) => codeBlock(md, tokens[index].content, '');
  return md;
}

function codeBlock(md: MarkdownIt, code: string, info: string): string {
  const language = /^[A-Za-z0-9_+-]{1,30}/.exec(info.trim())?.[0];
  const languageClass = language ? ` class="language-${language}"` : '';
  const body = md.utils.escapeHtml(code);
  return `<div class="code-block"><pre><code${languageClass}>${body}</code></pre><button type="button" class="copy-button" aria-label="Copy code">Copy</button></div>\n`;
}

let renderer: MarkdownIt | undefined;

/**
 * Keeps the links whose target is one of `hrefs`, as `href="#"` plus their index; drops the
 * others' link tokens, so that their text stays as text.
 */
function filterLinks(children: Token[], hrefs: readonly string[]): Token[] {
  const kept: Token[] = [];
  const open: boolean[] = [];
  for (const token of children) {
    if (token.type === 'link_open') {
      const href = token.attrGet('href') ?? '';
      const index = href.startsWith('file:') ? hrefs.indexOf(href) : -1;
      open.push(index >= 0);
      if (index < 0) continue;
      token.attrs = [
        ['href', '#'],
        ['class', 'file-link'],
        [LINK_INDEX_ATTRIBUTE, String(index)],
      ];
      kept.push(token);
    } else if (token.type === 'link_close') {
      if (open.pop()) kept.push(token);
    } else {
      if (token.children) token.children = filterLinks(token.children, hrefs);
      kept.push(token);
    }
  }
  return kept;
}

/** Renders `markdown` with only the links whose target is in `hrefs` kept (see above). */
export function renderMarkdown(markdown: string, hrefs: readonly string[]): string {
  renderer ??= createRenderer();
  const env = {};
  const tokens = renderer.parse(markdown, env);
  for (const token of tokens) {
    if (token.type === 'inline' && token.children) token.children = filterLinks(token.children, hrefs);
  }
  return renderer.renderer.render(tokens, renderer.options, env);
}
