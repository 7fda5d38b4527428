/**
 * The charts' series colours per kind of theme. VS Code's `charts.*` colours are the same orange (#d18616) in
 * light and dark themes, which is 2.9:1 on white, so the panel picks its own per theme kind; each is at least
 * 3:1 against that theme's editor background (WCAG 2.1's minimum for graphics), which a unit test checks. The
 * sides also differ by hue (blue against orange), by pattern (hatched) and by outline, so no side rests on colour.
 */
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface SeriesColors {
  readonly real: string;
  readonly synthetic: string;
  readonly flagged: string;
  /** Missing real clusters on the map. */
  readonly region: string;
}

export const SERIES_COLORS: Readonly<Record<ThemeKind, SeriesColors>> = {
  // Darker than VS Code's chart colours: on white they need a luminance under about 0.3 for 3:1.
  light: { real: '#1a6fd6', synthetic: '#b25a00', flagged: '#c4161c', region: '#2e7d32' },
  // VS Code's own chart colours read well on #1f1f1f; the orange is lifted a little so the hatch shows.
  dark: { real: '#3794ff', synthetic: '#f0a030', flagged: '#f14c4c', region: '#89d185' },
  'high-contrast': { real: '#4fb0ff', synthetic: '#ffb340', flagged: '#ff6b6b', region: '#89d185' },
  'high-contrast-light': { real: '#0f4a85', synthetic: '#8f4400', flagged: '#a4121a', region: '#1e5e23' },
};

/** The theme kind VS Code puts on the webview's body (saved pages carry the same classes). Dark by default. */
export function themeKind(classes: { contains(name: string): boolean }): ThemeKind {
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-light')) return 'light';
  return 'dark';
}

/** WCAG 2.1 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG 2.1 contrast ratio of two `#rrggbb` colours, 1 to 21.
 * @example contrastRatio('#ffffff', '#000000') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
