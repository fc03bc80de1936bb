/**
 * The shell every Hotpath webview page is: a Content-Security-Policy that allows the extension's
 * own stylesheets and one script carrying a nonce made for this render, the stylesheet, a static
 * body, and the script. Nothing from a profile, a log or an answer is written into it: the pages
 * get their data by postMessage. No `vscode` import, so tests can check the pages as webviews get them.
 */
import { randomBytes } from 'node:crypto';

/** A nonce for one render: 128 bits from the operating system's generator. */
export function freshNonce(): string {
  return randomBytes(16).toString('base64');
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface WebviewPage {
  title: string;
  /** The policy's directives, in order, with the nonce's `script-src` among them. */
  policy: readonly string[];
  /** URIs of the stylesheets and the bundled script, as the webview sees them. */
  styleUris: readonly string[];
  scriptUri: string;
  /** The static markup of the body, before the script. */
  body: string;
}

export function webviewPageHtml(page: WebviewPage, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(page.policy.join('; '))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttribute(uri)}">\n`).join('')}<title>${escapeAttribute(page.title)}</title>
</head>
<body>
${page.body}
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>
`;
}
