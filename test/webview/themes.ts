/**
 * The theme colours the panel is shown with outside VS Code: the fallback `--vscode-*` values a saved report
 * page carries (src/core/exporters/staticPage.ts, VS Code's default Light Modern, Dark Modern and High Contrast
 * values), read from a rendered page so the tests use exactly what the page uses.
 */
import { staticPanelPage } from '../../src/core/exporters/staticPage';
import type { StaticPanelData } from '../../src/shared/panel';

/** The themes a saved page fixes (`auto` follows the reader's system: light or dark). */
export type PageTheme = Exclude<StaticPanelData['theme'], 'auto'>;

export const THEME_CLASS: Record<PageTheme, string> = { light: 'vscode-light', dark: 'vscode-dark', 'high-contrast': 'vscode-high-contrast' };

/** The `--vscode-*` variables (names without the prefix) of a theme's fallback rule in a saved page. */
export function themeVariables(theme: PageTheme): Record<string, string> {
  const page = staticPanelPage({ script: '', style: '', data: {} as StaticPanelData, title: 'themes', nonce: 'themes0123456789abcdef' });
  const rule = new RegExp(`body\\.synthgap-static\\.${THEME_CLASS[theme]} \\{([^}]*)\\}`).exec(page);
  if (!rule) throw new Error(`No fallback rule for ${theme} in the saved page`);
  return Object.fromEntries([...rule[1].matchAll(/--vscode-([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}
