/**
 * The console webview's renderer (client/src/console/answer-markdown.ts) puts answers in the page
 * as text: function names such as `<img src=x onerror=alert(1)>` and `</script>` from a profile
 * create no element, links survive only when they are the file ranges the answer gave, and a
 * model's text (which may hold anything) keeps no link at all. Checked on real answers of the
 * engine over a hand-made hostile profile, and on hostile markdown written directly.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { renderMarkdown, LINK_INDEX_ATTRIBUTE } from '../../../client/src/console/answer-markdown';
import { ask } from '../../../server/src/console/ask';
import type { ConsoleModel } from '../../../server/src/console/model';
import { removeWorkspace } from '../../helpers/lsp-harness';
import { scratchModel } from '../console/examples-model';
import { HOSTILE_WORKSPACE, IMG, SCRIPT } from '../console/hostile-workspace';

/** The elements the renderer may create; anything else came from the input. */
const ALLOWED_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'code', 'pre', 'div', 'button', 'a', 'ul', 'ol', 'li', 'br', 'hr', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's']);

/** Every tag of the HTML with its attributes. Text's `<` is escaped, so each `<` left opens a real tag. */
function tags(html: string): Array<{ name: string; attributes: string; closing: boolean }> {
  return [...html.matchAll(/<(\/?)([A-Za-z][\w-]*)([^>]*)>/g)].map((m) => ({ name: m[2].toLowerCase(), attributes: m[3], closing: m[1] === '/' }));
}

function assertInert(html: string, label: string): void {
  for (const tag of tags(html)) {
    assert.ok(ALLOWED_TAGS.has(tag.name), `${label}: a <${tag.name}> element in\n${html}`);
    assert.ok(!/\son\w+\s*=/i.test(tag.attributes), `${label}: an event handler on <${tag.name}> in\n${html}`);
    assert.ok(!/\ssrc\s*=/i.test(tag.attributes), `${label}: a src attribute on <${tag.name}> in\n${html}`);
    if (tag.name === 'a' && !tag.closing) {
      assert.match(tag.attributes, new RegExp(`^ href="#" class="file-link" ${LINK_INDEX_ATTRIBUTE}="\\d+"$`), `${label}: a link that is not one of the answer's in\n${html}`);
    }
  }
}

describe('the console webview renders answers as text', () => {
  let dir: string;
  let model: ConsoleModel;
  before(async () => {
    ({ dir, model } = await scratchModel(HOSTILE_WORKSPACE, 'hostile.folded'));
  });
  after(() => removeWorkspace(dir));

  it('shows function names <img src=x onerror=alert(1)> and </script><script>… of a profile as escaped text', () => {
    const answer = ask('top 5 hotspots', model);
    const html = renderMarkdown(answer.markdown, answer.links.map((l) => l.href));
    assertInert(html, 'top 5 hotspots');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
    assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;'), html);
    assert.ok(!html.includes('<img') && !html.includes('</script>'), html);
  });

  it('keeps every answer of the hostile workspace inert, with its file links', () => {
    for (const question of ['what should I fix first?', 'profile summary', `why is \`${IMG}\` slow?`, 'why is main slow?', 'help', 'list all findings']) {
      const answer = ask(question, model);
      const html = renderMarkdown(answer.markdown, answer.links.map((l) => l.href));
      assertInert(html, question);
      const indexes = [...html.matchAll(new RegExp(`${LINK_INDEX_ATTRIBUTE}="(\\d+)"`, 'g'))].map((m) => Number(m[1]));
      for (const i of indexes) assert.ok(i < answer.links.length, `${question}: link index ${i} of ${answer.links.length}`);
      if (question === 'what should I fix first?') {
        // The N+1 query at app.js:5 is linked, by its index in the answer's links.
        const first = answer.links.findIndex((l) => l.label === 'app.js:5');
        assert.ok(first >= 0, JSON.stringify(answer.links));
        assert.ok(html.includes(`<a href="#" class="file-link" ${LINK_INDEX_ATTRIBUTE}="${first}">app.js:5</a>`), html);
      }
    }
  });

  it('renders links the answer did not give, images and raw HTML as text', () => {
    const markdown = [
      `Raw: ${IMG} and ${SCRIPT}`,
      '[a page](https://example.com/track) [js](javascript:alert(3)) [ours](file:///w/app.js#L4) [command](command:workbench.action.terminal.new)',
      '![tracker](https://example.com/pixel.png)',
      '<https://example.com/auto>',
      '<div onclick="alert(4)">block</div>',
      '```js" onmouseover="alert(5)\nx\n```',
    ].join('\n\n');
    // A target the renderer must never keep, even when a (broken) answer lists it.
    const html = renderMarkdown(markdown, ['file:///w/app.js#L4', 'javascript:alert(3)']);
    assertInert(html, 'hostile markdown');
    assert.ok(html.includes('<a href="#" class="file-link" data-link-index="0">ours</a>'), html);
    for (const textLeft of ['a page', ' js ', ' command', '!tracker', 'https://example.com/auto', '&lt;div onclick=&quot;alert(4)&quot;&gt;block&lt;/div&gt;']) {
      assert.ok(html.includes(textLeft), `"${textLeft}" is not in\n${html}`);
    }
    assert.ok(!html.includes('example.com/track') && !html.includes('pixel.png') && !html.includes('javascript:'), html);
    assert.ok(html.includes('<pre><code class="language-js">x\n</code></pre><button type="button" class="copy-button" aria-label="Copy code">Copy</button>'), html);
  });

  it('keeps no link at all in a model\'s text', () => {
    const html = renderMarkdown('See [report.js:7](file:///w/report.js#L7) and [docs](https://example.com).', []);
    assertInert(html, 'model text');
    assert.equal(html, '<p>See report.js:7 and docs.</p>\n');
  });
});
