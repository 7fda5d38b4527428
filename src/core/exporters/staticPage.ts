/**
 * The saved report page: one self-contained HTML file (the panel's script and stylesheet inlined, the data in a
 * JSON script element, no network) that the panel's "Save as HTML" and `synthgap check --format html` both write.
 * Pure string work: the callers read dist/webview/panel.js and panel.css and hand their text in.
 */
import { escapeHtml, fileName } from './format';
import type { PanelSnapshot, StaticDataset, StaticPanelData } from '../report/panelTypes';
import { staticDataset, type FetchRows } from './staticRows';

/** The id of the `<script type="application/json">` that carries a saved report's data in a static page. */
export const STATIC_DATA_ELEMENT_ID = 'synthgap-data';

export interface StaticPanelPageOptions {
  /** The contents of dist/webview/panel.js and panel.css. */
  readonly script: string;
  readonly style: string;
  readonly data: StaticPanelData;
  readonly title: string;
  /** A fresh random token per page (16 or more base-64 characters): the CSP lets only the inlined script run. */
  readonly nonce: string;
}

/**
 * A saved report: one file that opens in any browser without network. The data sits in a JSON script element
 * with `<`, `>`, `&`, U+2028 and U+2029 escaped, so no text in it can end the element. The body carries VS Code's
 * theme class and fallback values of the theme variables, so the page looks as it did in the editor; with the
 * `auto` theme it starts light and the script follows the reader's system (prefers-color-scheme).
 */
export function staticPanelPage(options: StaticPanelPageOptions): string {
  const nonce = checkNonce(options.nonce);
  const csp = ["default-src 'none'", 'img-src data:', `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
  const theme = THEME_CLASSES[options.data.theme] ?? THEME_CLASSES.dark;
  const auto = options.data.theme === 'auto' ? ' data-synthgap-theme="auto"' : '';
  return `${pageHead(csp, options.title)}
<style nonce="${nonce}">${THEME_FALLBACKS}</style>
<style nonce="${nonce}">${inlineStyle(options.style)}</style>
</head>
<body class="${theme} synthgap-static" data-vscode-theme-kind="${theme}"${auto}>
<div id="app"></div>
<script type="application/json" id="${STATIC_DATA_ELEMENT_ID}">${jsonForScript(options.data)}</script>
<script nonce="${nonce}">${inlineScript(options.script)}</script>
</body>
</html>
`;
}

/** A dataset to save: its snapshot and where its rows come from (the server's pages, or rowsPage over rows). */
export interface SavedDatasetSource {
  readonly snapshot: PanelSnapshot;
  readonly fetchRows: FetchRows;
}

/**
 * The saved report page of one or more datasets, as both writers make it: the CLI (`--format html`, one source
 * per checked file) and the editor's Save as HTML (one source, rows from the language server). Returns the page
 * and what it holds, so a writer can say how many rows it kept.
 */
export async function savedReportPage(
  sources: readonly SavedDatasetSource[],
  page: Pick<StaticPanelPageOptions, 'script' | 'style' | 'nonce'> & { readonly theme: StaticPanelData['theme'] },
): Promise<{ readonly html: string; readonly datasets: StaticDataset[] }> {
  const datasets: StaticDataset[] = [];
  for (const source of sources) datasets.push(await staticDataset(source.snapshot, source.fetchRows));
  const title = datasets.length === 1 ? `Gap Report: ${fileName(datasets[0].snapshot.file)}` : `Gap Report: ${datasets.length} files`;
  return { html: staticPanelPage({ ...page, data: { datasets, theme: page.theme }, title }), datasets };
}

/** The start of both panel pages (the webview's and the saved one), up to the open `<head>`'s last line. */
export function pageHead(csp: string, title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>`;
}

/** JSON that is inert inside a `<script>` element: the characters that could end or confuse it become \uXXXX. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const THEME_CLASSES: Record<StaticPanelData['theme'], string> = {
  light: 'vscode-light',
  dark: 'vscode-dark',
  'high-contrast': 'vscode-high-contrast',
  auto: 'vscode-light',
};

/** The theme variables the panel uses, with VS Code's default theme values, for pages outside VS Code. */
export const THEME_COLORS: Readonly<Record<'light' | 'dark' | 'high-contrast', Readonly<Record<string, string>>>> = {
  light: {
    foreground: '#3b3b3b', 'editor-background': '#ffffff', descriptionForeground: '#717171', 'panel-border': '#e5e5e5',
    'textLink-foreground': '#005fb8', focusBorder: '#005fb8', 'list-hoverBackground': '#f2f2f2',
    'charts-blue': '#1a85ff', 'charts-orange': '#d18616', 'charts-red': '#e51400', 'charts-green': '#388a34',
    'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b',
    'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b', 'editorHoverWidget-background': '#f8f8f8', 'editorHoverWidget-border': '#c8c8c8',
  },
  dark: {
    foreground: '#cccccc', 'editor-background': '#1f1f1f', descriptionForeground: '#9d9d9d', 'panel-border': '#2b2b2b',
    'textLink-foreground': '#4daafc', focusBorder: '#0078d4', 'list-hoverBackground': '#2a2d2e',
    'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-red': '#f14c4c', 'charts-green': '#89d185',
    'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc',
    'badge-background': '#616161', 'badge-foreground': '#f8f8f8', 'editorHoverWidget-background': '#202020', 'editorHoverWidget-border': '#454545',
  },
  'high-contrast': {
    foreground: '#ffffff', 'editor-background': '#000000', descriptionForeground: '#ffffff', 'panel-border': '#6fc3df',
    'textLink-foreground': '#21a6ff', focusBorder: '#f38518', 'list-hoverBackground': '#000000', contrastActiveBorder: '#f38518',
    'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-red': '#f14c4c', 'charts-green': '#89d185',
    'button-background': '#000000', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff',
    'badge-background': '#000000', 'badge-foreground': '#ffffff', 'editorHoverWidget-background': '#0c141f', 'editorHoverWidget-border': '#6fc3df',
  },
};

/** The page's font where VS Code would set it: the system's UI font at the editor's size. */
export const STATIC_FONT = '--vscode-font-family: system-ui, -apple-system, "Segoe UI", sans-serif; --vscode-font-size: 13px;';

/** A theme's colors as CSS custom property declarations (`--vscode-foreground: #3b3b3b; …`). */
export function themeDeclarations(kind: keyof typeof THEME_COLORS): string {
  return Object.entries(THEME_COLORS[kind]).map(([name, value]) => `--vscode-${name}: ${value};`).join(' ');
}

const THEME_FALLBACKS = [
  `body.synthgap-static.vscode-light { ${themeDeclarations('light')} }`,
  `body.synthgap-static.vscode-dark { ${themeDeclarations('dark')} }`,
  `body.synthgap-static.vscode-high-contrast { ${themeDeclarations('high-contrast')} }`,
  `body.synthgap-static { ${STATIC_FONT} }`,
].join('\n');

/** Inlined code must not end its element. A built bundle never contains `</script`; refuse rather than corrupt it. */
function inlineScript(script: string): string {
  if (/<\/script/i.test(script) || /<!--/.test(script)) throw new Error('The panel script contains "</script" or "<!--" and cannot be inlined.');
  // A source map comment would point at a file the saved page does not have.
  return script.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
}

/** In CSS `\/` is `/`, so the escape keeps the stylesheet's meaning. */
function inlineStyle(style: string): string {
  return style.replace(/<\/style/gi, '<\\/style');
}

/** The nonce as given, or an error: a CSP nonce of fewer than 16 base-64 characters could be guessed. */
export function checkNonce(nonce: string): string {
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(nonce)) throw new Error('A CSP nonce is 16 or more base-64 characters.');
  return nonce;
}
