/**
 * The report panel's webview page, as a pure function: script and stylesheet from the extension's built assets,
 * under a nonce-only CSP. No `vscode` import, so tests render it in a plain browser. The saved report page is
 * core's staticPanelPage (src/core/exporters/staticPage.ts), the same page `synthgap check --format html` writes.
 */
import { checkNonce, escapeHtml, pageHead } from '../core/present';

export interface PanelPageOptions {
  /** A fresh random token per page load; letters and digits only. */
  readonly nonce: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
}

/** The webview's page: nothing loads but the extension's own assets, and scripts and styles need the nonce. */
export function panelPage(options: PanelPageOptions): string {
  const nonce = checkNonce(options.nonce);
  const csp = [
    "default-src 'none'",
    `img-src ${options.cspSource} data:`,
    `style-src ${options.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  return `${pageHead(csp, options.title)}
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}" nonce="${nonce}">
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
