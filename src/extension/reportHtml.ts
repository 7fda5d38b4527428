/**
 * Hardening for the server's self-contained report page before it goes into a webview. The page already
 * carries a strict Content-Security-Policy meta; this makes sure one is there even if the server's page
 * changes, and puts ours first, so the strictest policy wins (a browser enforces every CSP it is given).
 */

/** No scripts, no fetches, no frames: inline styles and data: images only. Matches the core's HTML export. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;

/**
 * The page with our CSP meta as the first element of `<head>` (a `<head>` is added when missing).
 * @example hardenReportHtml('<html><head></head></html>') // '<html><head><meta http-equiv=…></head></html>'
 */
export function hardenReportHtml(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + CSP_META + html.slice(head.index + head[0].length);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) return html.slice(0, root.index + root[0].length) + `<head>${CSP_META}</head>` + html.slice(root.index + root[0].length);
  return `<!DOCTYPE html><html><head>${CSP_META}</head><body>${html}</body></html>`;
}

/** A small page for messages (no report yet, request failed); the text is escaped, never inserted as HTML. */
export function messageHtml(title: string, sentence: string): string {
  const escape = (s: string): string =>
    s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
  return hardenReportHtml(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
      '<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1rem 2rem}</style>' +
      `</head><body><h1>${escape(title)}</h1><p>${escape(sentence)}</p></body></html>`,
  );
}
