/**
 * The console webview's page: a static skeleton (tab strip, the Ask tab's transcript and input,
 * the Flame Graph tab's empty host), the stylesheets from the extension's media/ folder and the
 * bundled script from dist/, under a policy that allows nothing else. Nothing from an answer is ever written here: the transcript arrives by
 * postMessage once the script runs.
 *
 * No `vscode` import, so that tests can check the page as the webview gets it.
 */
import { escapeAttribute, freshNonce, webviewPageHtml } from '../webview-page';
import type { ConsoleTabId } from './messages';

export interface PageResources {
  /** The webview's `cspSource`: where the extension's own files are served from. */
  cspSource: string;
  /** URIs of media/console.css, media/flame-graph.css and dist/console-webview.js, as the webview sees them. */
  styleUris: readonly string[];
  scriptUri: string;
}

export interface ConsoleTab {
  id: ConsoleTabId;
  label: string;
}

/** The console's tabs, in the order of the tab strip; the first is selected when the page opens. */
export const CONSOLE_TABS: readonly ConsoleTab[] = [
  { id: 'ask', label: 'Ask' },
  { id: 'flame', label: 'Flame Graph' },
];

/** The Content-Security-Policy: the extension's stylesheet and the nonce'd script, nothing more (no images, fonts or connections). */
function policy(cspSource: string, nonce: string): string[] {
  return [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`];
}

function tabStrip(tabs: readonly ConsoleTab[]): string {
  const buttons = tabs.map(
    (tab, i) =>
      `<button type="button" role="tab" class="tab" id="tab-${tab.id}" data-tab="${tab.id}" aria-controls="panel-${tab.id}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${escapeAttribute(tab.label)}</button>`,
  );
  return `<div class="tabs" role="tablist" aria-label="Hotpath console">${buttons.join('')}</div>`;
}

/** The Ask tab's panel: the transcript (a live region), suggestions and the question input. */
function askPanel(): string {
  return `<section class="tab-panel" id="panel-ask" role="tabpanel" aria-labelledby="tab-ask">
  <div id="transcript" class="transcript" role="log" aria-live="polite" aria-label="Questions and answers"></div>
  <div id="suggestions" class="suggestions" aria-label="Suggested questions"></div>
  <form id="ask-form" class="ask-form">
    <label for="question" class="visually-hidden">Ask about the code's performance</label>
    <input id="question" type="text" autocomplete="off" spellcheck="false" maxlength="2000" placeholder="Ask: what should I fix first?  (↑/↓ for earlier questions)">
    <button type="submit" id="ask-button">Ask</button>
  </form>
</section>`;
}

/** The Flame Graph tab's panel: empty until the script mounts the graph (client/webview/flame-graph) in it. */
function flamePanel(): string {
  return `<section class="tab-panel" id="panel-flame" role="tabpanel" aria-labelledby="tab-flame" hidden>
  <div id="flame-graph-root" class="flame-host"></div>
</section>`;
}

/** The whole page for one render, with a nonce made for it. */
export function consolePage(resources: PageResources, nonce = freshNonce()): string {
  return webviewPageHtml(
    {
      title: 'Hotpath Console',
      policy: policy(resources.cspSource, nonce),
      styleUris: resources.styleUris,
      scriptUri: resources.scriptUri,
      body: `${tabStrip(CONSOLE_TABS)}\n${askPanel()}\n${flamePanel()}`,
    },
    nonce,
  );
}
