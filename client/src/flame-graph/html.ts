/**
 * The flame graph panel's page: a fixed shell with a strict content security policy. Nothing from
 * a profile is put in it; the graph arrives by postMessage and is drawn by the script, so no
 * function name can become markup. A fresh nonce per render allows exactly the bundled script.
 */
import { randomBytes } from 'node:crypto';

export interface ShellResources {
  /** The webview's CSP source (`webview.cspSource`). */
  cspSource: string;
  /** Webview URIs of the bundled script and the stylesheet. */
  script: string;
  style: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

export function flameGraphHtml(resources: ShellResources, nonce = newNonce()): string {
  const csp = [`default-src 'none'`, `img-src ${resources.cspSource}`, `style-src ${resources.cspSource}`, `script-src 'nonce-${nonce}'`, `font-src ${resources.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${resources.style}">
<title>Flame Graph</title>
</head>
<body>
<main id="flame-graph-root"></main>
<script nonce="${nonce}" src="${resources.script}"></script>
</body>
</html>
`;
}
