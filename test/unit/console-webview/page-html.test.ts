/**
 * The console webview's page (client/src/console/page-html.ts): a strict policy, a script that
 * runs only by a nonce made fresh for each render, and no inline handlers or inline scripts.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consolePage } from '../../../client/src/console/page-html';

const RESOURCES = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/console.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/flame-graph.css'],
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/console-webview.js',
};

function policyOf(html: string): string {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(policy, `no Content-Security-Policy in\n${html}`);
  return policy;
}

function nonceOf(html: string): string {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, `one script expected in\n${html}`);
  const [, attributes, body] = scripts[0];
  assert.equal(body, '', 'the script is inline');
  assert.ok(attributes.includes(`src="${RESOURCES.scriptUri}"`), attributes);
  const nonce = /nonce="([^"]+)"/.exec(attributes)?.[1];
  assert.ok(nonce, `the script has no nonce: ${attributes}`);
  return nonce;
}

describe('the console page', () => {
  it('allows nothing by default, styles only from the extension, scripts only by its nonce', () => {
    const html = consolePage(RESOURCES);
    const nonce = nonceOf(html);
    assert.equal(
      policyOf(html),
      `default-src 'none'; style-src ${RESOURCES.cspSource}; script-src 'nonce-${nonce}'`,
    );
    for (const style of RESOURCES.styleUris) assert.ok(html.includes(`<link rel="stylesheet" href="${style}">`), html);
  });

  it('makes a fresh nonce of 128 random bits for every render', () => {
    const nonces = Array.from({ length: 50 }, () => nonceOf(consolePage(RESOURCES)));
    assert.equal(new Set(nonces).size, nonces.length, 'a nonce was used twice');
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16, nonce);
  });

  it('has no inline handlers, inline styles or javascript: URLs', () => {
    const html = consolePage(RESOURCES);
    assert.ok(!/\son[a-z]+\s*=/i.test(html), 'an inline event handler');
    assert.ok(!/\sstyle\s*=/i.test(html) && !/<style\b/i.test(html), 'an inline style');
    assert.ok(!/javascript:/i.test(html), 'a javascript: URL');
  });

  it('labels the tab strip, the transcript as a live log and the question input for screen readers', () => {
    const html = consolePage(RESOURCES);
    assert.ok(
      html.includes(
        '<div class="tabs" role="tablist" aria-label="Hotpath console">' +
          '<button type="button" role="tab" class="tab" id="tab-ask" data-tab="ask" aria-controls="panel-ask" aria-selected="true" tabindex="0">Ask</button>' +
          '<button type="button" role="tab" class="tab" id="tab-flame" data-tab="flame" aria-controls="panel-flame" aria-selected="false" tabindex="-1">Flame Graph</button></div>',
      ),
      html,
    );
    assert.ok(html.includes('<div id="transcript" class="transcript" role="log" aria-live="polite" aria-label="Questions and answers"></div>'), html);
    assert.ok(html.includes('<label for="question" class="visually-hidden">Ask about the code\'s performance</label>'), html);
  });

  it('has a Flame Graph tab whose panel, hidden at first, is an empty host for the graph the script mounts', () => {
    const html = consolePage(RESOURCES);
    assert.ok(html.includes('<section class="tab-panel" id="panel-flame" role="tabpanel" aria-labelledby="tab-flame" hidden>\n  <div id="flame-graph-root" class="flame-host"></div>\n</section>'), html);
  });

  it('escapes the resource URIs it is given', () => {
    const html = consolePage({ ...RESOURCES, styleUris: ['https://x/"><script>alert(1)</script>'] });
    assert.ok(html.includes('href="https://x/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'), html);
    nonceOf(html);
  });
});
