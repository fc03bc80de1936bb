/**
 * Answers render safely: names from a profile, messages and code from source files come out as
 * text in a real markdown renderer (markdown-it, with raw HTML allowed, as a careless webview
 * might configure it), never as HTML. The profile is hand-made: folded stacks whose frames are
 * named `<img src=x onerror=alert(1)>` and `</script><script>alert(2)</script>`.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { ask } from '../../../server/src/console/ask';
import { code, codeBlock, link, text } from '../../../server/src/console/markdown';
import type { ConsoleModel } from '../../../server/src/console/model';
import { removeWorkspace } from '../../helpers/lsp-harness';
import { scratchModel } from './examples-model';
import { HOSTILE_WORKSPACE, IMG, LINK, SCRIPT } from './hostile-workspace';

const renderer = new MarkdownIt({ html: true, linkify: true });
// As the console webview will: links to workspace files and to web pages, nothing else.
renderer.validateLink = (url) => /^(file|https?):/i.test(url);

/** What a webview would put in the page, and the checks that nothing in it is active. */
function assertInert(markdown: string, label: string): string {
  const html = renderer.render(markdown);
  assert.ok(!/<img\b/i.test(html), `${label}: an <img> element in\n${html}`);
  assert.ok(!/<script\b/i.test(html) && !/<\/script>/i.test(html), `${label}: a script element in\n${html}`);
  assert.ok(!/href="javascript:/i.test(html), `${label}: a javascript: link in\n${html}`);
  // Text's `<` comes out as `&lt;`, so any `<` left opens a real element.
  assert.ok(!/<[^>]*\son\w+\s*=/i.test(html), `${label}: an event handler attribute in\n${html}`);
  return html;
}

describe('safe markdown', () => {
  let dir: string;
  let model: ConsoleModel;
  before(async () => {
    ({ dir, model } = await scratchModel(HOSTILE_WORKSPACE, 'hostile.folded'));
  });
  after(() => removeWorkspace(dir));

  it('shows hostile function names of a profile as text in every answer', () => {
    const questions = ['top 5 hotspots', 'profile summary', 'what should I fix first?', `why is \`${IMG}\` slow?`, 'why is main slow?', 'help', 'list all findings', 'how do I fix the finding at app.js:5?'];
    for (const q of questions) {
      const answer = ask(q, model);
      const html = assertInert(answer.markdown, q);
      if (q === 'top 5 hotspots') {
        assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
        assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;'), html);
      }
      for (const followUp of answer.followUps) assertInert(followUp, `${q} → ${followUp}`);
    }
  });

  it('finds the function by its hostile name and still answers in text', () => {
    const answer = ask(`why is \`${IMG}\` slow?`, model);
    assert.equal(answer.intent, 'whySlow');
    assert.ok(answer.markdown.includes('took **60.0% of CPU samples in hostile.folded** (60 samples)'), answer.markdown);
    assertInert(answer.markdown, 'why');
  });

  it('escapes text, code spans, code blocks and link labels whatever they hold', () => {
    const hostile = [IMG, SCRIPT, LINK, '**bold** _em_ `tick` ``two``', '<a href="javascript:alert(4)">x</a>', '&lt;img src=x&gt;', '1. not a list', '# not a heading'];
    for (const value of hostile) {
      for (const markdown of [text(value), code(value), codeBlock(value, 'js'), link(value, 'file:///tmp/a(b).js#L1')]) {
        assertInert(markdown, value);
      }
      assert.equal(renderer.renderInline(text(value)), renderer.utils.escapeHtml(value.replace(/\s+/g, ' ')), `text(${value})`);
      assert.equal(renderer.renderInline(code(value)), `<code>${renderer.utils.escapeHtml(value)}</code>`, `code(${value})`);
    }
  });

  it('keeps a link destination inside its parentheses', () => {
    const html = renderer.renderInline(link('a.js:1', 'file:///tmp/x) [y](javascript:alert(5).js#L1'));
    assert.equal((html.match(/<a /g) ?? []).length, 1, html);
    assert.ok(!html.includes('href="javascript:'), html);
  });
});
