/**
 * The flame graph panel's page: a fixed shell with a strict content security policy. Nothing from
 * a profile is put in it; the graph arrives by postMessage and is drawn by the script, so no
 * function name can become markup. A fresh nonce per render allows exactly the bundled script.
 */
import { freshNonce, webviewPageHtml } from '../webview-page';

export interface ShellResources {
  /** The webview's CSP source (`webview.cspSource`). */
  cspSource: string;
  /** Webview URIs of the bundled script and the stylesheet. */
  script: string;
  style: string;
}

export function flameGraphHtml(resources: ShellResources, nonce = freshNonce()): string {
  const source = resources.cspSource;
  return webviewPageHtml(
    {
      title: 'Flame Graph',
      policy: [`default-src 'none'`, `img-src ${source}`, `style-src ${source}`, `script-src 'nonce-${nonce}'`, `font-src ${source}`],
      styleUri: resources.style,
      scriptUri: resources.script,
      body: '<main id="flame-graph-root"></main>',
    },
    nonce,
  );
}
